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
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "scenario", List.of("escalation.model", "escalation.engine", "escalation.io", "escalation.cli", "escalation.gui"),
            "spec", List.of("escalation.model", "escalation.engine", "escalation.io", "escalation.cli", "escalation.gui"),
            "model", List.of("escalation.engine", "escalation.experiment", "escalation.history", "escalation.io",
                    "escalation.report", "escalation.cli", "escalation.gui", "java.io.", "java.nio.", "picocli",
                    "java.awt", "javax.swing", "sim.display", "sim.portrayal", "org.jfree"),
            "engine", List.of("escalation.experiment", "escalation.history", "escalation.io", "escalation.report", "escalation.cli",
                    "escalation.gui", "sim.display", "sim.portrayal"),
            "experiment", List.of("escalation.history", "escalation.io", "escalation.report", "escalation.cli", "escalation.gui",
                    "org.jfree", "java.nio."),
            "history", List.of("escalation.cli", "escalation.report", "escalation.io", "escalation.gui"),
            "io", List.of("escalation.experiment", "escalation.history", "escalation.report", "escalation.cli", "escalation.gui"),
            "report", List.of("escalation.cli", "escalation.gui"),
            "gui", List.of("escalation.cli"),
            "classroom", List.of("escalation.cli", "escalation.gui", "java.awt", "javax.swing"),
            "tools", List.of("escalation.model", "escalation.engine", "escalation.experiment", "escalation.history",
                    "escalation.io", "escalation.report", "escalation.cli", "escalation.gui"));

    @Test
    void packagesImportOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var e : FORBIDDEN.entrySet()) {
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
