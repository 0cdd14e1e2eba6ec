package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.cli.EscalationCommand;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario we ship validates, runs, and writes its outputs through the CLI. */
class ShippedScenariosTest {

    static Stream<Path> shipped() {
        return Scenarios.shipped().stream();
    }

    @Test
    void theShippedSetIsComplete() {
        List<String> names = Scenarios.shipped().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("autumn-2024-iraq.yaml", "iran-full-activation.yaml",
                "credible-retaliation.yaml", "strong-restraint.yaml", "deterrence-primer.yaml")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void validatesAndRunsWithActivity(Path file) {
        assertEquals(0, EscalationCommand.execute("validate", file.toString()));
        Theatre t = Scenarios.theatre(file);
        RunRecord r = Scenarios.run(t, 42);
        assertEquals(t.days, r.dailyLevel.length);
        assertTrue(RunRecord.total(r.attacks) > 0, "a shipped scenario should produce attacks");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void runCommandWritesEventsAndDaily(Path file, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, EscalationCommand.execute("run", file.toString(), "--seed", "3", "--quiet", "--out", out.toString()));
        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        List<String> daily = Files.readAllLines(out.resolve("daily.csv"));
        assertTrue(events.size() > 1, "events.csv has rows");
        Theatre t = Scenarios.theatre(file);
        assertEquals(1 + t.days * t.actors, daily.size(), "daily.csv has one row per date and actor");
        // Columns before the free text hold no commas: the 13th is the deciding rule; the reason is last.
        List<String> strikes = events.stream().skip(1).filter(l -> l.split(",", 3)[1].equals("strike")).toList();
        assertTrue(!strikes.isEmpty());
        for (String l : strikes) {
            assertFalse(l.split(",", 14)[12].isEmpty(), "a strike names the rule that decided it: " + l);
            assertFalse(l.endsWith(","), "a strike carries its reason: " + l);
        }
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void theAutumnScenarioHasTheActorsOfTheBrief() throws Exception {
        var s = Scenarios.load(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        List<String> ids = s.actors().stream().map(a -> a.id()).toList();
        assertTrue(ids.containsAll(List.of("iran", "kh", "nujaba", "aah", "kss", "hezbollah", "israel", "us",
                "iraq_gov", "houthis")), ids.toString());
        assertEquals(java.time.LocalDate.of(2024, 9, 27), s.calendar().start());
    }
}
