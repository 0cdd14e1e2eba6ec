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
    /** The figures of one day, as the charts plot them. Arrays are indexed by actor or by {@link #beliefPairs()}. */
    public record Day(int day, LocalDate date, boolean winter, int level, int week, int[] attacksThisWeek,
                      int[] killedAmong, double[] beliefs, double[] corridorCapacity, List<String> lines) { }

    private final Theatre theatre;
    private final Narrator narrator;
    private final StrikeMap strikes = new StrikeMap();
    private final int[][] beliefPairs;
    private final List<String> lines = new ArrayList<>();
    private final List<String> ticker = new ArrayList<>();
    private volatile Consumer<Day> listener = d -> { };

    public Chronicle(Theatre theatre) {
        this.theatre = theatre;
        narrator = new Narrator(theatre);
        beliefPairs = beliefPairs(theatre);
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
    }

    @Override public synchronized void occurred(Occurrence o) {
        String line = narrator.tickerLine(o);
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
            for (int a = 0; a < n; a++) {
                attacks[a] = r.weeklyAttacks[a * r.weeks + week];
                killed[a] = r.byTarget(r.killed, a);
            }
            double[] beliefs = new double[beliefPairs.length];
            for (int k = 0; k < beliefPairs.length; k++) beliefs[k] = w.beliefs.retaliation(beliefPairs[k][0], beliefPairs[k][1]);
            double[] corridor = new double[theatre.linkIds.length];
            for (int l = 0; l < corridor.length; l++) corridor[l] = w.corridor.capacity(l);
            day = new Day(w.day, w.date, w.winter(), w.level(), week, attacks, killed, beliefs, corridor, List.copyOf(lines));
            lines.clear();
        }
        listener.accept(day);
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
