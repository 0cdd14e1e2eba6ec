package escalation.history;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import escalation.scenario.Node;
import escalation.scenario.Plain;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario a calibration recommends: a file that {@code extends:} the original and sets the
 * calibrated values. A path into a list ({@code calendar.events.0.effects.0.grievance.add}) restates
 * the whole list with the calibrated values in it: {@code extends} replaces a plain list whole, and not
 * every list has items with ids that {@code merge:} could name (an event's effects have none).
 */
public final class CalibratedScenario {
    private CalibratedScenario() { }

    public static String yaml(CalibrationFile cf, double[] values, Path folder, String command) throws ScenarioException, IOException {
        List<String> overrides = new ArrayList<>();
        List<CalibrationFile.Parameter> ps = cf.parameters();
        for (int p = 0; p < ps.size(); p++) overrides.addAll(CalibrationFile.overrides(ps.get(p), values[p]));
        HistoryFile h = cf.history();
        Node tree = new ScenarioLoader().override(h.scenario(), h.scenarioFile().toString(), overrides).tree();
        Map<String, Object> doc = new LinkedHashMap<>();
        Path original = folder.toAbsolutePath().normalize().relativize(h.scenarioFile().toAbsolutePath().normalize());
        doc.put("extends", original.toString().replace('\\', '/'));
        doc.put("name", h.scenario().scenario().name() + "-calibrated");
        doc.put("title", h.scenario().scenario().title() + " (calibrated)");
        for (CalibrationFile.Parameter p : ps) {
            for (String path : p.paths()) place(doc, tree, path.split("\\."));
        }
        StringBuilder b = new StringBuilder();
        b.append("# Calibrated by approximate Bayesian computation against ").append(cf.history().path()).append('\n');
        b.append("# Command: ").append(command).append('\n');
        b.append("# Posterior medians:\n");
        for (int p = 0; p < ps.size(); p++) {
            b.append(String.format(Locale.ROOT, "#   %s = %.6g  (%s)%n", ps.get(p).name(), values[p], String.join(", ", ps.get(p).paths())));
        }
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        return b.append(mapper.writeValueAsString(doc)).toString();
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> doc, Node tree, String[] parts) {
        Map<String, Object> into = doc;
        Node cur = tree;
        for (int i = 0; i < parts.length; i++) {
            Node child = cur instanceof Node.Mapping m ? m.get(parts[i]) : null;
            if (child == null) return;
            if (child instanceof Node.Sequence || i == parts.length - 1) {
                into.put(parts[i], Plain.of(child));
                return;
            }
            Object next = into.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                into.put(parts[i], next);
            }
            into = (Map<String, Object>) next;
            cur = child;
        }
    }
}
