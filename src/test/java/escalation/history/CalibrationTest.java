package escalation.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import escalation.experiment.Seeds;
import escalation.model.Theatre;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration's mechanics on synthetic data the model made itself: targets computed at a known
 * parameter value must lead the posterior back to it, and the posterior must not depend on threads.
 */
class CalibrationTest {
    private static final double TRUE_TEMPO = 0.3;

    @Test
    void recoversAKnownParameterFromSyntheticTargets(@TempDir Path dir) throws Exception {
        Path primer = Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath();
        // The synthetic record: the militia's mean attacks in two windows at the known tempo.
        Theatre truth = new Theatre(new ScenarioLoader().load(primer, List.of("actors.militia.rule.tempo=" + TRUE_TEMPO)), true);
        Target first = window("h1", "2025-01-01", "2025-06-30");
        Target second = window("h2", "2025-07-01", "2025-12-31");
        double a = 0;
        double b = 0;
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            var r = new EscalationSim(truth, Seeds.of(99, i), null).runToEnd();
            a += new Statistic(first, truth).value(r) / runs;
            b += new Statistic(second, truth).value(r) / runs;
        }
        Files.writeString(dir.resolve("observed.csv"), "id,quantity,value,low,high,unit,source,publication,published,range_rule\n"
                + row("h1", a) + row("h2", b));
        Files.writeString(dir.resolve("targets.yaml"), "scenario: " + primer + "\nobserved: [observed.csv]\ntargets:\n"
                + "  - {figure: h1, statistic: count, by: [militia], against: [state], from: 2025-01-01, to: 2025-06-30}\n"
                + "  - {figure: h2, statistic: count, by: [militia], against: [state], from: 2025-07-01, to: 2025-12-31}\n");
        Files.writeString(dir.resolve("priors.yaml"), "history: targets.yaml\nparameters:\n"
                + "  - {name: tempo, paths: [actors.militia.rule.tempo], prior: {uniform: [0.02, 1.0]}}\n");
        CalibrationFile cf = CalibrationFile.load(dir.resolve("priors.yaml"), List.of());

        Calibration.Result r = new Calibration(cf, new Calibration.Settings(60, 0.25, 3, 0.5, 2, 3000, 7, 2)).run(p -> { });
        Calibration.Population post = r.posterior();
        double[] tempo = Calibration.column(post, 0);
        double median = Calibration.quantile(tempo, post.weights(), 0.5);
        double lo = Calibration.quantile(tempo, post.weights(), 0.05);
        double hi = Calibration.quantile(tempo, post.weights(), 0.95);
        assertEquals(2, post.generation(), "both SMC generations ran: " + r.stopped());
        assertEquals(TRUE_TEMPO, median, 0.08, "posterior median near the truth");
        assertTrue(lo <= TRUE_TEMPO && TRUE_TEMPO <= hi && hi - lo < 0.4, "the 90% interval holds the truth and is narrower than the prior: " + lo + "-" + hi);
        assertTrue(post.tolerance() < r.generations().get(0).tolerance(), "the tolerance falls");

        Calibration.Result single = new Calibration(cf, new Calibration.Settings(60, 0.25, 3, 0.5, 2, 3000, 7, 1)).run(p -> { });
        assertArrayEquals(tempo, Calibration.column(single.posterior(), 0), "the same posterior on one thread");
        assertArrayEquals(post.weights(), single.posterior().weights());

        String calibrated = CalibratedScenario.yaml(cf, new double[] {median}, dir, "test");
        Path out = dir.resolve("calibrated.yaml");
        Files.writeString(out, calibrated);
        assertEquals(Math.round(median * 1e6), Math.round(new ScenarioLoader().load(out).actors().get(0).rule().param("tempo") * 1e6),
                "the calibrated scenario extends the original with the posterior median:\n" + calibrated);
    }

    private static Target window(String id, String from, String to) {
        return new Target(id, Target.Kind.COUNT, List.of("militia"), List.of("state"), "attacks", java.time.LocalDate.parse(from),
                java.time.LocalDate.parse(to), null, null, 0, 0, 1, null);
    }

    private static String row(String id, double v) {
        return id + ",synthetic," + v + "," + (0.9 * v) + "," + (1.1 * v) + ",attacks,the model itself,test,2025,+/-10%\n";
    }
}
