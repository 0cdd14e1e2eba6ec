package escalation.gui;

import escalation.io.Narrator;
import escalation.model.Occurrence;
import escalation.model.Observer;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.model.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the classroom console shows of a run, gathered as the run goes: the ticker's lines (from the
 * same {@link Narrator} as the event log), the map's arrows, and at the end of each day a
 * {@link Day} with the figures the live charts plot. It is the run's {@link Observer}, so it runs on
 * the model's thread and only reads the world; the listener decides how to hand days to Swing.
 */
public final class Chronicle implements Observer {
    /**
     * The figures of one day, as the charts plot them. Arrays are indexed by actor, by {@link #beliefPairs()} or by
     * front; {@code attacksByClaimants} and {@code claims} count, from the first day, the attacks launched and the
     * attacks claimed by the actors whose claims differ from their launches (the observation layer).
     */
    public record Day(int day, LocalDate date, boolean winter, int level, int week, int[] attacksThisWeek, int[] attacksSoFar,
                      int[] killedAmong, double[] beliefs, double[] corridorCapacity, int[] fronts,
                      int attacksByClaimants, int claims, List<String> lines) { }

    private final Theatre theatre;
    private final Narrator narrator;
    private final StrikeMap strikes = new StrikeMap();
    private final int[][] beliefPairs;
    private final List<String> lines = new ArrayList<>();
    private final List<String> ticker = new ArrayList<>();
    private final boolean[] claimant;
    private final List<String> pendingInterventions = new ArrayList<>();
    private final List<Day> days = new ArrayList<>();
    private volatile Consumer<Day> listener = d -> { };

    public Chronicle(Theatre theatre) {
        this.theatre = theatre;
        narrator = new Narrator(theatre);
        beliefPairs = beliefPairs(theatre);
        claimant = claimants(theatre);
    }

    /** The actors whose claims of attacks differ from the attacks they launch: none when the observation layer is off. */
    static boolean[] claimants(Theatre t) {
        boolean[] out = new boolean[t.actors];
        if (!t.mechanisms.observation()) return out;
        for (int a = 0; a < t.actors; a++) out[a] = t.claimShare[a] < 1 || t.claimExtra[a] > 0;
        return out;
    }

    /** True when some actor's claims differ from its launches, so that a chart of claims against launches tells something. */
    public boolean anyClaimants() {
        for (boolean c : claimant) if (c) return true;
        return false;
    }

    /**
     * Says that the instructor queued an intervention of this name: its event, the next day, is ticked as the
     * instructor's, not as a dated event of the scenario.
     */
    public synchronized void instructor(String name) {
        pendingInterventions.add(name);
    }

    /**
     * The (holder, adversary) beliefs worth a line: each proxy's about every adversary it may target; in a
     * scenario without proxies, every actor with a rule about each of its adversaries.
     */
    static int[][] beliefPairs(Theatre t) {
        List<int[]> out = new ArrayList<>();
        for (boolean proxiesOnly : new boolean[] {true, false}) {
            for (int i = 0; i < t.actors; i++) {
                boolean holder = proxiesOnly ? t.scenario.actors().get(i).kind().equals("proxy") : t.scenario.actors().get(i).rule() != null;
                if (!holder) continue;
                for (int j = 0; j < t.actors; j++) {
                    if (t.mayTarget[i][j]) out.add(new int[] {i, j});
                }
            }
            if (!out.isEmpty()) break;
        }
        return out.toArray(int[][]::new);
    }

    public void setListener(Consumer<Day> listener) {
        this.listener = listener;
    }

    /** Forgets the previous run (the console is about to start a new one). */
    public synchronized void clear() {
        strikes.clear();
        lines.clear();
        ticker.clear();
        pendingInterventions.clear();
        days.clear();
    }

    /** The ticker's prefixes: the instructor's buttons and levers, and the calendar's random shocks, are named apart from dated events. */
    static final String INSTRUCTOR = "Instructor: ";
    static final String CHANCE = "Chance event: ";

    @Override public synchronized void occurred(Occurrence o) {
        String line = narrator.tickerLine(o);
        if (o.kind() == Occurrence.Kind.EVENT && pendingInterventions.remove(o.note())) {
            line = line.replaceFirst("  Event: ", "  " + INSTRUCTOR);
        } else if (o.kind() == Occurrence.Kind.SHOCK) {
            line = line.replaceFirst("  Shock: ", "  " + CHANCE);
        }
        lines.add(line);
        ticker.add(line);
        strikes.add(o);
    }

    @Override public void dayEnded(World w) {
        Day day;
        synchronized (this) {
            strikes.dayEnded(w.day);
            RunRecord r = w.record;
            int n = theatre.actors;
            int week = w.day / 7;
            int[] attacks = new int[n];
            int[] killed = new int[n];
            int[] soFar = new int[n];
            for (int a = 0; a < n; a++) {
                attacks[a] = r.weeklyAttacks[a * r.weeks + week];
                soFar[a] = r.byAttacker(r.attacks, a);
                killed[a] = r.byTarget(r.killed, a);
            }
            double[] beliefs = new double[beliefPairs.length];
            for (int k = 0; k < beliefPairs.length; k++) beliefs[k] = w.beliefs.retaliation(beliefPairs[k][0], beliefPairs[k][1]);
            double[] corridor = new double[theatre.linkIds.length];
            for (int l = 0; l < corridor.length; l++) corridor[l] = w.corridor.capacity(l);
            int[] fronts = new int[theatre.frontIds.length];
            for (int f = 0; f < fronts.length; f++) fronts[f] = w.fronts.state(f);
            int launched = 0;
            int claims = 0;
            for (int a = 0; a < n; a++) {
                if (!claimant[a]) continue;
                launched += r.byAttacker(r.attacks, a);
                claims += r.byAttacker(r.claims, a);
            }
            day = new Day(w.day, w.date, w.winter(), w.level(), week, attacks, soFar, killed, beliefs, corridor, fronts, launched, claims,
                    List.copyOf(lines));
            lines.clear();
            days.add(day);
        }
        listener.accept(day);
    }

    /** Every day of the run so far, in order. */
    public synchronized List<Day> days() {
        return List.copyOf(days);
    }

    public StrikeMap strikes() {
        return strikes;
    }

    /** Every ticker line of the run so far, oldest first. */
    public synchronized List<String> ticker() {
        return List.copyOf(ticker);
    }

    public int[][] beliefPairs() {
        return beliefPairs;
    }

    public Narrator narrator() {
        return narrator;
    }
}
