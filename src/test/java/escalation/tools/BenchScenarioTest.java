package escalation.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.cli.EscalationCommand;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's scenario of about 100 actors is the generator's output, validates, runs, and keeps its relations local. */
class BenchScenarioTest {
    private static final Path SHIPPED = Path.of(BenchScenario.FILE);

    @Test
    void theShippedFileIsWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
        Path regenerated = dir.resolve("bench").resolve("hundred-actors.yaml");
        BenchScenario.main(new String[] {regenerated.toString()});
        assertEquals(Files.readString(regenerated), Files.readString(SHIPPED),
                SHIPPED + " is stale: run  " + BenchScenario.COMMAND);
        assertTrue(Files.readString(SHIPPED).contains(BenchScenario.COMMAND), "the header says how to regenerate it");
    }

    @Test
    void itValidatesAndRunsWithActivity(@TempDir Path dir) {
        assertEquals(0, EscalationCommand.execute("validate", SHIPPED.toString()));
        Theatre t = Scenarios.theatre(SHIPPED);
        assertEquals(BenchScenario.THEATRES * (BenchScenario.FACTIONS + 5), t.actors);
        assertTrue(t.actors >= 90 && t.actors <= 110, "about 100 actors: " + t.actors);
        RunRecord r = Scenarios.run(t, 42);
        assertEquals(t.days, r.dailyLevel.length);
        assertTrue(RunRecord.total(r.attacks) > 100, "attacks " + RunRecord.total(r.attacks));
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, EscalationCommand.execute("batch", SHIPPED.toString(), "--runs", "20", "--seed", "1",
                    "--out", dir.resolve("batch").toString()));
        } finally {
            System.setOut(out);
        }
        assertTrue(Files.exists(dir.resolve("batch").resolve("runs.csv")));
    }

    @Test
    void relationsStayLocal() throws Exception {
        Records.Scenario s = Scenarios.load(SHIPPED);
        for (Records.Rivalry g : s.relations().rivalry()) {
            assertTrue(g.actors().size() <= 5, "a rivalry group of " + g.actors().size());
        }
        int factions = 0;
        for (Records.Adversaries a : s.relations().adversaries()) {
            Records.Actor actor = s.actors().stream().filter(x -> x.id().equals(a.actor())).findFirst().orElseThrow();
            if (!actor.kind().equals("proxy")) continue;
            factions++;
            assertTrue(a.targets().size() >= 2 && a.targets().size() <= 3, a.actor() + " targets " + a.targets());
        }
        assertEquals(BenchScenario.THEATRES * BenchScenario.FACTIONS, factions);
    }
}
