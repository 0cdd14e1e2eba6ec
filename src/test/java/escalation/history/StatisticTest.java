package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every statistic kind on a scripted run whose strikes are known, checked against values counted by hand. */
class StatisticTest {
    @TempDir
    Path dir;

    /** Strikes (2 drones each, all intercepted) on 2 Jan, 3 Jan, 10 Jan, 11 Jan, 12 Jan and 30 Jan; the state answers once, on 20 Jan. */
    private static final String YAML = """
            name: scripted
            calendar: {start: 2025-01-01, end: 2025-02-28}
            mechanisms: {winter: false}
            weapons:
              drone: {name: drone, killed: 0, injured: 0}
              bomb: {name: bomb, killed: 0, injured: 0}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: a
                arsenal: {drone: {stock: 100}}
                actions: [{id: hit, rung: harassment, target: state, weapon: drone, salvo: 2}]
                rule:
                  kind: scripted
                  actions:
                    - {date: 2025-01-02, action: hit}
                    - {date: 2025-01-03, action: hit}
                    - {date: 2025-01-10, action: hit}
                    - {date: 2025-01-11, action: hit}
                    - {date: 2025-01-12, action: hit}
                    - {date: 2025-01-30, action: hit}
              state:
                name: State
                kind: state
                alignment: b
                arsenal: {bomb: {stock: 10}}
                air_defence: {drone: 1.0}
                actions: [{id: strike, rung: iraq_strike, target: militia, weapon: bomb, salvo: 1}]
                rule: {kind: scripted, actions: [{date: 2025-01-20, action: strike}]}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    private double value(Target.Kind kind, String measure, String by, String against, String from, String to, String baseFrom, String baseTo) {
        Theatre t = new Theatre(Scenarios.fromYaml(dir, YAML).scenario, true);
        RunRecord r = Scenarios.run(t, 1);
        Target target = new Target("x", kind, List.of(by), List.of(against), measure, LocalDate.parse(from), LocalDate.parse(to),
                baseFrom == null ? null : LocalDate.parse(baseFrom), baseTo == null ? null : LocalDate.parse(baseTo), 0, 0, 1, null);
        return new Statistic(target, t).value(r);
    }

    private double value(Target.Kind kind, String measure, String from, String to) {
        return value(kind, measure, "militia", "state", from, to, null, null);
    }

    @Test
    void countsOverADateWindow() {
        assertEquals(6, value(Target.Kind.COUNT, "attacks", "2025-01-01", "2025-02-28"));
        assertEquals(3, value(Target.Kind.COUNT, "attacks", "2025-01-03", "2025-01-11"));
        assertEquals(6, value(Target.Kind.COUNT, "weapons", "2025-01-03", "2025-01-11"));
        assertEquals(0, value(Target.Kind.COUNT, "hits", "2025-01-01", "2025-02-28"));
        assertEquals(1, value(Target.Kind.COUNT, "attacks", "state", "militia", "2025-01-01", "2025-02-28", null, null));
    }

    @Test
    void weeklyPeakAndItsWeekCountFromTheFirstDay() {
        // Weeks from 1 Jan: 1-7 Jan holds 2 strikes, 8-14 Jan holds 3.
        assertEquals(3, value(Target.Kind.WEEKLY_PEAK, "attacks", "2025-01-01", "2025-02-28"));
        assertEquals(7, value(Target.Kind.PEAK_WEEK, "attacks", "2025-01-01", "2025-02-28"));
    }

    @Test
    void ratioOfDailyRatesWithHalfAdded() {
        // 3 strikes in 8-14 Jan against 2 in 1-7 Jan: (3.5/7) / (2.5/7).
        assertEquals(3.5 / 2.5, value(Target.Kind.RATIO, "attacks", "militia", "state", "2025-01-08", "2025-01-14", "2025-01-01", "2025-01-07"), 1e-12);
    }

    @Test
    void interceptionShareFirstDateAndLag() {
        assertEquals(1.0, value(Target.Kind.INTERCEPTION_SHARE, "weapons", "2025-01-01", "2025-02-28"));
        assertTrue(Double.isNaN(value(Target.Kind.INTERCEPTION_SHARE, "weapons", "2025-02-01", "2025-02-28")), "nothing launched: undefined");
        assertEquals(1, value(Target.Kind.FIRST_DATE, "attacks", "2025-01-01", "2025-02-28"));
        assertEquals(6, value(Target.Kind.FIRST_DATE, "attacks", "2025-01-04", "2025-02-28"));
        assertEquals(8, value(Target.Kind.LAG, "attacks", "state", "militia", "2025-01-12", "2025-02-28", null, null));
        // No strike after 30 Jan: censored at the window's end plus one day.
        assertEquals(29, value(Target.Kind.LAG, "attacks", "2025-01-31", "2025-02-28"));
    }
}
