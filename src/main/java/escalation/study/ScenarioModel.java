package escalation.study;

import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator as an experiment's model: a point's factor values and its policy become {@code --set}
 * overrides of the experiment's scenario (after the file's own {@code set:}), validated as the command
 * line's are; each replication is a run of the model from its seed, and its outcomes are computed from
 * the run's record. Per actor it reports the same totals as a batch's runs.csv: attacks and weapons
 * launched, people killed by the actor and killed among the actor's own.
 */
public final class ScenarioModel implements ExperimentModel {
    public static final List<String> ACTOR_METRICS = List.of("attacks", "weapons", "killed", "killed_suffered");

    private final ExperimentFile file;
    private final Theatre reference;
    private final boolean keepStrikes;

    public ScenarioModel(ExperimentFile file) {
        this.file = file;
        keepStrikes = file.outcomes().stream().anyMatch(Outcome::needsStrikes);
        reference = new Theatre(file.scenario().scenario(), keepStrikes);
    }

    /** The overrides of a point: the file's set:, each factor's value, then the policy's own. */
    public List<String> overrides(double[] unit, int policy) {
        List<String> sets = new ArrayList<>(file.set());
        for (int f = 0; f < unit.length; f++) sets.addAll(file.factors().get(f).overrides(unit[f]));
        sets.addAll(file.policies().get(policy).overrides());
        return sets;
    }

    @Override public Prepared at(double[] unit, int policy) throws Exception {
        ScenarioLoader.Resolved r = new ScenarioLoader().override(file.scenario(), file.path().toString(), overrides(unit, policy));
        Theatre t = new Theatre(r.scenario(), keepStrikes);
        List<Outcome.Measure> measures = file.outcomes().stream().map(o -> o.compile(t)).toList();
        return seed -> observe(t, measures, new EscalationSim(t, seed, null).runToEnd());
    }

    private static Observation observe(Theatre t, List<Outcome.Measure> measures, RunRecord r) {
        double[] values = new double[measures.size()];
        int[] days = new int[measures.size()];
        for (int o = 0; o < values.length; o++) {
            values[o] = measures.get(o).value(r);
            days[o] = measures.get(o).day(r, values[o]);
        }
        int[][] actors = new int[ACTOR_METRICS.size()][t.actors];
        for (int a = 0; a < t.actors; a++) {
            actors[0][a] = r.byAttacker(r.attacks, a);
            actors[1][a] = r.byAttacker(r.weapons, a);
            actors[2][a] = r.byAttacker(r.killed, a);
            actors[3][a] = r.byTarget(r.killed, a);
        }
        return new Observation(values, days, actors);
    }

    @Override public List<String> actorMetrics() {
        return ACTOR_METRICS;
    }

    @Override public List<String> actors() {
        return List.of(reference.actorIds);
    }

    @Override public java.time.LocalDate date(int day) {
        return reference.date(day);
    }
}
