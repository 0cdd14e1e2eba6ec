package escalation.experiment;

import ec.util.MersenneTwisterFast;
import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sim.engine.SimState;

/**
 * JMH benchmark of one run of a scenario (by default the autumn-2024 scenario stretched to 365 days),
 * of its setup alone (constructing and starting it: seeding, MASON's priming, building the world), of
 * its floor (drawing, from a generator already seeded and primed, as many numbers as the same run's
 * days draw, setup draws not counted), of a bare day-stepped loop for reference ({@link #bareDays}) and of
 * the generator's own seeding and priming. The model's
 * time is {@code run} less {@code setup}; model / floor is that over {@code floor}, as in
 * {@link escalation.experiment.Benchmark}. Not a test: the README's Speed section says how to run it
 * ({@code -t 2} for two threads). Each thread cycles through the runs of a batch, so the figure is an
 * average over many seeds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ModelBenchmark {
    /** Runs each thread cycles through; the floor counts the draws of each of them once, at setup. */
    private static final int CYCLE = 1_000;

    @Param("scenarios/autumn-2024-iraq.yaml")
    public String scenario;

    @Param("365")
    public int days;

    private Theatre theatre;
    private int[] seeds;
    private long[] draws;
    private int next;
    /** The floor draws from this one generator, seeded and primed once, so that its seeding is not timed. */
    private MersenneTwisterFast primed;

    @Setup
    public void load() throws Exception {
        ScenarioLoader loader = new ScenarioLoader();
        Records.Scenario s = loader.load(Path.of(scenario), List.of());
        s = loader.load(Path.of(scenario), List.of("calendar.end=" + s.calendar().start().plusDays(days - 1L)));
        theatre = new Theatre(s);
        seeds = new int[CYCLE];
        draws = new long[CYCLE];
        for (int i = 0; i < CYCLE; i++) {
            seeds[i] = Seeds.of(1, i);
            draws[i] = escalation.experiment.Benchmark.draws(theatre, seeds[i]);
        }
        primed = SimState.primeGenerator(new MersenneTwisterFast(seeds[0]));
    }

    /** One whole run, unobserved, as in a batch. */
    @Benchmark
    public RunRecord run() {
        int i = next++ % CYCLE;
        return new EscalationSim(theatre, seeds[i], null).runToEnd();
    }

    /** A run's setup alone: constructed and started, no day run. */
    @Benchmark
    public EscalationSim setup() {
        int i = next++ % CYCLE;
        EscalationSim sim = new EscalationSim(theatre, seeds[i], null);
        sim.start();
        return sim;
    }

    /** The floor of the same run: draw what the run's days draw, nothing else. */
    @Benchmark
    public double floor() {
        int i = next++ % CYCLE;
        MersenneTwisterFast random = primed;
        double sum = 0;
        for (long k = draws[i]; k > 0; k--) sum += random.nextDouble();
        return sum;
    }

    /**
     * A reference, not the model: the cheapest loop stepped day by day whose intensities move. Per actor-day it
     * decays one stock, reads the intensity from it through {@code exp} (as the restraint factor is read) and
     * draws the day's Poisson count from one number by inversion, with the model's bound that finds most counts
     * of 0 without {@code exp}. It draws one number per actor-day, about what the model draws (3,868 against
     * 4,015 for the autumn scenario at 365 days), so {@code bareDays / floor} says how near the floor a
     * day-stepped model could come at best.
     */
    @Benchmark
    public long bareDays() {
        MersenneTwisterFast random = primed;
        int actors = theatre.actors;
        double[] stock = new double[actors];
        java.util.Arrays.fill(stock, 1);
        long count = 0;
        for (int d = 0; d < days; d++) {
            for (int a = 0; a < actors; a++) {
                stock[a] *= 0.98;
                double mean = 0.3 * Math.exp(-0.2 * stock[a]);
                double u = random.nextDouble();
                if (u < 1 - mean * (1 - mean * (0.5 - mean / 6)) - 1e-12) continue;
                double pmf = Math.exp(-mean);
                double cdf = pmf;
                int n = 0;
                while (u >= cdf && n < 1000) {
                    n++;
                    pmf *= mean / n;
                    cdf += pmf;
                }
                count += n;
            }
        }
        return count;
    }

    /** What every run must do before its first draw: seed the generator, and MASON's priming of it. */
    @Benchmark
    public MersenneTwisterFast seeding() {
        int i = next++ % CYCLE;
        return SimState.primeGenerator(new MersenneTwisterFast(seeds[i]));
    }
}
