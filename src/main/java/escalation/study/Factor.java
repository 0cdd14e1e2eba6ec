package escalation.study;

import escalation.design.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * An uncertain factor of an experiment: the scenario paths it sets (all to one value), its
 * distribution, and for a discrete factor its levels as written in the file. A design gives each point
 * a unit coordinate per factor; the factor turns it into the value written into the scenario.
 *
 * @param levels       a discrete factor's levels as written ({@code true}, {@code 0.4}, {@code hold}); empty for a continuous one
 * @param settings     the same levels as YAML values for {@code --set} (text double-quoted, so that it stays text)
 * @param numeric      for a discrete factor, whether every level is a number (its value is then the level, else the level's position)
 * @param baselineUnit the unit coordinate of the factor's baseline
 */
public record Factor(String name, List<String> paths, Distribution distribution, List<String> levels, List<String> settings, boolean numeric, boolean whole,
                     double baselineUnit) {

    public boolean discrete() {
        return distribution.kind() == Distribution.Kind.DISCRETE;
    }

    /** The factor's value at unit coordinate u, as a number for analysis: the value, or a discrete level's value or position. */
    public double number(double u) {
        if (discrete()) {
            int level = distribution.level(u);
            return numeric ? Double.parseDouble(levels.get(level)) : level;
        }
        double v = distribution.value(u);
        return whole ? Math.rint(v) : v;
    }

    /** The value as a table shows it: the number, or a discrete level as written. */
    public String cell(double u) {
        if (discrete()) return levels.get(distribution.level(u));
        return escalation.study.Numbers.format(number(u));
    }

    /** The overrides ({@code path=value}, as {@code --set} takes them) that give the scenario this value. */
    public List<String> overrides(double u) {
        String text = discrete() ? settings.get(distribution.level(u)) : whole ? Long.toString((long) number(u)) : Double.toString(number(u));
        List<String> out = new ArrayList<>();
        for (String p : paths) out.add(p + "=" + text);
        return out;
    }
}
