package escalation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import escalation.cli.EscalationCommand;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario and seed give byte-identical outputs; different seeds give different ones. */
class DeterminismTest {
    private final Theatre theatre = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        String file = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toString();
        assertEquals(0, EscalationCommand.execute("run", file, "--seed", "99", "-q", "--out", dir.resolve("a").toString()));
        assertEquals(0, EscalationCommand.execute("run", file, "--seed", "99", "-q", "--out", dir.resolve("b").toString()));
        for (String f : new String[] {"events.csv", "daily.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        String[] a = Scenarios.logged(theatre, 1);
        String[] b = Scenarios.logged(theatre, 2);
        assertNotEquals(a[0], b[0]);
        assertNotEquals(a[1], b[1]);
    }

    @Test
    void observingARunDoesNotChangeIt() {
        // The event log must not draw random numbers: a batch (unobserved) run and a logged run agree.
        for (int seed : Scenarios.seeds(5)) {
            RunRecord plain = Scenarios.run(theatre, seed);
            escalation.io.RunLog observed = new escalation.io.RunLog(theatre, null);
            RunRecord logged = new escalation.engine.EscalationSim(theatre, seed, observed).runToEnd();
            assertArrayEquals(plain.dailyLevel, logged.dailyLevel);
            assertArrayEquals(plain.attacks, logged.attacks);
            assertArrayEquals(plain.killed, logged.killed);
            assertArrayEquals(plain.thresholdDay, logged.thresholdDay);
        }
    }

    @Test
    void runsOnSeveralThreadsAgreeWithSequentialRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<String[]>> futures = new java.util.ArrayList<>();
            for (int seed : Scenarios.seeds(8)) futures.add(pool.submit(() -> Scenarios.logged(theatre, seed)));
            int k = 0;
            for (int seed : Scenarios.seeds(8)) {
                assertArrayEquals(Scenarios.logged(theatre, seed), futures.get(k++).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
