package escalation.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import escalation.experiment.Seeds;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.report.HistoryReport;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The share of runs that match a period's whole record at once: every target's value in its observed
 * range. Counted by hand on a few synthetic runs, and against each run's own values in a small check.
 */
class WholeRecordTest {
    private static Target target(String id, Target.Kind kind, double observed, double low, double high) {
        Figure f = new Figure(id, id, "" + observed, "" + low, "" + high, "u", "s", "p", "d", "r", "f.csv", 2);
        return new Target(id, kind, List.of("a"), List.of("b"), "attacks", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 10),
                null, null, observed, low, high, f);
    }

    @Test
    void matchesAHandCountOnSyntheticRuns() {
        Target attacks = target("attacks", Target.Kind.COUNT, 3, 2, 4);
        Target share = target("share", Target.Kind.INTERCEPTION_SHARE, 0.5, 0.4, 0.6);
        // No reply by 10 Oct in the record: the censoring value 10, which only a censored run matches.
        Target reply = target("reply", Target.Kind.LAG, 10, 10, 10);
        assertTrue(reply.observedCensored());
        double nan = Double.NaN;
        double[][] values = {
            // run:    0    1    2    3    4    5    6    7
            {          2,   4,   5,   3,   3,   2,   3,   4},
            {        0.4, 0.6, 0.5, 0.7, nan, 0.5, 0.5, 0.45},
            {         10,  10,  10,  10,  10,   9,  10,  10},
        };
        // Run 0, 1, 6 and 7 match all three; 2 has 5 attacks, 3 a share of 0.7, 4 no share at all, 5 a reply.
        Validation.WholeRecord w = Validation.wholeRecord(List.of(attacks, share, reply), values);
        assertEquals(4, w.matching());
        assertEquals(8, w.runs());
        assertEquals(0.5, w.share());
        assertArrayEquals(escalation.experiment.Statistics.wilson(4, 8, escalation.experiment.Statistics.Z95), w.interval());
        assertEquals(7.0 / 8, Validation.check(attacks, values[0]).inRangeShare());
        assertEquals(6.0 / 8, Validation.check(share, values[1]).inRangeShare(), "an undefined share is not in range");
        assertEquals(7.0 / 8, Validation.check(reply, values[2]).inRangeShare());
    }

    @Test
    void agreesWithEachRunsOwnValuesInASmallCheck() throws Exception {
        HistoryFile h = HistoryFile.load(HistoryTest.TARGETS, List.of());
        Theatre theatre = new Theatre(h.scenario().scenario(), true);
        long seed = 11;
        int runs = 60;
        Validation.Result r = Validation.run(theatre, h.targets(), h.weekly(), seed, runs, 2);
        List<Statistic> stats = h.targets().stream().map(t -> new Statistic(t, theatre)).toList();
        long matching = 0;
        long[] inRange = new long[stats.size()];
        for (int i = 0; i < runs; i++) {
            RunRecord record = new EscalationSim(theatre, Seeds.of(seed, i), null).runToEnd();
            double[] v = Validation.values(stats, record);
            boolean all = true;
            for (int k = 0; k < v.length; k++) {
                Target t = h.targets().get(k);
                boolean in = v[k] >= t.low() && v[k] <= t.high();
                if (in) inRange[k]++;
                all &= in;
            }
            if (all) matching++;
        }
        assertEquals(matching, r.wholeRecord().matching());
        assertEquals(runs, r.wholeRecord().runs());
        for (int k = 0; k < stats.size(); k++) {
            assertEquals((double) inRange[k] / runs, r.checks().get(k).inRangeShare(), 1e-12, h.targets().get(k).id());
        }
        long fewest = java.util.Arrays.stream(inRange).min().orElseThrow();
        assertTrue(matching <= fewest, "no more runs match the whole record than match its rarest target");
        String text = HistoryReport.text(h.title(), r);
        assertTrue(text.contains("whole record: " + matching + " of " + runs + " runs ("), text);
    }
}
