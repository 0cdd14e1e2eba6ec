package escalation.study;

import java.util.List;

/**
 * What an experiment sees of a model: at a design point (one value per factor, and a policy) it
 * prepares the model once, then runs replications from seeds. The simulator is one such model
 * ({@link ScenarioModel}); a test function with known sensitivity indices is another, so the
 * designs and the analysis are checked on the same path the simulator takes.
 */
public interface ExperimentModel {
    /** The model prepared at one point, shared by the point's replications; safe to run from any thread. */
    interface Prepared {
        Observation run(int seed) throws Exception;
    }

    /**
     * Prepares the model at a point.
     *
     * @param unit   the point's unit coordinates, one per factor
     * @param policy the policy's index
     */
    Prepared at(double[] unit, int policy) throws Exception;

    /** The names of the actor metrics a run reports per actor (empty for a model without actors). */
    default List<String> actorMetrics() {
        return List.of();
    }

    /** The actors' ids, in the order of {@link Observation#actors()}. */
    default List<String> actors() {
        return List.of();
    }

    /** The date of a calendar day index, for outcomes with dates; null for a model without a calendar. */
    default java.time.LocalDate date(int day) {
        return null;
    }
}
