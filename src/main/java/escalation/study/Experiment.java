package escalation.study;

import escalation.design.Design;
import escalation.design.ExplicitPoints;
import escalation.design.FullFactorial;
import escalation.design.LatinHypercube;
import escalation.design.MorrisDesign;
import escalation.design.OneAtATime;
import escalation.design.SaltelliDesign;
import escalation.experiment.Seeds;
import java.util.List;

/**
 * An experiment ready to run: the factors, the design over them, the policies crossed with every
 * design point, the replications and the seeds. Point i is design point i / P under policy i % P (P
 * policies); run j is replication j % R of point j / R (R replications). The seed of a run derives
 * from (seed, design point, replication) alone, so every policy of a design point uses the same seeds
 * (its runs are paired, as in {@code compare}), and with common random numbers from (seed, replication).
 *
 * @param outcomes the outcomes' names; {@code binary} and {@code dated} alongside
 */
public record Experiment(List<Factor> factors, Design design, List<String> policies, int replications, long seed,
                         boolean commonRandomNumbers, List<String> outcomes, boolean[] binary, boolean[] dated) {

    public Experiment {
        if (replications < 1 || policies.isEmpty() || design.factors() != factors.size()) {
            throw new IllegalArgumentException("an experiment needs one design coordinate per factor, a policy and a replication");
        }
    }

    /** The experiment an experiment file describes. */
    public static Experiment of(ExperimentFile f) {
        List<String> names = f.outcomes().stream().map(Outcome::name).toList();
        boolean[] binary = new boolean[names.size()];
        boolean[] dated = new boolean[names.size()];
        for (int o = 0; o < names.size(); o++) {
            binary[o] = f.outcomes().get(o).binary();
            dated[o] = f.outcomes().get(o).dated();
        }
        return new Experiment(f.factors(), design(f), f.policies().stream().map(ExperimentFile.Policy::name).toList(), f.replications(),
                f.seed(), f.commonRandomNumbers(), names, binary, dated);
    }

    static Design design(ExperimentFile f) {
        List<Factor> fs = f.factors();
        int k = fs.size();
        ExperimentFile.DesignChoice d = f.design();
        int[] levels = new int[k];
        boolean[] discrete = new boolean[k];
        double[] baseline = new double[k];
        for (int i = 0; i < k; i++) {
            discrete[i] = fs.get(i).discrete();
            levels[i] = discrete[i] ? fs.get(i).levels().size() : d.levels();
            baseline[i] = fs.get(i).baselineUnit();
        }
        return switch (d.kind()) {
            case "full_factorial" -> new FullFactorial(levels, discrete);
            case "list" -> new ExplicitPoints(k, d.points());
            case "latin_hypercube" -> new LatinHypercube(k, d.size(), f.seed());
            case "sobol" -> new SaltelliDesign(k, d.size());
            case "morris" -> new MorrisDesign(k, d.size(), d.levels(), f.seed());
            default -> new OneAtATime(baseline, levels, discrete);
        };
    }

    public long points() {
        return design.size() * policies.size();
    }

    public long runs() {
        return points() * replications;
    }

    public long designPoint(long point) {
        return point / policies.size();
    }

    public int policy(long point) {
        return (int) (point % policies.size());
    }

    /** The seed of run {@code run}. */
    public int seed(long run) {
        long point = run / replications;
        long replication = run % replications;
        return commonRandomNumbers ? Seeds.of(seed, replication) : Seeds.of(seed, designPoint(point), replication);
    }

    /** Point {@code point}'s unit coordinates. */
    public double[] unit(long point) {
        return design.unit(designPoint(point));
    }

    /** Point {@code point}'s factor values as numbers for analysis. */
    public double[] values(long point) {
        double[] u = unit(point);
        double[] x = new double[u.length];
        for (int f = 0; f < x.length; f++) x[f] = factors.get(f).number(u[f]);
        return x;
    }
}
