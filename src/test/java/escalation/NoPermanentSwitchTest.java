package escalation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import escalation.model.Theatre;
import escalation.model.World;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No mechanism switches an actor off for good: after the winter near-halt, on the last day of the autumn
 * scenario, every faction that is not serving a suspension still has a positive intensity of action, in
 * every run, and its attacks come back when the fronts it follows do.
 */
class NoPermanentSwitchTest {
    private static final String[] FACTIONS = {"kh", "nujaba", "aah", "kss"};

    @Test
    void everyFactionKeepsAPositivePropensityThroughTheNearHalt() {
        Theatre t = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        int suspendedOnTheLastDay = 0;
        for (int seed : Scenarios.seeds(200)) {
            EscalationSim sim = new EscalationSim(t, seed, null);
            sim.runToEnd();
            World w = sim.world();
            for (String f : FACTIONS) {
                int i = t.index(f);
                if (w.suspended(i)) {
                    suspendedOnTheLastDay++;
                    continue;
                }
                assertTrue(w.propensity(i) > 1e-3, f + " at seed " + seed + " has propensity " + w.propensity(i));
            }
        }
        assertTrue(suspendedOnTheLastDay < 200, "suspensions end: " + suspendedOnTheLastDay + " of 800 faction-runs suspended on the last day");
    }

    @Test
    void aRenewedWarOnTheFrontBringsTheFactionsBack(@TempDir Path dir) {
        // Reopening the Lebanon war on 1 Mar 2025 (a dated event added by a variant) must bring attacks back within the month.
        Theatre quiet = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        Theatre renewed = Scenarios.fromYaml(dir, "extends: " + Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toAbsolutePath() + "\n"
                + "name: renewed-war\n"
                + "calendar:\n"
                + "  events:\n"
                + "    merge:\n"
                + "      - {name: \"The Lebanon war resumes\", date: 2025-03-01, effects: [{front: {id: lebanon, state: war}}]}\n");
        long before = 0;
        long after = 0;
        int march = quiet.dayOf(java.time.LocalDate.of(2025, 3, 1));
        for (int seed : Scenarios.seeds(200)) {
            before += marchAttacks(quiet, seed, march);
            after += marchAttacks(renewed, seed, march);
        }
        assertTrue(after > 3 * before + 50, "attacks in March 2025: " + before + " with the ceasefire, " + after + " with the war renewed");
    }

    private static long marchAttacks(Theatre t, int seed, int march) {
        var r = Scenarios.run(t, seed);
        long n = 0;
        for (String f : FACTIONS) {
            int i = t.index(f);
            for (int week = march / 7; week < r.weeks; week++) n += r.weeklyAttacks[i * r.weeks + week];
        }
        return n;
    }
}
