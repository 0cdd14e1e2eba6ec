package escalation.gui;

import escalation.model.Occurrence;
import java.util.ArrayList;
import java.util.List;

/**
 * The strikes the map shows: one arrow per strike from attacker to target, kept for
 * {@link #FADE_DAYS} days after the day it happened and fading meanwhile. Threats (signals) are kept
 * too, drawn thin. Filled by the run's observer on the model thread, read by the display; its
 * methods are synchronized.
 */
public final class StrikeMap {
    /** Days over which an arrow fades out. */
    public static final int FADE_DAYS = 7;

    /**
     * One strike or threat: who, whom, on which rung, on which day, and what came of it.
     *
     * @param signal true for a threat (non-kinetic rung)
     */
    public record Arrow(int attacker, int target, int rung, int day, boolean signal, int launched, int intercepted,
                        int hits, int killed) {
        /** True when weapons were launched and every one was intercepted. */
        public boolean allIntercepted() {
            return launched > 0 && hits == 0;
        }

        /** 1 on the day of the strike, falling linearly to 0 after {@link #FADE_DAYS} days. */
        public double opacity(int today) {
            int age = today - day;
            return age < 0 || age >= FADE_DAYS ? 0 : 1 - (double) age / FADE_DAYS;
        }
    }

    private final List<Arrow> arrows = new ArrayList<>();
    private int today = -1;

    /** Adds a strike or threat; other occurrences are ignored. */
    public synchronized void add(Occurrence o) {
        if (o.kind() == Occurrence.Kind.STRIKE || o.kind() == Occurrence.Kind.SIGNAL) {
            arrows.add(new Arrow(o.actor(), o.target(), o.action().rung(), o.day(), o.kind() == Occurrence.Kind.SIGNAL,
                    o.salvo(), o.intercepted(), o.hits(), o.killed()));
        }
    }

    /** Moves the map to {@code day}: arrows that have faded out are dropped. */
    public synchronized void dayEnded(int day) {
        today = day;
        arrows.removeIf(a -> a.opacity(day) <= 0);
    }

    /** The arrows still visible, oldest first. */
    public synchronized List<Arrow> visible() {
        return List.copyOf(arrows);
    }

    public synchronized int today() {
        return today;
    }

    public synchronized void clear() {
        arrows.clear();
        today = -1;
    }
}
