package escalation.experiment;

import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs replications on several threads and hands their results to a {@link Sink} strictly in run
 * order, on the calling thread. Each run has its own {@code SimState} (MASON's generator is not
 * shared between threads) and its seed from {@link Seeds}, so what the sink sees is the same for any
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

    /** One replication from its seed; the model's is {@link #model(Theatre)}. */
    @FunctionalInterface
    public interface Replication {
        RunRecord run(int seed) throws Exception;
    }

    /** The model's replication: a fresh simulation of the theatre, run to the calendar's end. */
    public static Replication model(Theatre theatre) {
        return seed -> new EscalationSim(theatre, seed, null).runToEnd();
    }

    private record Result(RunRecord record, Throwable error) { }

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
        int window = Math.max(16, threads * 64);
        AtomicReferenceArray<Result> slots = new AtomicReferenceArray<>(window);
        Semaphore free = new Semaphore(window);
        AtomicLong next = new AtomicLong(from);
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = Thread.currentThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "escalation-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k = 0; k < threads; k++) {
                pool.execute(() -> {
                    while (!stop.get()) {
                        try {
                            free.acquire();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long run = next.getAndIncrement();
                        if (run >= to || stop.get()) {
                            free.release();
                            return;
                        }
                        Result result;
                        try {
                            result = new Result(replication.run(Seeds.of(masterSeed, run)), null);
                        } catch (Throwable e) {
                            result = new Result(null, e);
                        }
                        slots.set((int) ((run - from) % window), result);
                        LockSupport.unpark(consumer);
                    }
                });
            }
            for (long run = from; run < to; run++) {
                int slot = (int) ((run - from) % window);
                Result r;
                while ((r = slots.getAndSet(slot, null)) == null) {
                    LockSupport.parkNanos(200_000);
                    if (Thread.interrupted()) throw new InterruptedException();
                }
                free.release();
                sink.accept(run, Seeds.of(masterSeed, run), r.record(), r.error());
                if (sink.stopRequested()) {
                    stop.set(true);
                    return run + 1;
                }
            }
            return to;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
