package escalation.study;

import escalation.experiment.BatchRunner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an experiment's runs on several threads and hands each run, and each point once its last
 * replication is in, to a sink strictly in run order. A point's model is prepared once (for the
 * simulator: the scenario with the point's overrides, validated and compiled) and shared by its
 * replications; only the points of the runs in flight are held, so memory does not grow with the
 * number of points. What the sink sees is the same for any number of threads.
 */
public final class ExperimentRunner {
    /** Receives runs and points in order. */
    public interface Sink {
        /** One run; {@code observation} is null and {@code error} set when the run (or its point's preparation) threw. */
        void run(long run, long point, int replication, int seed, Observation observation, Throwable error) throws Exception;

        /** A point, once all its replications are in. */
        void point(PointResult result) throws Exception;

        /** Polled after each point: true to stop there (Ctrl-C). */
        default boolean stopRequested() {
            return false;
        }
    }

    private ExperimentRunner() { }

    /**
     * Runs points {@code [fromPoint, experiment.points())}; returns the first point not handed to the
     * sink (every point unless stopped).
     */
    public static long run(Experiment e, ExperimentModel model, long fromPoint, int threads, Sink sink) throws Exception {
        return run(e, model, fromPoint, e.points(), threads, sink);
    }

    /** Runs points {@code [fromPoint, toPoint)} (a shard of the design); returns the first point not handed to the sink. */
    public static long run(Experiment e, ExperimentModel model, long fromPoint, long toPoint, int threads, Sink sink) throws Exception {
        int r = e.replications();
        ConcurrentHashMap<Long, Prepared> prepared = new ConcurrentHashMap<>();
        PointAccumulator acc = new PointAccumulator(e);
        long[] pointsDone = {fromPoint};
        long endRun = BatchRunner.runOrdered(fromPoint * r, toPoint * r, threads, e::seed, (run, seed) -> {
            long point = run / r;
            Prepared p = prepared.computeIfAbsent(point, q -> prepare(e, model, q));
            if (p.error != null) throw new PreparationFailed(p.error);
            return p.model.run(seed);
        }, (run, seed, observation, error) -> {
            long point = run / r;
            int replication = (int) (run % r);
            if (replication == 0) acc.start(point);
            Throwable cause = error instanceof PreparationFailed pf ? pf.getCause() : error;
            sink.run(run, point, replication, seed, observation, cause);
            if (observation != null) acc.add(observation);
            else acc.addFailure();
            if (replication == r - 1) {
                prepared.remove(point);
                sink.point(acc.result());
                pointsDone[0] = point + 1;
                return sink.stopRequested();
            }
            return false;
        });
        return endRun == toPoint * r ? toPoint : pointsDone[0];
    }

    private record Prepared(ExperimentModel.Prepared model, Throwable error) { }

    private static Prepared prepare(Experiment e, ExperimentModel model, long point) {
        try {
            return new Prepared(model.at(e.unit(point), e.policy(point)), null);
        } catch (Throwable t) {
            return new Prepared(null, t);
        }
    }

    /** A point whose model could not be prepared: each of its runs fails with the same cause. */
    private static final class PreparationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        PreparationFailed(Throwable cause) {
            super(cause);
        }
    }
}
