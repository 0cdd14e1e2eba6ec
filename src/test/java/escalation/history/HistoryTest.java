package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.cli.EscalationCommand;
import escalation.model.Theatre;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped autumn-2024 scenario reproduces every observed pattern at once, and the patterns
 * depend on the mechanisms meant to produce them: without the killing of Nasrallah there is no
 * October surge; without Israel's signalled warning of 18 Nov there is no winter halt.
 */
class HistoryTest {
    static final Path TARGETS = Path.of("scenarios", "history", "autumn-2024-targets.yaml");
    private static final int RUNS = 300;
    private static final long SEED = 20241118;

    static Validation.Result check(String... overrides) throws Exception {
        HistoryFile h = HistoryFile.load(TARGETS, List.of(overrides));
        return Validation.run(new Theatre(h.scenario().scenario(), true), h.targets(), h.weekly(), SEED, RUNS, 2);
    }

    private static Validation.Check target(Validation.Result r, String id) {
        return r.checks().stream().filter(c -> c.target().id().equals(id)).findFirst().orElseThrow();
    }

    private static String table(Validation.Result r) {
        return r.checks().stream().map(c -> c.target().id() + " " + c.target().observed() + " vs " + c.low() + "-" + c.high())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theShippedScenarioHasEveryObservedValueInsideItsInterval() throws Exception {
        Validation.Result r = check();
        assertTrue(r.checks().size() >= 14, "the autumn check has its fourteen targets");
        assertTrue(r.allCovered(), "every observed range meets the simulated 90% interval:\n" + table(r));
        assertTrue(r.pointInsideCount() >= r.checks().size() - 1, "all but at most one observed value inside:\n" + table(r));
        Validation.Check halt = target(r, "near-halt-winter");
        assertTrue(halt.median() >= 1 && halt.median() <= 10, "the winter is a near-halt, not a halt: " + halt);
    }

    @Test
    void withoutTheKillingOfNasrallahThereIsNoOctoberSurge() throws Exception {
        Validation.Check with = target(check(), "claims-2024-10-01-15");
        Validation.Check without = target(check("calendar.events.0.enabled=false"), "claims-2024-10-01-15");
        assertTrue(without.median() < 0.7 * with.median(), "the October count falls without the killing: " + without + " against " + with);
        assertTrue(without.median() < without.target().low(), "and below the record: " + without);
    }

    @Test
    void israelsSignalledWarningBringsTheNovemberDrop() throws Exception {
        Validation.Check with = target(check(), "drop-after-warning");
        Validation.Check without = target(check("calendar.events.2.enabled=false"), "drop-after-warning");
        assertTrue(without.median() > 1.5 * with.median(), "the rate after 18 Nov falls less without the warning: " + without + " against " + with);
    }

    @Test
    void theLebanonCeasefireBringsTheWinterNearHalt() throws Exception {
        Validation.Check without = target(check("calendar.events.3.enabled=false"), "near-halt-winter");
        assertTrue(without.median() > without.target().high(), "without the ceasefire the factions keep attacking through the winter: " + without);
    }

    @Test
    void theSameSeedGivesTheSameTableWhateverTheThreads(@TempDir Path dir) throws Exception {
        HistoryFile h = HistoryFile.load(TARGETS, List.of());
        Theatre t = new Theatre(h.scenario().scenario(), true);
        Validation.Result one = Validation.run(t, h.targets(), h.weekly(), 5, 64, 1);
        Validation.Result two = Validation.run(t, h.targets(), h.weekly(), 5, 64, 3);
        assertEquals(escalation.report.HistoryReport.csv(one), escalation.report.HistoryReport.csv(two));
    }

    @Test
    void theCommandPrintsTheTableAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("h");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, "UTF-8"));
        try {
            assertEquals(0, EscalationCommand.execute("history", TARGETS.toString(), "--runs", "40", "--out", out.toString()));
        } finally {
            System.setOut(old);
        }
        String text = buf.toString("UTF-8");
        assertTrue(text.contains("claims-2024-10-01-15") && text.contains("sim 90% interval") && text.contains("point inside"), text);
        assertTrue(Files.readString(out.resolve("checks.csv")).startsWith("target,statistic,observed"));
        assertTrue(Files.readString(out.resolve("checks.csv")).lines().findFirst().orElseThrow().contains("covered,point_inside"));
        assertTrue(Files.exists(out.resolve("charts/weekly-observed.png")) && Files.exists(out.resolve("charts/targets.svg")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Militia Spotlight") && html.contains("<th>point inside</th>"), html);
    }

    @Test
    void badHistoryFilesGetEveryProblemWithItsPlace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "scenario: " + Path.of("scenarios/autumn-2024-iraq.yaml").toAbsolutePath() + "\n"
                + "observed: [" + Path.of("scenarios/data/observed/iraq-front-2024.csv").toAbsolutePath() + "]\n"
                + "targets:\n"
                + "  - {figure: claims-2024-10-01-15, statistic: cuont, by: [kh], against: [israel], from: 2024-10-01, to: 2024-10-15}\n"
                + "  - {figure: nope, statistic: count, by: [hezbolah], against: [israel], from: 2024-10-01, to: 2024-10-15}\n"
                + "  - {figure: claims-2024-09, statistic: count, by: [kh], against: [israel], from: 2024-09-01, to: 2024-09-30, colour: red}\n");
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, "UTF-8"));
        try {
            assertEquals(2, EscalationCommand.execute("history", f.toString(), "--no-report"));
        } finally {
            System.setErr(old);
        }
        String err = buf.toString("UTF-8");
        assertTrue(err.contains("bad.yaml:4:") && err.contains("unknown statistic 'cuont'"), err);
        assertTrue(err.contains("bad.yaml:5:") && err.contains("no figure 'nope'") && err.contains("unknown actor or group 'hezbolah'"), err);
        assertTrue(err.contains("bad.yaml:6:") && err.contains("outside the scenario's calendar") && err.contains("unknown key 'colour'"), err);
        assertFalse(err.contains("Exception"), err);
    }
}
