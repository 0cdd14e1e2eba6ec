package escalation.io;

import escalation.model.CompiledAction;
import escalation.model.Decision;
import escalation.model.Occurrence;
import escalation.model.Theatre;
import java.util.Locale;

/**
 * Puts occurrences into plain words for the event log, the ticker and {@code events.csv}:
 * "Kata'ib Hezbollah launches 3 one-way attack drones at Israel (drones at the Golan; lethal proxy
 * strike): 2 intercepted, 1 hit, 2 killed. Why: utility rule; grievance toward Israel 2.31, ..."
 */
public final class Narrator {
    private final Theatre theatre;

    public Narrator(Theatre theatre) {
        this.theatre = theatre;
    }

    /** What happened, without the reason. */
    public String what(Occurrence o) {
        return switch (o.kind()) {
            case STRIKE -> strike(o);
            case SIGNAL -> name(o.actor()) + " warns " + name(o.target()) + " (" + o.action().label() + ")"
                    + (o.action().via().length > 0 ? " through " + names(o.action().via()) : "");
            case ORDER -> name(o.actor()) + " orders its proxies to " + o.note();
            case EVENT -> "Event: " + o.note();
            case SHOCK -> "Shock: " + o.note();
            case THRESHOLD -> "Threshold crossed: " + o.note() + " (" + name(o.actor()) + " against " + name(o.target()) + ")";
        };
    }

    private String strike(Occurrence o) {
        CompiledAction a = o.action();
        StringBuilder b = new StringBuilder(name(o.actor()));
        if (a.launchesWeapons()) {
            b.append(" launches ").append(o.salvo()).append(' ').append(theatre.weaponNames[a.weapon()])
                    .append(o.salvo() == 1 ? "" : "s").append(" at ").append(name(o.target()));
        } else {
            b.append(" strikes ").append(name(o.target()));
        }
        b.append(" (").append(a.label()).append("; ").append(lowerFirst(theatre.rungNames[a.rung()])).append(')');
        if (a.launchesWeapons()) {
            b.append(": ").append(o.intercepted()).append(" intercepted, ").append(o.hits()).append(o.hits() == 1 ? " hit" : " hits");
            if (o.killed() > 0 || o.injured() > 0) b.append(", ").append(o.killed()).append(" killed, ").append(o.injured()).append(" injured");
        }
        if (a.corridorLinks().length > 0) {
            b.append(a.launchesWeapons() ? "; " : ": ").append("corridor cut at ");
            for (int k = 0; k < a.corridorLinks().length; k++) {
                if (k > 0) b.append(", ");
                b.append(theatre.scenario.corridor().links().get(a.corridorLinks()[k]).name());
            }
        }
        return b.toString();
    }

    /** Why, in plain words, or "" for calendar events. */
    public String why(Occurrence o) {
        Decision d = o.why();
        if (d == null) return "";
        switch (d.rule()) {
            case "dated event" -> {
                return "a dated event in the scenario's calendar";
            }
            case "dated order" -> {
                double days = d.input("days");
                return "a dated event in the scenario's calendar; the order stands "
                        + (days < 0 ? "to the end of the run" : "for " + fmt(days) + " days");
            }
            case "scripted" -> {
                return "scripted rule: the actor's script has this action on this date";
            }
            default -> { }
        }
        StringBuilder b = new StringBuilder(d.rule().replace('_', '-')).append(" rule");
        boolean first = true;
        for (int i = 0; i < d.inputNames().length; i++) {
            if (d.inputNames()[i].equals("patron_order") && d.inputValues()[i] < 0) continue;
            b.append(first ? "; " : ", ");
            first = false;
            b.append(d.inputNames()[i].replace('_', ' ')).append(' ')
                    .append(format(d.inputNames()[i], d.inputValues()[i], o));
        }
        if (o.kind() == Occurrence.Kind.STRIKE || o.kind() == Occurrence.Kind.SIGNAL) {
            b.append("; p=").append(fmt(d.probability())).append(" (drew ").append(fmt(d.draw())).append(')');
        }
        return b.toString();
    }

    private String format(String name, double v, Occurrence o) {
        if (name.equals("received_rung") && v >= 1) return "'" + lowerFirst(theatre.rungNames[(int) v - 1]) + "'";
        if (name.equals("days") && v < 0) return "to the end";
        if (name.equals("patron_order")) return escalation.spec.ScenarioSpec.ORDERS.get((int) v);
        return fmt(v);
    }

    public String line(Occurrence o) {
        String why = why(o);
        return o.date() + "  " + what(o) + (why.isEmpty() ? "" : ".  Why: " + why);
    }

    public String name(int actor) {
        return actor < 0 ? "" : theatre.actorNames[actor];
    }

    private String names(int[] actors) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < actors.length; k++) {
            if (k > 0) b.append(k == actors.length - 1 ? " and " : ", ");
            b.append(name(actors[k]));
        }
        return b.toString();
    }

    /** "Strikes in Iraq" becomes "strikes in Iraq"; proper nouns inside a name keep their capitals. */
    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
