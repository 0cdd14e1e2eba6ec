package escalation.history;

import ec.util.MersenneTwisterFast;
import escalation.engine.EscalationSim;
import escalation.experiment.Seeds;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Approximate Bayesian computation of the parameters that reproduce a history check's targets.
 * Generation 0 is rejection sampling: draw from the priors, simulate, keep the {@code particles}
 * closest of {@code particles / acceptFraction} draws. Each later generation is a step of ABC-SMC
 * (population Monte Carlo; Beaumont et al. 2009, Toni et al. 2009): the tolerance falls to the
 * {@code quantile} of the last generation's distances; candidates are drawn from the last
 * population by weight and moved by a Gaussian kernel with twice its weighted variance (in each
 * prior's internal space); accepted ones are weighted prior / sum of kernel-weighted previous
 * weights. The distance between a run and the record is the root mean square, over targets, of
 * (simulated - observed) / half the observed range, so each target counts by its own uncertainty;
 * each term is capped at {@link #CAP} half-ranges (an undefined statistic counts as the cap), so one
 * target the model cannot reach does not drown all the others.
 *
 * <p>Candidates are proposed in blocks and simulated in parallel, but each candidate's draws and
 * run seed derive from (seed, generation, candidate index) alone and acceptance goes in index order,
 * so the result is the same whatever the number of threads.
 */
public final class Calibration {
    /** The most one target adds to the distance, in half observed ranges; also the distance of an undefined statistic. */
    public static final double CAP = 5;

    public record Settings(int particles, double acceptFraction, int generations, double quantile, int replicates,
                           int maxCandidatesPerGeneration, long seed, int threads) {
        public Settings {
            if (particles < 2 || !(acceptFraction > 0 && acceptFraction <= 1) || generations < 1 || !(quantile > 0 && quantile < 1)
                    || replicates < 1 || threads < 1) {
                throw new IllegalArgumentException("bad calibration settings");
            }
        }
    }

    /** One population: per particle its parameter values (natural units), weight and distance. */
    public record Population(int generation, double tolerance, double[][] values, double[] weights, double[] distances,
                             long simulations) { }

    /** @param stopped why the last generation planned was not reached, or null */
    public record Result(CalibrationFile file, Settings settings, List<Population> generations, long simulations, String stopped) {
        public Population posterior() {
            return generations.get(generations.size() - 1);
        }
    }

    private final CalibrationFile file;
    private final List<CalibrationFile.Parameter> params;
    private final Settings settings;
    private final ScenarioLoader loader = new ScenarioLoader();

    public Calibration(CalibrationFile file, Settings settings) {
        this.file = file;
        this.params = file.parameters();
        this.settings = settings;
    }

    /** Stopped on request (Ctrl-C) during a generation; the generations finished before it were handed to the progress. */
    public static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("the calibration was stopped");
        }
    }

    /** Receives each finished generation, in order (to report it, or to checkpoint it). */
    @FunctionalInterface
    public interface Progress {
        void finished(Population p) throws Exception;
    }

    public Result run(Progress progress) throws Exception {
        return run(List.of(), progress, () -> false);
    }

    /**
     * Runs the generations after those in {@code done} (the finished generations of an interrupted
     * calibration of the same file and settings, or none), handing each new one to {@code progress}.
     * A generation depends only on the one before it and its own seeds, so a calibration resumed from
     * its finished generations ends as an uninterrupted one would. {@code stop} is polled during a
     * generation; when it says stop, the generation in progress is dropped and {@link Interrupted} thrown.
     */
    public Result run(List<Population> done, Progress progress, BooleanSupplier stop) throws Exception {
        this.stop = stop;
        List<Population> pops = new ArrayList<>(done);
        if (pops.isEmpty()) {
            Population first = rejection();
            pops.add(first);
            progress.finished(first);
        }
        String stopped = null;
        for (int g = pops.size(); g < settings.generations(); g++) {
            Population next = smcStep(pops.get(pops.size() - 1), g);
            if (next == null) {
                stopped = "generation " + g + " found too few candidates within its tolerance after "
                        + settings.maxCandidatesPerGeneration() + " tries; the posterior is generation " + (g - 1);
                break;
            }
            pops.add(next);
            progress.finished(next);
        }
        long simulations = pops.stream().mapToLong(Population::simulations).sum();
        return new Result(file, settings, List.copyOf(pops), simulations, stopped);
    }

    private BooleanSupplier stop = () -> false;

    /** Writes finished generations, exactly, for a checkpoint. */
    public static void write(DataOutput out, List<Population> pops) throws IOException {
        out.writeInt(pops.size());
        for (Population p : pops) {
            out.writeInt(p.generation());
            out.writeDouble(p.tolerance());
            out.writeLong(p.simulations());
            out.writeInt(p.values().length);
            out.writeInt(p.values().length == 0 ? 0 : p.values()[0].length);
            for (int i = 0; i < p.values().length; i++) {
                for (double v : p.values()[i]) out.writeDouble(v);
                out.writeDouble(p.weights()[i]);
                out.writeDouble(p.distances()[i]);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, into {@code into}; refuses (IOException) generations that do not
     * follow one another or do not fit these settings and parameters.
     */
    public static void read(DataInput in, Settings settings, int parameters, List<Population> into) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > settings.generations()) throw new IOException("more generations than the calibration has");
        for (int g = 0; g < count; g++) {
            int generation = in.readInt();
            double tolerance = in.readDouble();
            long simulations = in.readLong();
            int n = in.readInt();
            int ps = in.readInt();
            if (generation != g || n != settings.particles() || ps != parameters) throw new IOException("generation " + g + " does not fit");
            double[][] values = new double[n][ps];
            double[] w = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < ps; p++) values[i][p] = in.readDouble();
                w[i] = in.readDouble();
                d[i] = in.readDouble();
            }
            into.add(new Population(generation, tolerance, values, w, d, simulations));
        }
    }

    private Population rejection() throws Exception {
        int n = settings.particles();
        int draws = (int) Math.ceil(n / settings.acceptFraction());
        double[][] internal = new double[draws][];
        double[] distance = new double[draws];
        parallel(draws, k -> {
            MersenneTwisterFast r = new MersenneTwisterFast(Seeds.of(settings.seed(), k));
            double[] x = new double[params.size()];
            for (int p = 0; p < x.length; p++) x[p] = params.get(p).prior().sample(r);
            internal[k] = x;
            distance[k] = distance(x, Seeds.of(settings.seed() ^ 0x5DEECE66DL, k));
        });
        Integer[] order = new Integer[draws];
        for (int i = 0; i < draws; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> distance[a] != distance[b] ? Double.compare(distance[a], distance[b]) : Integer.compare(a, b));
        double[][] kept = new double[n][];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            kept[i] = internal[order[i]];
            d[i] = distance[order[i]];
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return population(0, d[n - 1], kept, w, d, draws);
    }

    private Population smcStep(Population prev, int g) throws Exception {
        int n = settings.particles();
        double[] prevD = prev.distances().clone();
        Arrays.sort(prevD);
        double tolerance = prevD[Math.max(0, (int) Math.ceil(settings.quantile() * n) - 1)];
        double[][] prevX = new double[n][];
        for (int i = 0; i < n; i++) prevX[i] = internal(prev.values()[i]);
        double[] prevW = prev.weights();
        double[] sigma = new double[params.size()];
        for (int p = 0; p < sigma.length; p++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += prevW[i] * prevX[i][p];
            double var = 0;
            for (int i = 0; i < n; i++) var += prevW[i] * Math.pow(prevX[i][p] - mean, 2);
            sigma[p] = Math.sqrt(2 * var);
            if (!(sigma[p] > 0)) sigma[p] = 1e-9;
        }
        double[] cumulative = new double[n];
        double c = 0;
        for (int i = 0; i < n; i++) cumulative[i] = c += prevW[i];

        List<double[]> accepted = new ArrayList<>();
        List<Double> acceptedD = new ArrayList<>();
        int block = Math.max(64, 2 * n);
        long tried = 0;
        long simulated = 0;
        long base = settings.seed() + 1_000_003L * g;
        while (accepted.size() < n) {
            if (tried >= settings.maxCandidatesPerGeneration()) return null;
            int from = (int) tried;
            double[][] x = new double[block][];
            double[] d = new double[block];
            boolean[] ran = new boolean[block];
            double total = c;
            parallel(block, k -> {
                MersenneTwisterFast r = new MersenneTwisterFast(Seeds.of(base, from + k));
                double[] y = new double[params.size()];
                boolean inside = false;
                // Proposals outside the priors' support are drawn again (up to a limit): they cost no simulation.
                for (int attempt = 0; attempt < 1000 && !inside; attempt++) {
                    double u = r.nextDouble() * total;
                    int j = Arrays.binarySearch(cumulative, u);
                    j = j >= 0 ? j : Math.min(n - 1, -j - 1);
                    inside = true;
                    for (int p = 0; p < y.length; p++) {
                        y[p] = prevX[j][p] + sigma[p] * r.nextGaussian();
                        inside &= params.get(p).prior().density(y[p]) > 0;
                    }
                }
                x[k] = y;
                if (inside) {
                    ran[k] = true;
                    d[k] = distance(y, Seeds.of(base ^ 0x5DEECE66DL, from + k));
                } else {
                    d[k] = Double.POSITIVE_INFINITY;
                }
            });
            for (int k = 0; k < block && accepted.size() < n; k++) {
                tried++;
                if (ran[k]) simulated++;
                if (d[k] <= tolerance) {
                    accepted.add(x[k]);
                    acceptedD.add(d[k]);
                }
            }
        }
        double[][] xs = accepted.toArray(double[][]::new);
        double[] ds = acceptedD.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double prior = 1;
            for (int p = 0; p < sigma.length; p++) prior *= params.get(p).prior().density(xs[i][p]);
            double kernel = 0;
            for (int j = 0; j < n; j++) {
                double k = 1;
                for (int p = 0; p < sigma.length; p++) k *= Math.exp(-0.5 * Math.pow((xs[i][p] - prevX[j][p]) / sigma[p], 2));
                kernel += prevW[j] * k;
            }
            w[i] = kernel > 0 ? prior / kernel : 0;
            sum += w[i];
        }
        for (int i = 0; i < n; i++) w[i] = sum > 0 ? w[i] / sum : 1.0 / n;
        return population(g, tolerance, xs, w, ds, simulated);
    }

    private Population population(int g, double tolerance, double[][] internal, double[] w, double[] d, long simulations) {
        double[][] values = new double[internal.length][params.size()];
        for (int i = 0; i < internal.length; i++) {
            for (int p = 0; p < params.size(); p++) values[i][p] = params.get(p).prior().value(internal[i][p]);
        }
        return new Population(g, tolerance, values, w, d, simulations);
    }

    private double[] internal(double[] values) {
        double[] x = new double[values.length];
        for (int p = 0; p < x.length; p++) x[p] = params.get(p).prior().internal(values[p]);
        return x;
    }

    /** The distance to the record of a run (or the mean statistics of several) with these internal parameter values. */
    double distance(double[] internal, int runSeed) {
        double[] stats = simulate(internal, runSeed);
        List<Target> targets = file.history().targets();
        double sum = 0;
        for (int k = 0; k < targets.size(); k++) {
            Target t = targets.get(k);
            double z = Double.isNaN(stats[k]) ? CAP : Math.min(CAP, Math.abs(stats[k] - t.observed()) / t.scale());
            sum += z * z;
        }
        return Math.sqrt(sum / targets.size());
    }

    /** Mean statistics over the replicates of one parameter set. */
    double[] simulate(double[] internal, int runSeed) {
        List<String> overrides = new ArrayList<>();
        for (int p = 0; p < params.size(); p++) {
            overrides.addAll(CalibrationFile.overrides(params.get(p), params.get(p).prior().value(internal[p])));
        }
        Theatre theatre;
        try {
            theatre = new Theatre(loader.override(file.history().scenario(), file.history().scenarioFile().toString(), overrides)
                    .scenario(), true);
        } catch (ScenarioException e) {
            // A value the scenario rejects (out of a key's range) is no candidate.
            double[] nan = new double[file.history().targets().size()];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        List<Statistic> stats = file.history().targets().stream().map(t -> new Statistic(t, theatre)).toList();
        double[] mean = new double[stats.size()];
        for (int rep = 0; rep < settings.replicates(); rep++) {
            RunRecord r = new EscalationSim(theatre, Seeds.of(runSeed, rep), null).runToEnd();
            double[] v = Validation.values(stats, r);
            for (int k = 0; k < v.length; k++) mean[k] += v[k] / settings.replicates();
        }
        return mean;
    }

    private void parallel(int count, IntConsumer body) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(k -> {
                if (!stop.getAsBoolean()) body.accept(k);
            })).get();
        } catch (java.util.concurrent.ExecutionException e) {
            // Out of memory (or any error) in a worker is the error itself, not a wrapped one.
            if (e.getCause() instanceof Error err) throw err;
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        } finally {
            pool.shutdownNow();
        }
        if (stop.getAsBoolean()) throw new Interrupted();
    }

    /** Weighted quantile of one parameter across a population. */
    public static double quantile(double[] values, double[] weights, double q) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double total = Arrays.stream(weights).sum();
        double c = 0;
        for (Integer i : order) {
            c += weights[i];
            if (c >= q * total - 1e-12) return values[i];
        }
        return values[order[order.length - 1]];
    }

    /** Weighted mean. */
    public static double mean(double[] values, double[] weights) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < values.length; i++) {
            s += values[i] * weights[i];
            w += weights[i];
        }
        return s / w;
    }

    /** One parameter's column of a population. */
    public static double[] column(Population p, int parameter) {
        double[] out = new double[p.values().length];
        for (int i = 0; i < out.length; i++) out[i] = p.values()[i][parameter];
        return out;
    }
}
