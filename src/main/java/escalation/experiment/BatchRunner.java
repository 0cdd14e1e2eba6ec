package escalation.experiment;

import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs replications on several threads and hands their results to a sink strictly in run order,
 * on the calling thread. Each run has its own {@code SimState} (MASON's generator is not shared
 * between threads) and its seed from {@link Seeds}, so what the sink sees is the same for any
 * number of threads. At most a window of finished-but-unconsumed runs is held, so memory does not
 * grow with the number of runs.
 */
public final class BatchRunner {
    /** Receives each run's result in run order. */
    public interface Sink {
        /** {@code record} is null and {@code error} set when the run threw. */
        void accept(long run, int seed, RunRecord record, Throwable error) throws Exception;

        /** Polled between runs: true to stop after the current one (Ctrl-C). */
        default boolean stopRequested() {
            return false;
        }
    }

    /**
     * Receives run i of every variant of a comparison together, in run order. Entry v of
     * {@code records} is null and entry v of {@code errors} set when variant v's run threw.
     */
    public interface PairedSink {
        void accept(long run, int seed, RunRecord[] records, Throwable[] errors) throws Exception;

        /** Polled between runs and while waiting for one: true to stop (Ctrl-C). */
        default boolean stopRequested() {
            return false;
        }
    }

    /** One replication from its seed; the model's is {@link #model(Theatre)}. */
    @FunctionalInterface
    public interface Replication {
        RunRecord run(int seed) throws Exception;
    }

    /** The model's replication: a fresh simulation of the theatre, run to the calendar's end. */
    public static Replication model(Theatre theatre) {
        return seed -> new EscalationSim(theatre, seed, null).runToEnd();
    }

    /** One unit of work of {@link #runOrdered}, computed on a worker thread from its index and seed. */
    @FunctionalInterface
    public interface Unit<T> {
        T run(long index, int seed) throws Exception;
    }

    /** Receives each unit's result (or error) in index order, on the calling thread; returns true to stop after it. */
    @FunctionalInterface
    public interface Receiver<T> {
        boolean accept(long index, int seed, T result, Throwable error) throws Exception;
    }

    private record Result(RunRecord record, Throwable error) { }

    private record Outcome<T>(T result, Throwable error) { }

    private record Paired(RunRecord[] records, Throwable[] errors) { }

    /** One unit of work, computed on a worker thread. */
    private interface Work<T> {
        T run(long run, int seed);
    }

    /** Consumes one unit's result on the calling thread; true to stop. */
    private interface Consumer<T> {
        boolean accept(long run, int seed, T result) throws Exception;
    }

    private BatchRunner() { }

    /**
     * Runs {@code [from, to)} of the batch with master seed {@code masterSeed} on {@code threads}
     * threads; returns the index of the first run not handed to the sink ({@code to} unless stopped).
     */
    public static long run(Theatre theatre, long masterSeed, long from, long to, int threads, Sink sink) throws Exception {
        return run(model(theatre), masterSeed, from, to, threads, sink);
    }

    /** As {@link #run(Theatre, long, long, long, int, Sink)}, with any replication. */
    public static long run(Replication replication, long masterSeed, long from, long to, int threads, Sink sink) throws Exception {
        return ordered(run -> Seeds.of(masterSeed, run), from, to, threads, (run, seed) -> attempt(replication, seed),
                (run, seed, r) -> {
                    fatal(r.error());
                    sink.accept(run, seed, r.record(), r.error());
                    return sink.stopRequested();
                }, sink::stopRequested);
    }

    /**
     * Runs {@code [0, runs)} of every variant with common random numbers: one unit of work is run i
     * of every variant, all with the seed {@code Seeds.of(masterSeed, i)}, so the sink sees the
     * variants' outcomes of one run side by side, in run order, whatever the number of threads.
     */
    public static long runPaired(List<Theatre> variants, long masterSeed, long runs, int threads, PairedSink sink) throws Exception {
        return runPaired(variants, masterSeed, 0, runs, threads, sink);
    }

    /** As {@link #runPaired(List, long, long, int, PairedSink)}, for runs {@code [from, to)}; returns the first run not handed to the sink. */
    public static long runPaired(List<Theatre> variants, long masterSeed, long from, long to, int threads, PairedSink sink) throws Exception {
        return ordered(run -> Seeds.of(masterSeed, run), from, to, threads, (run, seed) -> {
            RunRecord[] records = new RunRecord[variants.size()];
            Throwable[] errors = new Throwable[variants.size()];
            for (int v = 0; v < records.length; v++) {
                Result r = attempt(model(variants.get(v)), seed);
                records[v] = r.record();
                errors[v] = r.error();
            }
            return new Paired(records, errors);
        }, (run, seed, p) -> {
            for (Throwable e : p.errors()) fatal(e);
            sink.accept(run, seed, p.records(), p.errors());
            return sink.stopRequested();
        }, sink::stopRequested);
    }

    /**
     * A run that ran out of memory (or hit another failure of the machine, not of the model) stops the
     * batch instead of being recorded as a failed run: the same run would succeed with more memory, so
     * recording it would make the results depend on the machine.
     */
    private static void fatal(Throwable error) {
        if (error instanceof VirtualMachineError e && !(error instanceof StackOverflowError)) throw e;
    }

    /**
     * Runs units {@code [from, to)} on {@code threads} threads, unit i with seed {@code seeds(i)}, and hands
     * their results to the receiver strictly in index order, holding at most a window of finished units;
     * returns the index of the first unit not handed over ({@code to} unless the receiver stopped).
     */
    public static <T> long runOrdered(long from, long to, int threads, java.util.function.LongToIntFunction seeds, Unit<T> unit,
                                      Receiver<T> receiver) throws Exception {
        return ordered(seeds, from, to, threads, (index, seed) -> {
            try {
                return new Outcome<T>(unit.run(index, seed), null);
            } catch (Throwable e) {
                return new Outcome<T>(null, e);
            }
        }, (index, seed, o) -> receiver.accept(index, seed, o.result(), o.error()), () -> false);
    }

    private static Result attempt(Replication replication, int seed) {
        try {
            return new Result(replication.run(seed), null);
        } catch (Throwable e) {
            return new Result(null, e);
        }
    }

    /** Most worker threads: more only adds memory for the window of finished runs. */
    public static final int MAX_THREADS = 256;

    private static <T> long ordered(java.util.function.LongToIntFunction seeds, long from, long to, int threads, Work<T> work,
                                    Consumer<T> consumer, java.util.function.BooleanSupplier stop) throws Exception {
        if (threads < 1 || threads > MAX_THREADS) throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "]");
        threads = (int) Math.max(1, Math.min(threads, to - from));
        int window = Math.max(16, threads * 64);
        AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(window);
        Semaphore free = new Semaphore(window);
        AtomicLong next = new AtomicLong(from);
        AtomicBoolean stopping = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> escaped = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = Thread.currentThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "escalation-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k = 0; k < threads; k++) {
                pool.execute(() -> {
                    while (!stopping.get()) {
                        try {
                            free.acquire();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long run = next.getAndIncrement();
                        if (run >= to || stopping.get()) {
                            free.release();
                            return;
                        }
                        T value;
                        try {
                            value = work.run(run, seeds.applyAsInt(run));
                        } catch (Throwable e) {
                            // Out of memory while recording a run's own error: the caller rethrows it instead of waiting for ever.
                            escaped.compareAndSet(null, e);
                            LockSupport.unpark(caller);
                            return;
                        }
                        slots.set((int) ((run - from) % window), value);
                        LockSupport.unpark(caller);
                    }
                });
            }
            for (long run = from; run < to; run++) {
                int slot = (int) ((run - from) % window);
                T r;
                while ((r = slots.getAndSet(slot, null)) == null) {
                    LockSupport.parkNanos(200_000);
                    if (Thread.interrupted()) throw new InterruptedException();
                    Throwable lost = escaped.get();
                    if (lost instanceof Error e) throw e;
                    if (lost != null) throw new IllegalStateException("a worker failed outside its run", lost);
                    // A run that never ends (or a machine out of threads) must not keep a stop from stopping.
                    if (stop.getAsBoolean()) return run;
                }
                free.release();
                if (consumer.accept(run, seeds.applyAsInt(run), r)) {
                    stopping.set(true);
                    return run + 1;
                }
            }
            return to;
        } finally {
            stopping.set(true);
            pool.shutdownNow();
            // Workers are daemons: one stuck in a run is left behind rather than waited for.
            pool.awaitTermination(1, TimeUnit.SECONDS);
        }
    }
}
