package escalation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The arrows between packages stay as the README draws them: the model knows nothing of I/O or front doors. */
class ArchitectureTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("scenario", List.of("escalation.model", "escalation.engine", "escalation.io", "escalation.cli", "escalation.gui")),
            Map.entry("spec", List.of("escalation.model", "escalation.engine", "escalation.io", "escalation.cli", "escalation.gui")),
            Map.entry("model", List.of("escalation.engine", "escalation.experiment", "escalation.history", "escalation.io",
                    "escalation.report", "escalation.cli", "escalation.gui", "java.io.", "java.nio.", "picocli",
                    "java.awt", "javax.swing", "sim.display", "sim.portrayal", "org.jfree")),
            Map.entry("engine", List.of("escalation.experiment", "escalation.history", "escalation.io", "escalation.report", "escalation.cli",
                    "escalation.gui", "sim.display", "sim.portrayal")),
            Map.entry("experiment", List.of("escalation.history", "escalation.io", "escalation.report", "escalation.cli", "escalation.gui",
                    "org.jfree", "java.nio.")),
            Map.entry("history", List.of("escalation.cli", "escalation.report", "escalation.io", "escalation.gui")),
            Map.entry("io", List.of("escalation.experiment", "escalation.history", "escalation.report", "escalation.cli", "escalation.gui")),
            Map.entry("report", List.of("escalation.cli", "escalation.gui")),
            Map.entry("cluster", List.of("escalation.experiment", "escalation.history", "escalation.report", "escalation.cli", "escalation.gui",
                    "escalation.model", "escalation.study")),
            Map.entry("slurm", List.of("escalation.experiment", "escalation.history", "escalation.report", "escalation.cli", "escalation.gui",
                    "escalation.model", "escalation.study", "escalation.io", "escalation.scenario", "escalation.cluster")),
            Map.entry("gui", List.of("escalation.cli")),
            Map.entry("classroom", List.of("escalation.cli", "escalation.gui", "java.awt", "javax.swing")),
            Map.entry("geo", List.of("escalation.model", "escalation.engine", "escalation.experiment", "escalation.history", "escalation.io",
                    "escalation.report", "escalation.cli", "escalation.gui", "escalation.scenario", "java.awt", "javax.swing")),
            Map.entry("tools", List.of("escalation.model", "escalation.engine", "escalation.experiment", "escalation.history",
                    "escalation.io", "escalation.report", "escalation.cli", "escalation.gui")));

    /** The experiment layers: designs and sensitivity methods are pure mathematics; study sees the model only through scenarios and runs. */
    private static final Map<String, List<String>> FORBIDDEN_TO_EXPERIMENTS = Map.of(
            "design", List.of("escalation.model", "escalation.engine", "escalation.scenario", "escalation.experiment", "escalation.history",
                    "escalation.sensitivity", "escalation.study", "escalation.io", "escalation.report", "escalation.cli", "escalation.gui",
                    "org.jfree", "java.nio."),
            "sensitivity", List.of("escalation.model", "escalation.engine", "escalation.scenario", "escalation.experiment", "escalation.history",
                    "escalation.study", "escalation.io", "escalation.report", "escalation.cli", "escalation.gui", "org.jfree", "java.nio."),
            "study", List.of("escalation.io", "escalation.report", "escalation.cli", "escalation.gui", "org.jfree"));

    @Test
    void packagesImportOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(FORBIDDEN);
        all.putAll(FORBIDDEN_TO_EXPERIMENTS);
        for (var e : all.entrySet()) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/escalation", e.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        for (String banned : e.getValue()) {
                            if ((line.startsWith("import " + banned) || line.contains(" " + banned))
                                    && !line.strip().startsWith("*") && !line.strip().startsWith("//")) {
                                violations.add(f + ": " + line.strip());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
