package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lag or first date takes its censoring value (the window's end plus one day) in every run without
 * an event, so its simulated interval can reach the observed value through runs in which nothing
 * happened. Hand-built samples show that neither check passes that way, and that a record of "no
 * event" is checked against censored runs.
 */
class CensoringTest {
    private static final LocalDate FROM = LocalDate.of(2024, 10, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    /** 31 + 30 + 31 days, minus one, plus one: the censoring value of a lag from 1 Oct to 31 Dec. */
    private static final double CENSORED = 92;

    private static Target lag(double observed, double low, double high) {
        Figure f = new Figure("reply", "days to the reply", "" + observed, "" + low, "" + high, "days", "s", "p", "d", "reported", "f.csv", 2);
        return new Target("reply", Target.Kind.LAG, List.of("a"), List.of("b"), "attacks", FROM, TO, null, null, observed, low, high, f);
    }

    /** 100 runs: {@code counts[i]} runs with value {@code values[i]}. */
    private static double[] runs(double[] values, int[] counts) {
        double[] out = new double[Arrays.stream(counts).sum()];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < counts[i]; k++) out[n++] = values[i];
        }
        return out;
    }

    @Test
    void theCensoringValueIsTheWindowsEndPlusOneDay() {
        Target t = lag(25, 20, 30);
        assertEquals(CENSORED, t.censoredValue());
        assertTrue(t.isCensored(CENSORED) && !t.isCensored(91));
        assertEquals("after 2024-12-31 (censored)", t.format(CENSORED));
        assertEquals("91", t.format(91));
    }

    @Test
    void anIntervalThatReachesTheObservedValueOnlyThroughCensoringIsNotPointInside() {
        // 10 replies on day 24, none later; 90 runs without a reply by 31 Dec.
        double[] sim = runs(new double[] {24, CENSORED}, new int[] {10, 90});
        Validation.Check c = Validation.check(lag(25, 20, 30), sim);
        assertEquals(24, c.low());
        assertEquals(CENSORED, c.high());
        assertTrue(25 >= c.low() && 25 <= c.high(), "the interval 24 - censored holds 25: " + c);
        assertFalse(c.pointInside(), "but no run replies on or after day 25: " + c);
        assertTrue(c.covered(), "10% of runs reply within or after the range's low end (20): " + c);
        assertEquals(0.9, c.censoredShare(), 1e-12);
        assertEquals(0.1, c.inRangeShare(), 1e-12);
    }

    @Test
    void aRangeMetOnlyThroughCensoringIsNotCovered() {
        // 10 early replies (day 5), 3 in the range (day 24), 87 censored: the interval 5 - censored meets 20 - 30.
        double[] sim = runs(new double[] {5, 24, CENSORED}, new int[] {10, 3, 87});
        Validation.Check c = Validation.check(lag(25, 20, 30), sim);
        assertTrue(c.low() <= 30 && c.high() >= 20, c.toString());
        assertFalse(c.covered(), "only 3% of runs reply on or after day 20: " + c);
        assertFalse(c.pointInside(), c.toString());
        // Five more replies on day 26: 8% of runs on or after day 20, 5% on or after day 25, enough for both checks.
        double[] more = runs(new double[] {5, 24, 26, CENSORED}, new int[] {10, 3, 5, 82});
        Validation.Check d = Validation.check(lag(25, 20, 30), more);
        assertTrue(d.covered(), d.toString());
        assertTrue(d.pointInside(), "5% of runs reply on or after day 25: " + d);
    }

    @Test
    void withEnoughEventsOnBothSidesACensoredTargetPasses() {
        double[] sim = runs(new double[] {10, 25, 40, CENSORED}, new int[] {20, 20, 20, 40});
        Validation.Check c = Validation.check(lag(25, 20, 30), sim);
        assertTrue(c.covered() && c.pointInside(), c.toString());
        assertEquals(0.4, c.censoredShare(), 1e-12);
        assertEquals(0.2, c.inRangeShare(), 1e-12);
    }

    @Test
    void anObservedNoEventIsInsideWhenAtLeastFivePercentOfRunsAreCensored() {
        Target none = lag(CENSORED, CENSORED, CENSORED);
        assertTrue(none.observedCensored());
        Validation.Check few = Validation.check(none, runs(new double[] {20, CENSORED}, new int[] {96, 4}));
        assertFalse(few.pointInside() || few.covered(), "4% of runs without a reply: " + few);
        Validation.Check enough = Validation.check(none, runs(new double[] {20, CENSORED}, new int[] {95, 5}));
        assertTrue(enough.pointInside() && enough.covered(), "5% of runs without a reply: " + enough);
        Target lateOrNone = lag(CENSORED, 60, CENSORED);
        Validation.Check late = Validation.check(lateOrNone, runs(new double[] {20, 70, CENSORED}, new int[] {90, 6, 4}));
        assertTrue(late.covered() && !late.pointInside(), "a reply after day 60 or none: the range holds 10% of runs, none itself 4%: " + late);
        assertEquals(0.05, enough.inRangeShare(), 1e-12, "a run matches the record of no event only when it is censored");
    }

    @Test
    void otherKindsKeepTheIntervalRules() {
        Figure f = new Figure("x", "x", "41", "31", "51", "attacks", "s", "p", "d", "claims", "f.csv", 2);
        Target count = new Target("x", Target.Kind.COUNT, List.of("a"), List.of("b"), "weapons", FROM, TO, null, null, 92, 31, 100, f);
        Validation.Check c = Validation.check(count, runs(new double[] {24, 92}, new int[] {10, 90}));
        assertTrue(c.pointInside() && c.covered(), "92 is a count here, not a censoring value: " + c);
        assertEquals(0, c.censoredShare());
    }

    @Test
    void anObservedFigureMaySayNone(@TempDir Path dir) throws Exception {
        Path h = history(dir, "none,2025-12-20,none");
        HistoryFile file = HistoryFile.load(h, List.of());
        Target t = file.targets().get(0);
        assertTrue(t.observedCensored(), t.toString());
        assertEquals(t.censoredValue(), t.high());
        assertTrue(t.low() < t.observed(), "the range runs from an event on 20 Dec to no event: " + t);
    }

    @Test
    void anObservedEventAfterTheWindowIsAnError(@TempDir Path dir) throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> HistoryFile.load(history(dir, "2025-12-31,2025-12-20,2025-12-31"), List.of()));
        assertTrue(e.getMessage().contains("after the window's end") && e.getMessage().contains("none"), e.getMessage());
        ScenarioException order = assertThrows(ScenarioException.class, () -> HistoryFile.load(history(dir, "none,none,2025-12-20"), List.of()));
        assertTrue(order.getMessage().contains("low <= value <= high"), order.getMessage());
    }

    /** A history check of the primer with one first-date target whose figure's value, low and high are {@code cells}. */
    private static Path history(Path dir, String cells) throws Exception {
        Path primer = Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath();
        Files.writeString(dir.resolve("observed.csv"), "id,quantity,value,low,high,unit,source,publication,published,range_rule\n"
                + "first,first strike on the state in December," + cells + ",date,a test,none,2025,test\n");
        Path h = dir.resolve("targets.yaml");
        Files.writeString(h, "scenario: " + primer + "\nobserved: [observed.csv]\ntargets:\n"
                + "  - {figure: first, statistic: first_date, by: [militia], against: [state], from: 2025-12-01, to: 2025-12-30}\n");
        return h;
    }
}
