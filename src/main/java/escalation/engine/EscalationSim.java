package escalation.engine;

import ec.util.MersenneTwisterFast;
import escalation.model.Observer;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.model.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication on MASON. One schedule step is one calendar day: a single repeating schedule entry,
 * the {@link Day}, which runs the day's phases in order: perceive (the world), decide (each actor, an
 * {@link ActorAgent} steppable of its own, stepped in declaration order), resolve and record (the
 * world). One entry a day rather than one per phase, and direct calls rather than a {@code Sequence}
 * of assorted steppables, keep the engine's cost per day small next to the model's (the phases always
 * run in the same order, so orderings would add cost and nothing else). The same class runs headless
 * in batches and under the GUI console.
 */
public class EscalationSim extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient Theatre theatre;
    private final transient Observer observer;
    private transient World world;

    /**
     * @param seed the run's seed; MASON's generator uses only its low 32 bits, so seeds are ints
     */
    public EscalationSim(Theatre theatre, int seed, Observer observer) {
        super(seed);
        this.theatre = theatre;
        this.observer = observer;
    }

    /**
     * A run that draws from a generator of the caller's, already seeded: the benchmark counts the
     * numbers a run draws this way.
     */
    public EscalationSim(Theatre theatre, MersenneTwisterFast random, Observer observer) {
        super(random);
        this.theatre = theatre;
        this.observer = observer;
    }

    @Override public void start() {
        super.start();
        world = new World(theatre, random, observer);
        ActorAgent[] agents = new ActorAgent[theatre.actors];
        for (int i = 0; i < agents.length; i++) agents[i] = new ActorAgent(i);
        schedule.scheduleRepeating(0, 0, new Day(agents), 1);
    }

    /** Runs the whole calendar and returns its outcomes. */
    public RunRecord runToEnd() {
        start();
        while (world.day < theatre.days - 1) {
            schedule.step(this);
        }
        finish();
        return world.record;
    }

    /** Advances one day; false once the calendar is over. */
    public boolean stepDay() {
        if (world.day >= theatre.days - 1) return false;
        return schedule.step(this);
    }

    public World world() {
        return world;
    }

    public Theatre theatre() {
        return theatre;
    }

    /** A calendar day's phases, in order; decisions are simultaneous, so the actors' order does not matter. */
    final class Day implements Steppable {
        private static final long serialVersionUID = 1L;
        private final ActorAgent[] agents;

        Day(ActorAgent[] agents) {
            this.agents = agents;
        }

        @Override public void step(SimState state) {
            world.perceive((int) state.schedule.getTime());
            for (ActorAgent agent : agents) agent.step(state);
            world.resolve();
            world.recordDay();
        }
    }

    /** An actor as the schedule sees it: it decides in the decide phase. */
    final class ActorAgent implements Steppable {
        private static final long serialVersionUID = 1L;
        private final int actor;

        ActorAgent(int actor) {
            this.actor = actor;
        }

        @Override public void step(SimState state) {
            world.decide(actor);
        }
    }
}
