package escalation.study;

import ec.util.MersenneTwisterFast;
import escalation.design.Design;
import escalation.design.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * Published test functions with known sensitivity indices, as experiment models behind the same
 * interface as the simulator, and a runner that keeps every point's means in memory.
 */
final class TestFunctions {
    private TestFunctions() { }

    /** Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, x uniform on [-pi, pi]^3; a = 7, b = 0.1. */
    static final ExperimentModel ISHIGAMI = (u, policy) -> {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        double y = Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        return seed -> Observation.of(y);
    };

    /** The Ishigami function's analytical first-order and total indices (a = 7, b = 0.1). */
    static double[][] ishigamiIndices() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = Math.pow(Math.PI, 8);
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * pi8 / 225;
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    /** Sobol's G function, prod (|4x - 2| + a_i) / (1 + a_i), x uniform on [0, 1]^k. */
    static ExperimentModel sobolG(double[] a) {
        return (u, policy) -> {
            double g = 1;
            for (int i = 0; i < a.length; i++) g *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
            double y = g;
            return seed -> Observation.of(y);
        };
    }

    /** The G function's analytical indices: V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1. */
    static double[][] sobolGIndices(double[] a) {
        int k = a.length;
        double[] vi = new double[k];
        double prod = 1;
        for (int i = 0; i < k; i++) {
            vi[i] = 1 / (3 * Math.pow(1 + a[i], 2));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[][] s = new double[2][k];
        for (int i = 0; i < k; i++) {
            s[0][i] = vi[i] / v;
            s[1][i] = vi[i] * (prod / (1 + vi[i])) / v;
        }
        return s;
    }

    /**
     * A planted box: a run is a case (1) with probability {@code inside} when x0 in [0.2, 0.6] and x1 in
     * [0.3, 0.8], else with probability {@code outside}; the other factors do nothing.
     */
    static ExperimentModel plantedBox(double inside, double outside) {
        return (u, policy) -> {
            boolean in = u[0] >= 0.2 && u[0] <= 0.6 && u[1] >= 0.3 && u[1] <= 0.8;
            double p = in ? inside : outside;
            return seed -> Observation.of(new MersenneTwisterFast(seed).nextDouble() < p ? 1 : 0);
        };
    }

    static List<Factor> uniformFactors(int k) {
        List<Factor> fs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            fs.add(new Factor("x" + (i + 1), List.of(), Distribution.uniform(0, 1), List.of(), List.of(), false, false, 0.5));
        }
        return fs;
    }

    static Experiment experiment(Design d, int replications, boolean binary) {
        return new Experiment(uniformFactors(d.factors()), d, List.of("baseline"), replications, 1, false, List.of("y"),
                new boolean[] {binary}, new boolean[] {false});
    }

    /** Runs an experiment and returns every point's means, and the sequence of runs the sink saw. */
    record Ran(double[][] means, List<String> runs) { }

    static Ran run(Experiment e, ExperimentModel model, int threads) throws Exception {
        double[][] means = new double[(int) e.points()][];
        List<String> runs = new ArrayList<>();
        ExperimentRunner.run(e, model, 0, threads, new ExperimentRunner.Sink() {
            @Override public void run(long run, long point, int replication, int seed, Observation o, Throwable error) {
                runs.add(run + "," + point + "," + replication + "," + seed + "," + (o == null ? error : o.values()[0]));
            }

            @Override public void point(PointResult r) {
                means[(int) r.point()] = r.mean();
            }
        });
        return new Ran(means, runs);
    }
}
