package escalation.experiment;

import ec.util.MersenneTwisterFast;
import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import sim.engine.SimState;

/**
 * How fast the model runs: runs a second and nanoseconds per actor-day on one thread and on
 * several, the parallel efficiency, what setting a run up costs, and the floor. Runs are those of a
 * batch (seeds from {@link Seeds}), unobserved, and their results are only checksummed.
 *
 * <p>A run is its setup, then its days. The <em>setup</em> is everything before the first day:
 * {@link EscalationSim}'s constructor seeds MASON's generator ({@code MersenneTwisterFast}, which fills
 * its state and draws nothing), and {@link EscalationSim#start()} lets MASON's {@code SimState.start()}
 * prime it (1,249 numbers drawn and thrown away) and builds the run's {@code World} (which draws
 * nothing). The <em>model</em>'s time is the rest: the days. So, per run, on one thread:
 * <ul>
 *   <li>run time: the one-thread pass's wall time / runs (whole runs, as a batch makes them);</li>
 *   <li>setup time: a separate one-thread loop over the same seeds that only constructs and starts
 *       each run, timed on its own;</li>
 *   <li>model time: run time - setup time;</li>
 *   <li>draws: the numbers the model draws during the days, counted by a counting generator as a whole
 *       run's draws minus those its setup draws (MASON's priming is not counted);</li>
 *   <li>floor: drawing that many numbers from an already seeded and primed generator of the same class,
 *       and nothing else; the generator's own seeding and priming are timed and reported apart;</li>
 *   <li>model / floor: model time / floor time: how many times more the days cost than their random
 *       numbers alone.</li>
 * </ul>
 * The machine's load average (one minute) is read at the start and at the end, so that a reader
 * knows how far other processes may have disturbed the figures.
 *
 * <pre>{@code
 * Benchmark.Result r = Benchmark.measure(theatre, new Benchmark.Settings(20_000, 5_000, 2, 1, 3));
 * System.out.println(r.single().runsPerSecond() + " runs/s, model / floor " + r.modelOverFloor());
 * }</pre>
 */
public final class Benchmark {
    /** Runs at most this many runs with a counting generator to learn how many numbers a run draws. */
    static final int COUNTED_RUNS = 2_000;
    /** The floor loop repeats its runs until it has run at least this long. */
    private static final long FLOOR_MIN_NANOS = 1_000_000_000L;

    private Benchmark() { }

    /**
     * @param runs measured runs, on one thread and again on all threads
     * @param warmupRuns runs before measuring, so that the JIT has compiled the model
     * @param threads threads of the parallel measurement
     * @param seed master seed of the runs
     * @param rounds how many times each pass is repeated, alternating; the fastest of each is kept, since
     *     other processes on the machine can only slow a pass down
     */
    public record Settings(long runs, long warmupRuns, int threads, long seed, int rounds) {
        public Settings {
            if (runs < 1) throw new IllegalArgumentException("runs must be at least 1");
            if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1");
            if (warmupRuns < 0) throw new IllegalArgumentException("warm-up runs must be at least 0");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /**
     * One timed pass: {@code runs} runs on {@code threads} threads in {@code nanos} of wall time, of
     * which the threads spent {@code cpuNanos} on a core (less than threads x wall time when other
     * processes compete for the cores: then CPU time is the steadier measure of the model's cost).
     */
    public record Pass(int threads, long runs, long nanos, long cpuNanos, long actorDays, long peakHeapBytes) {
        public double runsPerSecond() {
            return runs * 1e9 / nanos;
        }

        /** Thread time per run: wall time x threads / runs. */
        public double microsPerRun() {
            return nanos * (double) threads / runs / 1e3;
        }

        /** Thread time per actor-day (actors x days x runs). */
        public double nanosPerActorDay() {
            return nanos * (double) threads / actorDays;
        }

        /** CPU time per actor-day. */
        public double cpuNanosPerActorDay() {
            return cpuNanos / (double) actorDays;
        }
    }

    /**
     * The floor: per run, drawing {@code drawsPerRun} doubles (the mean over {@code countedRuns} runs,
     * each drawn with its own run's exact count) from a generator already seeded and primed. Seeding
     * and priming a bare generator, which every run must also do, is {@code seedingNanosPerRun}, apart;
     * {@code setupDrawsPerRun} is what the priming draws (not counted in {@code drawsPerRun}).
     */
    public record Floor(long countedRuns, double setupDrawsPerRun, double drawsPerRun, double seedingNanosPerRun,
                        double drawingNanosPerRun) {
        /** The floor's time per run: the drawing alone. */
        public double nanosPerRun() {
            return drawingNanosPerRun;
        }
    }

    /** Setting runs up on one thread, the days left out: {@code runs} constructed and started in {@code nanos}. */
    public record Setup(long runs, long nanos) {
        public double nanosPerRun() {
            return (double) nanos / runs;
        }
    }

    /** How many numbers a run draws while it is set up (MASON's priming) and then in its days. */
    public record Draws(long setup, long model) { }

    /**
     * @param loadAverageStart the machine's load average over the last minute when measuring began, or
     *     negative where the platform does not give it
     * @param loadAverageEnd the same when it ended
     */
    public record Result(String scenario, int actors, int days, Settings settings, Pass single, Pass all, Setup setup,
                         Floor floor, String java, int cores, double loadAverageStart, double loadAverageEnd) {
        /** All-thread rate over threads x single-thread rate. */
        public double efficiency() {
            return all.runsPerSecond() / (all.threads() * single.runsPerSecond());
        }

        /** A whole run on one thread: setup and days. */
        public double runNanosPerRun() {
            return single.microsPerRun() * 1e3;
        }

        public double setupNanosPerRun() {
            return setup.nanosPerRun();
        }

        /** The days of a run on one thread: run time less setup time. */
        public double modelNanosPerRun() {
            return runNanosPerRun() - setupNanosPerRun();
        }

        /** The model's time per run (its days) over the floor's (drawing the days' numbers). */
        public double modelOverFloor() {
            return modelNanosPerRun() / floor.nanosPerRun();
        }

        public long peakHeapBytes() {
            return Math.max(single.peakHeapBytes(), all.peakHeapBytes());
        }
    }

    /**
     * Warms up, then measures one thread, all threads and the setup, alternating, {@code rounds} times,
     * and then the floor.
     */
    public static Result measure(Theatre theatre, Settings s) throws InterruptedException {
        double loadStart = loadAverage();
        long actorDaysPerRun = (long) theatre.actors * theatre.days;
        // Warm-up runs use seeds beyond those measured, so that no measured run is one the JIT has seen.
        timed(theatre, s.seed(), s.runs(), s.runs() + s.warmupRuns(), Math.min(s.threads(), 2));
        Pass single = null;
        Pass all = null;
        Setup setup = null;
        for (int round = 0; round < s.rounds(); round++) {
            Pass one = timed(theatre, s.seed(), 0, s.runs(), 1);
            Pass many = timed(theatre, s.seed(), 0, s.runs(), s.threads());
            Setup started = setup(theatre, s.seed(), s.runs());
            if (single == null || one.nanos() < single.nanos()) single = one;
            if (all == null || many.nanos() < all.nanos()) all = many;
            if (setup == null || started.nanos() < setup.nanos()) setup = started;
        }
        single = new Pass(1, single.runs(), single.nanos(), single.cpuNanos(), actorDaysPerRun * single.runs(), single.peakHeapBytes());
        all = new Pass(s.threads(), all.runs(), all.nanos(), all.cpuNanos(), actorDaysPerRun * all.runs(), all.peakHeapBytes());
        // Counting last: a second generator class seen at the model's call sites could slow later passes.
        Floor floor = floor(theatre, s.seed(), (int) Math.min(s.runs(), COUNTED_RUNS));
        return new Result(theatre.scenario.name(), theatre.actors, theatre.days, s, single, all, setup, floor,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadStart, loadAverage());
    }

    /** The system load average over the last minute, or negative where the platform does not give it. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Constructs and starts runs {@code [0, runs)} on this thread, without running their days, and times it. */
    static Setup setup(Theatre theatre, long seed, long runs) {
        long sum = 0;
        long started = System.nanoTime();
        for (long run = 0; run < runs; run++) {
            EscalationSim sim = new EscalationSim(theatre, Seeds.of(seed, run), null);
            sim.start();
            sum += sim.world().day;
        }
        long nanos = System.nanoTime() - started;
        if (sum == Long.MIN_VALUE) System.out.print("");  // keeps the set-up runs alive
        return new Setup(runs, nanos);
    }

    /** Runs {@code [from, to)} on {@code threads} threads and times them. */
    static Pass timed(Theatre theatre, long seed, long from, long to, int threads) throws InterruptedException {
        if (to <= from) return new Pass(threads, 0, 1, 0, 0, 0);
        AtomicLong next = new AtomicLong(from);
        AtomicLong checksum = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int k = 0; k < threads; k++) {
            workers.add(new Thread(() -> {
                long sum = 0;
                try {
                    for (long run = next.getAndIncrement(); run < to; run = next.getAndIncrement()) {
                        RunRecord r = new EscalationSim(theatre, Seeds.of(seed, run), null).runToEnd();
                        sum += r.maxLevel() + RunRecord.total(r.attacks);
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
                checksum.addAndGet(sum);
                cpu.addAndGet(mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0);
            }, "escalation-bench-" + k));
        }
        resetPeakHeap();
        long started = System.nanoTime();
        for (Thread t : workers) t.start();
        for (Thread t : workers) t.join();
        long nanos = System.nanoTime() - started;
        synchronized (failure) {
            if (failure[0] != null) throw new IllegalStateException("a run failed: " + failure[0], failure[0]);
        }
        if (checksum.get() == Long.MIN_VALUE) System.out.print("");  // keeps the runs' results alive
        return new Pass(threads, to - from, nanos, cpu.get(), 0, peakHeap());
    }

    /**
     * Counts what each of the first {@code runs} runs draws in its days, then times drawing as much with
     * nothing else.
     */
    static Floor floor(Theatre theatre, long seed, int runs) {
        int[] seeds = new int[runs];
        long[] draws = new long[runs];
        long total = 0;
        long setupTotal = 0;
        for (int i = 0; i < runs; i++) {
            seeds[i] = Seeds.of(seed, i);
            Draws d = count(theatre, seeds[i]);
            draws[i] = d.model();
            total += d.model();
            setupTotal += d.setup();
        }
        // Twice, keeping the second: the first pass warms the loops up.
        double[] timing = null;
        for (int round = 0; round < 2; round++) timing = timeFloor(seeds, draws);
        return new Floor(runs, (double) setupTotal / runs, (double) total / runs, timing[0], timing[1]);
    }

    /** How many random numbers the model draws in the days of the run with this seed, its setup left out. */
    public static long draws(Theatre theatre, int runSeed) {
        return count(theatre, runSeed).model();
    }

    /**
     * How many random numbers the run with this seed draws while it is set up, and then in its days: a
     * whole run counted, less a run only constructed and started (its setup draws the same numbers
     * whatever follows).
     */
    public static Draws count(Theatre theatre, int runSeed) {
        CountingTwister whole = new CountingTwister(runSeed);
        new EscalationSim(theatre, whole, null).runToEnd();
        CountingTwister setup = new CountingTwister(runSeed);
        new EscalationSim(theatre, setup, null).start();
        return new Draws(setup.draws, whole.draws - setup.draws);
    }

    /** {seeding and priming ns per run, drawing ns per run}. */
    private static double[] timeFloor(int[] seeds, long[] draws) {
        double sink = 0;
        long seeding = 0;
        long drawing = 0;
        long passes = 0;
        do {
            for (int i = 0; i < seeds.length; i++) {
                long t0 = System.nanoTime();
                MersenneTwisterFast random = SimState.primeGenerator(new MersenneTwisterFast(seeds[i]));
                long t1 = System.nanoTime();
                for (long k = draws[i]; k > 0; k--) sink += random.nextDouble();
                long t2 = System.nanoTime();
                seeding += t1 - t0;
                drawing += t2 - t1;
            }
            passes++;
        } while (seeding + drawing < FLOOR_MIN_NANOS);
        if (sink == -1) System.out.print("");  // keeps the draws alive
        long n = passes * seeds.length;
        return new double[] {(double) seeding / n, (double) drawing / n};
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /**
     * MASON's generator, counting the numbers drawn from it, by the model or by Commons Math through
     * it (only the primitive draws are counted: MASON builds its other draws from them).
     */
    static final class CountingTwister extends MersenneTwisterFast {
        private static final long serialVersionUID = 1L;
        long draws;

        CountingTwister(long seed) {
            super(seed);
        }

        @Override public double nextDouble() {
            draws++;
            return super.nextDouble();
        }

        @Override public int nextInt() {
            draws++;
            return super.nextInt();
        }

        @Override public int nextInt(int n) {
            draws++;
            return super.nextInt(n);
        }

        @Override public long nextLong() {
            draws++;
            return super.nextLong();
        }

        @Override public boolean nextBoolean() {
            draws++;
            return super.nextBoolean();
        }

        @Override public float nextFloat() {
            draws++;
            return super.nextFloat();
        }

        @Override public double nextGaussian() {
            draws++;
            return super.nextGaussian();
        }
    }
}
