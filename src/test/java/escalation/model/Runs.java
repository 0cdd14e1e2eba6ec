package escalation.model;

import escalation.Scenarios;
import escalation.engine.EscalationSim;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/** Runs of small test scenarios that keep their dated strikes, and the counts the mechanism tests compare. */
final class Runs {
    private Runs() { }

    /** A scenario written from YAML into {@code dir}, compiled to keep every run's strikes. */
    static Theatre theatre(Path dir, String yaml, String... overrides) {
        return new Theatre(Scenarios.fromYaml(dir, yaml, overrides).scenario, true);
    }

    static List<Integer> seeds(int n) {
        return Scenarios.seeds(n);
    }

    static RunRecord run(Theatre t, int seed) {
        return new EscalationSim(t, seed, null).runToEnd();
    }

    /** A run stopped after day {@code lastDay} has been recorded; its world can be read and stepped on. */
    static EscalationSim runThrough(Theatre t, int seed, int lastDay, Observer observer) {
        EscalationSim sim = new EscalationSim(t, seed, observer);
        sim.start();
        while (sim.world().day < lastDay && sim.stepDay()) {
            // one day a step
        }
        return sim;
    }

    /** Strikes by {@code attacker} on {@code target} (-1: anyone) on days {@code from} to {@code to}, both included. */
    static int strikes(RunRecord r, int attacker, int target, int from, int to) {
        RunRecord.Strikes s = r.strikes;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.attacker(i) == attacker && (target < 0 || s.target(i) == target) && s.day(i) >= from && s.day(i) <= to) n++;
        }
        return n;
    }

    /** Index of the first strike by {@code attacker} on or after {@code from}, or -1. */
    static int firstStrike(RunRecord r, int attacker, int from) {
        RunRecord.Strikes s = r.strikes;
        for (int i = 0; i < s.size(); i++) {
            if (s.attacker(i) == attacker && s.day(i) >= from) return i;
        }
        return -1;
    }

    /** Per seed, a number read from the run of that seed. */
    static double[] perSeed(Theatre t, int n, ToDoubleFunction<RunRecord> metric) {
        List<Integer> seeds = seeds(n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = metric.applyAsDouble(run(t, seeds.get(i)));
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    /** Two-sided Mann-Whitney p-value. */
    static double mannWhitney(double[] a, double[] b) {
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
