package escalation.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.cli.EscalationCommand;
import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import org.junit.jupiter.api.Test;

/** The benchmark measures the runs a batch makes and counts what they draw; no speed is asserted here. */
class BenchmarkTest {
    private final Theatre theatre = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    @Test
    void countingTheDrawsDoesNotChangeTheRun() {
        for (int seed : Scenarios.seeds(3)) {
            RunRecord plain = Scenarios.run(theatre, seed);
            Benchmark.CountingTwister counting = new Benchmark.CountingTwister(seed);
            RunRecord counted = new EscalationSim(theatre, counting, null).runToEnd();
            assertArrayEquals(plain.dailyLevel, counted.dailyLevel);
            assertArrayEquals(plain.attacks, counted.attacks);
            assertArrayEquals(plain.intercepted, counted.intercepted);
            assertArrayEquals(plain.killed, counted.killed);
            // Every day draws at least the shock and the utility rules' opportunities; MASON's priming adds 1249.
            assertTrue(counting.draws > 1249 + theatre.days, "draws " + counting.draws);
            assertEquals(counting.draws, Benchmark.draws(theatre, seed));
        }
    }

    @Test
    void measuresBothPassesAndTheFloorOverTheRunsAsked() throws InterruptedException {
        Benchmark.Result r = Benchmark.measure(theatre, new Benchmark.Settings(30, 10, 2, 1, 2));
        assertEquals(30, r.single().runs());
        assertEquals(1, r.single().threads());
        assertEquals(2, r.all().threads());
        assertEquals(30L * theatre.actors * theatre.days, r.all().actorDays());
        assertEquals(30, r.floor().countedRuns());
        long total = 0;
        for (int i = 0; i < 30; i++) total += Benchmark.draws(theatre, Seeds.of(1, i));
        assertEquals(total / 30.0, r.floor().drawsPerRun(), 1e-9);
        assertTrue(r.efficiency() > 0 && Double.isFinite(r.efficiency()));
        assertTrue(r.modelOverFloor() > 0 && Double.isFinite(r.modelOverFloor()));
    }

    @Test
    void badSettingsAreRefusedWithExitCode2() {
        String file = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toString();
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--runs", "0"));
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--threads", "0"));
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--days", "10"));
    }
}
