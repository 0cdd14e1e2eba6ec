package escalation.model;

import java.util.Arrays;

/**
 * The outcomes of one run, kept small enough to stream: the daily escalation level, totals per
 * (attacker, target), the day each named threshold was first crossed.
 */
public final class RunRecord {
    private final int actors;
    /** Per day, 0 for a calm day or 1 + the index of the highest rung used. */
    public final byte[] dailyLevel;
    public final int[] attacks;
    public final int[] weapons;
    public final int[] intercepted;
    /** Weapons that reached the target's air defences (the rest fell short, failed or were stopped on the way). */
    public final int[] reached;
    /** Claims the attacker made (the observation layer): none for an unclaimed attack, several for false ones. */
    public final int[] claims;
    public final int[] hits;
    public final int[] killed;
    public final int[] injured;
    public final int[] signals;
    /** Per threshold, the day index it was first crossed, or -1. */
    public final int[] thresholdDay;
    /** Attacks launched per actor and calendar week (week w covers days 7w to 7w+6), at [actor * weeks + week]. */
    public final int[] weeklyAttacks;
    public final int weeks;
    /** Every strike with its day, when the theatre keeps them ({@link Theatre#keepsStrikes}); otherwise null. */
    public final Strikes strikes;

    /** Days at the end of a run whose highest level is the run's end state. */
    public static final int END_WINDOW = 14;

    RunRecord(int actors, int days, int thresholds, boolean keepStrikes) {
        this.actors = actors;
        strikes = keepStrikes ? new Strikes() : null;
        dailyLevel = new byte[days];
        attacks = new int[actors * actors];
        weapons = new int[actors * actors];
        intercepted = new int[actors * actors];
        reached = new int[actors * actors];
        claims = new int[actors * actors];
        hits = new int[actors * actors];
        killed = new int[actors * actors];
        injured = new int[actors * actors];
        signals = new int[actors * actors];
        thresholdDay = new int[thresholds];
        Arrays.fill(thresholdDay, -1);
        weeks = (days + 6) / 7;
        weeklyAttacks = new int[actors * weeks];
    }

    public int actors() {
        return actors;
    }

    public int cell(int attacker, int target) {
        return attacker * actors + target;
    }

    /** Highest level reached on any day. */
    public int maxLevel() {
        int max = 0;
        for (byte b : dailyLevel) max = Math.max(max, b);
        return max;
    }

    /** The end state: the highest level reached in the last {@code window} days. */
    public int endLevel(int window) {
        int max = 0;
        for (int d = Math.max(0, dailyLevel.length - window); d < dailyLevel.length; d++) max = Math.max(max, dailyLevel[d]);
        return max;
    }

    public static int total(int[] matrix) {
        int sum = 0;
        for (int v : matrix) sum += v;
        return sum;
    }

    /** Sum over targets of one attacker's row. */
    public int byAttacker(int[] matrix, int attacker) {
        long sum = 0;
        for (int t = 0; t < actors; t++) sum += matrix[cell(attacker, t)];
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    /** A total plus a count, saturating at the largest int instead of overflowing. */
    public static int plus(int total, int count) {
        long s = (long) total + count;
        return s >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /** Sum over attackers of one target's column. */
    public int byTarget(int[] matrix, int target) {
        long sum = 0;
        for (int a = 0; a < actors; a++) sum += matrix[cell(a, target)];
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    /**
     * A run's strikes in the order they happened, ten ints each (day, attacker, target, launched,
     * intercepted, killed, injured, reached, claims, and the corridor node where it landed or -1): memory grows with the run's attacks only, a few kilobytes for a
     * busy half-year, and any count over a date window, weekly peak or first date derives from it.
     */
    public static final class Strikes {
        private static final int DAY = 0;
        private static final int ATTACKER = 1;
        private static final int TARGET = 2;
        private static final int LAUNCHED = 3;
        private static final int INTERCEPTED = 4;
        private static final int KILLED = 5;
        private static final int INJURED = 6;
        private static final int REACHED = 7;
        private static final int CLAIMS = 8;
        private static final int WHERE = 9;
        private static final int WIDTH = 10;
        private int[] data = new int[WIDTH * 64];
        private int size;

        void add(int day, int attacker, int target, int launched, int intercepted, int killed, int injured,
                 int reached, int claims, int where) {
            if ((size + 1) * WIDTH > data.length) data = Arrays.copyOf(data, data.length * 2);
            int o = size * WIDTH;
            data[o + DAY] = day;
            data[o + ATTACKER] = attacker;
            data[o + TARGET] = target;
            data[o + LAUNCHED] = launched;
            data[o + INTERCEPTED] = intercepted;
            data[o + KILLED] = killed;
            data[o + INJURED] = injured;
            data[o + REACHED] = reached;
            data[o + CLAIMS] = claims;
            data[o + WHERE] = where;
            size++;
        }

        public int size() {
            return size;
        }

        public int day(int i) {
            return data[i * WIDTH + DAY];
        }

        public int attacker(int i) {
            return data[i * WIDTH + ATTACKER];
        }

        public int target(int i) {
            return data[i * WIDTH + TARGET];
        }

        public int launched(int i) {
            return data[i * WIDTH + LAUNCHED];
        }

        public int intercepted(int i) {
            return data[i * WIDTH + INTERCEPTED];
        }

        public int killed(int i) {
            return data[i * WIDTH + KILLED];
        }

        public int injured(int i) {
            return data[i * WIDTH + INJURED];
        }

        public int reached(int i) {
            return data[i * WIDTH + REACHED];
        }

        public int claims(int i) {
            return data[i * WIDTH + CLAIMS];
        }

        /** The corridor node where the strike landed, or -1. */
        public int where(int i) {
            return data[i * WIDTH + WHERE];
        }
    }
}
