package escalation.classroom;

import escalation.engine.EscalationSim;
import escalation.io.Narrator;
import escalation.model.CompiledAction;
import escalation.model.Observer;
import escalation.model.Occurrence;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.model.World;
import escalation.scenario.Records;
import escalation.scenario.SettablePaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A crisis played by a class: some actors' chairs are taken by players, every other actor is run by its
 * rules, turn by turn. On each turn a played actor's player chooses one action of its repertoire for the
 * turn's first day, holds, or lets the model decide for the whole turn; a chair nobody chose for is run
 * by the model. Choices enter the model's decide phase exactly as a rule's would
 * ({@link World#choose}), so the run stays one seeded replication: the {@link SessionLog} of choices and
 * the instructor's interventions replays it exactly, and rewinding to a turn is a replay of the log up to
 * it. No I/O and no threads here: {@link ClassroomServer} serves it and guards it with its lock.
 */
public final class ClassSession {
    /** What a player may choose besides an action of the repertoire. */
    public static final String HOLD = "hold";
    public static final String MODEL = "model";
    /** The most characters of a player's reason kept. */
    public static final int MAX_REASON = 200;

    /**
     * One line of the ticker: the day, what happened and why, who did it and to whom (actor ids, null for
     * the calendar's events), and the player's reason where a player chose it.
     */
    public record Line(int day, String date, String text, String actor, String target, String reason) { }

    /** A strike for the projector's map: who struck whom on which day, at which rung (from 1), whether anything got through, and its dead. */
    public record Strike(int day, int actor, int target, int rung, boolean hit, int killed) { }

    /**
     * What the model's rules would do in a played actor's chair this turn, and why: the actor's own lines
     * of the turn (its strikes, warnings, orders, deals, with the rule's reasons in plain words) were it
     * to let the model decide, the other chairs' choices as they stand.
     */
    public record Preview(String actor, int turn, int days, List<PreviewLine> lines) { }

    /** One thing the rules would have the actor do: the date, what, and why in the words the class reads. */
    public record PreviewLine(String date, String what, String why) { }

    /** An option of a played actor this turn. */
    public record Option(String id, String label, String target, String rung, int salvo, boolean available) { }

    private final Theatre theatre;
    private final SessionLog log;
    private final Narrator narrator;
    private EscalationSim sim;
    private final List<Line> ticker = new ArrayList<>();
    private final List<Strike> strikes = new ArrayList<>();
    /** This turn's choices by played actor index (option ids), with the reasons. */
    private final Map<Integer, String[]> pending = new LinkedHashMap<>();
    /** Each classroom lever's value now: the scenario's, or the last the instructor set (queued ones included). */
    private final double[] leverValues;
    private int turn;

    public ClassSession(Theatre theatre, SessionLog log) {
        this.theatre = theatre;
        this.log = log;
        this.narrator = new Narrator(theatre);
        for (String id : log.played) index(id);
        leverValues = new double[theatre.scenario.classroom().levers().size()];
        restart();
    }

    private void restart() {
        List<Records.Lever> levers = theatre.scenario.classroom().levers();
        for (int k = 0; k < leverValues.length; k++) leverValues[k] = SettablePaths.valueIn(theatre.scenario, levers.get(k).paths().get(0));
        ticker.clear();
        strikes.clear();
        pending.clear();
        turn = 0;
        sim = new EscalationSim(theatre, log.seed, new Ticker());
        sim.start();
    }

    /** Narrates every occurrence into the ticker, with the player's reason beside a player's action. */
    private final class Ticker implements Observer {
        @Override public void occurred(Occurrence o) {
            String reason = null;
            String actor = o.actor() >= 0 ? theatre.actorIds[o.actor()] : null;
            if (o.why() != null && World.PLAYER.equals(o.why().rule()) && pending.containsKey(o.actor())) {
                reason = pending.get(o.actor())[1];
            }
            String target = o.target() >= 0 ? theatre.actorIds[o.target()] : null;
            ticker.add(new Line(o.day(), o.date().toString(), narrator.tickerLine(o), actor, target, reason));
            if (o.kind() == Occurrence.Kind.STRIKE) strikes.add(new Strike(o.day(), o.actor(), o.target(), o.action().rung() + 1, o.hits() > 0, o.killed()));
            if (previewing != null && o.actor() == previewing.index) {
                previewing.lines.add(new PreviewLine(o.date().toString(), narrator.what(o), narrator.reason(o)));
            }
        }
    }

    public Theatre theatre() {
        return theatre;
    }

    public SessionLog log() {
        return log;
    }

    /** The number of the turn being chosen, from 0. */
    public int turn() {
        return turn;
    }

    /** The next day to be run, from 0; {@link Theatre#days} once the calendar is over. */
    public int day() {
        return sim.world().day + 1;
    }

    public boolean finished() {
        return day() >= theatre.days;
    }

    public World world() {
        return sim.world();
    }

    public List<Line> ticker() {
        return ticker;
    }

    /** Every strike so far, in the order they happened. */
    public List<Strike> strikes() {
        return strikes;
    }

    public boolean playable(String actor) {
        return log.played.contains(actor);
    }

    /** The options of a played actor this turn: its repertoire (marked unavailable where it lacks the weapons), hold, and the model. */
    public List<Option> options(String actor) {
        int a = index(actor);
        List<Option> out = new ArrayList<>();
        for (CompiledAction x : theatre.actions[a]) {
            out.add(new Option(x.id(), x.label(), theatre.actorNames[x.target()], theatre.rungNames[x.rung()],
                    x.launchesWeapons() ? x.salvo() : 0, sim.world().canTake(a, x.index())));
        }
        out.add(new Option(HOLD, "Hold: no action this turn", null, null, 0, true));
        out.add(new Option(MODEL, "Let the model decide this turn", null, null, 0, true));
        return out;
    }

    /**
     * Records a player's choice for a played actor this turn; a later choice replaces it. Returns null, or
     * why it is refused (the session goes on either way).
     */
    public String choose(String actor, int forTurn, String option, String reason) {
        if (finished()) return "the session is over";
        if (!playable(actor)) return "'" + actor + "' is not open for play";
        if (forTurn != turn) return "turn " + forTurn + " is not open; the open turn is " + turn;
        if (option == null || options(actor).stream().noneMatch(o -> o.id().equals(option))) {
            return "'" + option + "' is not an option of " + actor;
        }
        pending.put(index(actor), new String[] {option, clean(reason)});
        return null;
    }

    /** Whether the played actor has chosen this turn. */
    public boolean hasChosen(String actor) {
        return pending.containsKey(index(actor));
    }

    /** While this session is a preview's copy: the actor whose lines it collects. */
    private Collecting previewing;

    private record Collecting(int index, List<PreviewLine> lines) { }

    /**
     * What the model's rules would do in this chair this turn, and why, computed on a copy: the session is
     * replayed from its seed into a second run, the turn's interventions and the other chairs' choices as
     * they stand are applied there, and the turn is run with the model in this chair. This session's
     * state, its random stream and its log are not touched, so previewing changes nothing of what follows;
     * and when nothing else changes before the turn closes, letting the model decide does just what the
     * preview says.
     */
    public Preview preview(String actor) {
        int a = index(actor);
        if (!playable(actor)) throw new IllegalArgumentException("'" + actor + "' is not open for play");
        ClassSession copy = replay(theatre, log);
        copy.previewing = new Collecting(a, new ArrayList<>());
        for (SessionLog.Intervention i : queued) {
            copy.queued.add(i);
            copy.apply(i);
        }
        copy.pending.putAll(pending);
        copy.pending.put(a, new String[] {MODEL, ""});
        int days = copy.closeTurn();
        return new Preview(actor, turn, days, List.copyOf(copy.previewing.lines));
    }

    /** A one-line reason: control characters removed, at most {@link #MAX_REASON} characters. */
    static String clean(String reason) {
        if (reason == null) return "";
        StringBuilder b = new StringBuilder();
        reason.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_REASON).forEach(b::appendCodePoint);
        return b.toString().strip();
    }

    /**
     * Closes the turn: records the choices in the log, runs the turn's days (the model in every chair
     * whose player did not choose) and opens the next turn. Returns the number of days run.
     */
    public int closeTurn() {
        if (finished()) return 0;
        List<SessionLog.Choice> choices = new ArrayList<>();
        for (String id : log.played) {
            String[] c = pending.get(index(id));
            if (c != null) choices.add(new SessionLog.Choice(id, c[0], c[1]));
        }
        log.turns.add(new SessionLog.Turn(turn, day(), choices, List.copyOf(queued)));
        int days = run(choices);
        queued.clear();
        pending.clear();
        turn++;
        return days;
    }

    /** Runs one turn's days with these choices; the log's interventions of the turn are applied first. */
    private int run(List<SessionLog.Choice> choices) {
        World w = sim.world();
        for (String id : log.played) w.setPlayed(index(id), false);
        for (SessionLog.Choice c : choices) {
            int a = index(c.actor());
            if (c.option().equals(MODEL)) continue;
            w.setPlayed(a, true);
            if (!c.option().equals(HOLD)) w.choose(a, actionIndex(a, c.option()), -1);
        }
        int days = 0;
        while (days < log.turnDays && sim.stepDay()) days++;
        return days;
    }

    /** Instructor interventions queued for the turn being chosen, applied on its first day. */
    private final List<SessionLog.Intervention> queued = new ArrayList<>();

    /** The instructor moves lever {@code k} to {@code value}, from the next turn's first day. Returns null, or why it is refused. */
    public String lever(int k, double value) {
        List<Records.Lever> levers = theatre.scenario.classroom().levers();
        if (k < 0 || k >= levers.size()) return "no lever " + k;
        Records.Lever l = levers.get(k);
        if (!(value >= l.min() && value <= l.max())) return l.name() + " takes values from " + l.min() + " to " + l.max();
        SessionLog.Intervention i = new SessionLog.Intervention("lever", k, value);
        queued.add(i);
        apply(i);
        return null;
    }

    /** Lever {@code k}'s value now, for the instructor's page. */
    public double leverValue(int k) {
        return leverValues[k];
    }

    /** The instructor fires the scenario's classroom shock {@code k} on the next turn's first day. */
    public String shock(int k) {
        if (k < 0 || k >= theatre.scenario.classroom().shocks().size()) return "no shock " + k;
        SessionLog.Intervention i = new SessionLog.Intervention("shock", k, 0);
        queued.add(i);
        apply(i);
        return null;
    }

    private void apply(SessionLog.Intervention i) {
        Records.Classroom c = theatre.scenario.classroom();
        if (i.kind().equals("lever")) {
            Records.Lever l = c.levers().get(i.index());
            leverValues[i.index()] = i.value();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String p : l.paths()) values.put(p, i.value());
            sim.world().intervene(l.name() + " set to " + i.value() + " by the instructor", List.of(new Records.SetParameters(values)));
        } else {
            Records.Event shock = c.shocks().get(i.index());
            sim.world().intervene("Instructor: " + shock.name(), shock.effects());
        }
    }

    /**
     * Goes back to the start of turn {@code to}: the run is replayed from its seed with the log's turns
     * before it, and the later turns are dropped from the log.
     */
    public void rewind(int to) {
        if (to < 0 || to > log.turns.size()) throw new IllegalArgumentException("no turn " + to);
        List<SessionLog.Turn> kept = new ArrayList<>(log.turns.subList(0, to));
        log.turns.clear();
        queued.clear();
        restart();
        for (SessionLog.Turn t : kept) replayTurn(t);
    }

    /** Plays one logged turn again: its interventions, then its choices. */
    private void replayTurn(SessionLog.Turn t) {
        for (SessionLog.Intervention i : t.interventions()) apply(i);
        log.turns.add(t);
        pending.clear();
        for (SessionLog.Choice c : t.choices()) pending.put(index(c.actor()), new String[] {c.option(), c.reason()});
        run(t.choices());
        pending.clear();
        turn++;
    }

    /** Replays a whole saved session: the same model state, day by day, as when it was played. */
    public static ClassSession replay(Theatre theatre, SessionLog saved) {
        ClassSession s = new ClassSession(theatre, saved.emptyCopy());
        for (SessionLog.Turn t : saved.turns) s.replayTurn(t);
        return s;
    }

    /** The run's record so far: the outcomes the debrief sets against the model's runs. */
    public RunRecord record() {
        return sim.world().record;
    }

    /** A fingerprint of the model's state: two sessions with equal fingerprints are on the same path. */
    public String fingerprint() {
        return StateFingerprint.of(sim.world());
    }

    int index(String actor) {
        return theatre.index(actor);
    }

    private int actionIndex(int actor, String id) {
        for (CompiledAction x : theatre.actions[actor]) {
            if (x.id().equals(id)) return x.index();
        }
        throw new IllegalArgumentException("no action '" + id + "' of " + theatre.actorIds[actor]);
    }
}
