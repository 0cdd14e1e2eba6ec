package escalation.engine;

import escalation.model.Observer;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.model.World;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication on MASON. One schedule step is one calendar day, split by the schedule's
 * orderings into phases: {@link #PERCEIVE} (the world), {@link #DECIDE} (each actor, a
 * {@link Steppable} of its own, stepped in a {@link Sequence}), {@link #RESOLVE} and {@link #RECORD}
 * (the world). The same class
 * runs headless in batches and under the GUI console.
 */
public class EscalationSim extends SimState {
    private static final long serialVersionUID = 1L;
    public static final int PERCEIVE = 0;
    public static final int DECIDE = 1;
    public static final int RESOLVE = 2;
    public static final int RECORD = 3;

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

    @Override public void start() {
        super.start();
        world = new World(theatre, random, observer);
        schedule.scheduleRepeating(0, PERCEIVE, (Steppable) s -> world.perceive((int) s.schedule.getTime()), 1);
        // Each actor is a Steppable; they run as one Sequence so the schedule's heap holds four entries
        // a day rather than one per actor (decisions are simultaneous, so their order does not matter).
        Steppable[] agents = new Steppable[theatre.actors];
        for (int i = 0; i < agents.length; i++) agents[i] = new ActorAgent(i);
        schedule.scheduleRepeating(0, DECIDE, new Sequence(agents), 1);
        schedule.scheduleRepeating(0, RESOLVE, (Steppable) s -> world.resolve(), 1);
        schedule.scheduleRepeating(0, RECORD, (Steppable) s -> world.recordDay(), 1);
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
