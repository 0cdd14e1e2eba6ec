package escalation.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.history.HistoryFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped scenario runs by name from the library the program carries, the same as from its file. */
class ScenarioLibraryTest {
    private static final Path REPO = Path.of("scenarios");

    @Test
    void theLibraryHoldsEveryShippedYamlFileByName() throws IOException {
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> s = Files.walk(REPO)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String rel = REPO.relativize(p).toString().replace('\\', '/');
                onDisk.add(rel.substring(0, rel.length() - 5));
            }
        }
        onDisk.sort(String::compareTo);
        assertEquals(onDisk, ScenarioLibrary.names());
        assertTrue(ScenarioLibrary.runnable().containsAll(List.of("autumn-2024-iraq", "deterrence-primer", "history/april-2024-exchange")));
        assertTrue(ScenarioLibrary.runnable().stream().noneMatch(n -> n.endsWith("-targets") || n.startsWith("bench/")),
                "checks, priors and the benchmark are not offered as classroom scenarios: " + ScenarioLibrary.runnable());
    }

    @Test
    void aNameIsFoundWithOrWithoutItsFolderAndExtension() {
        Path autumn = ScenarioLibrary.find("autumn-2024-iraq").orElseThrow();
        for (String n : List.of("autumn-2024-iraq.yaml", "scenarios/autumn-2024-iraq.yaml", "./scenarios/autumn-2024-iraq.yaml",
                "/scenarios/autumn-2024-iraq.yaml")) {
            assertEquals(Optional.of(autumn), ScenarioLibrary.find(n), n);
        }
        assertTrue(ScenarioLibrary.find("history/autumn-2024-targets").isPresent());
        for (String n : List.of("autumn", "../pom", "history/../../pom", "", "/etc/passwd")) {
            assertEquals(Optional.empty(), ScenarioLibrary.find(n), n);
        }
    }

    @Test
    void aFileThatExistsIsPreferredToTheShippedScenarioOfThatName(@TempDir Path dir) throws IOException {
        Path mine = Files.writeString(dir.resolve("autumn-2024-iraq.yaml"), "name: mine\n");
        assertEquals(mine, ScenarioLibrary.locate(mine.toString()));
        assertEquals(ScenarioLibrary.find("deterrence-primer").orElseThrow(), ScenarioLibrary.locate("deterrence-primer"));
        assertEquals(Path.of("no-such-scenario"), ScenarioLibrary.locate("no-such-scenario"), "left for the loader to report");
    }

    @Test
    void everyShippedScenarioResolvesFromTheLibraryAsFromItsFile() throws ScenarioException {
        ScenarioLoader loader = new ScenarioLoader();
        int scenarios = 0;
        for (String n : ScenarioLibrary.runnable()) {
            Path shipped = ScenarioLibrary.find(n).orElseThrow();
            assertEquals(Plain.of(loader.resolve(REPO.resolve(n + ".yaml"))), Plain.of(loader.resolve(shipped)), n);
            scenarios++;
        }
        assertTrue(scenarios >= 7, "scenarios and replays: " + scenarios);
    }

    @Test
    void insideAJarExtendsChainsAndDataFilesResolve(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("library.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(REPO)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry("scenarios/" + REPO.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        Path root = ScenarioLibrary.folderOf(new URL("jar:" + jar.toUri() + "!/scenarios/deterrence-primer.yaml"));
        assertEquals("jar", root.getFileSystem().provider().getScheme());
        ScenarioLoader loader = new ScenarioLoader();
        assertEquals(Plain.of(loader.resolve(REPO.resolve("credible-retaliation.yaml"))),
                Plain.of(loader.resolve(root.resolve("credible-retaliation.yaml"))), "its extends chain read inside the jar");
        assertEquals("credible-retaliation", loader.load(root.resolve("credible-retaliation.yaml")).name());
        HistoryFile h = HistoryFile.load(root.resolve("history/autumn-2024-targets.yaml"), List.of());
        HistoryFile fromDisk = HistoryFile.load(REPO.resolve("history/autumn-2024-targets.yaml"), List.of());
        assertEquals(fromDisk.targets().size(), h.targets().size());
        assertEquals(fromDisk.figures().stream().map(f -> f.id() + "=" + f.value()).toList(),
                h.figures().stream().map(f -> f.id() + "=" + f.value()).toList(), "the observed figures read from the CSV inside the jar");
        assertTrue(h.targets().size() > 5, "the targets and the observed figures they read: " + h.targets().size());
    }
}
