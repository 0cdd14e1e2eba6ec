package escalation.model;

/**
 * Each actor's learned belief that an adversary retaliates, as a Beta(alpha, beta) distribution.
 * An attack opens a watch window, or extends the open one and joins its episode; an answer from
 * the target (or its protector) within the window is evidence for retaliation weighted by how hard
 * it was relative to the strongest attack of the episode; a window that closes unanswered counts
 * each of its attacks as evidence against. Allies of the same camp learn vicariously with a weight.
 * Beside the probability, each holder keeps the believed <em>severity</em> of the adversary's answers:
 * the size of an answer relative to the answerer's standard one (its {@code scale}, 1 for an answer of
 * the action's own salvo), moved toward each observed answer's scale by {@code dynamics.severity_learning},
 * so a 125-munition campaign teaches more than one drone. Deterrence reads the product, the expected
 * severity {@code retaliation x severity}.
 */
public final class Beliefs {
    private final double[][] alpha;
    private final double[][] beta;
    /** Believed size of the adversary's answers, relative to a standard answer (1). */
    private final double[][] severity;
    /** Last day of the open watch window of (attacker, target), or -1. */
    private final int[][] watchUntil;
    private final double[][] watchIntensity;
    /** Attacks in the open episode of (attacker, target). */
    private final int[][] watchAttacks;
    /**
     * The ends of the windows opened or extended, as a queue of {@code (last day << 32) | cell} in order
     * of last day, cell = attacker x actors + target: windows last a fixed number of days from the day of
     * an attack, so ends arrive in order and a window closes from the queue's head; a day with nothing
     * ending costs one comparison and one that closes windows never scans the table. An entry whose
     * window was since answered, extended or reopened is stale and skipped.
     */
    private long[] ends = new long[16];
    private int head;
    private int tail;
    /** The cells whose windows close today, sorted so that they close in the table's row order. */
    private int[] closing = new int[16];

    /** Starts from the priors (copied, not shared): Beta(priorAlpha, priorBeta) per (holder, about). */
    Beliefs(double[][] priorAlpha, double[][] priorBeta) {
        int actors = priorAlpha.length;
        alpha = new double[actors][];
        beta = new double[actors][];
        severity = new double[actors][actors];
        watchUntil = new int[actors][actors];
        watchIntensity = new double[actors][actors];
        watchAttacks = new int[actors][actors];
        for (int i = 0; i < actors; i++) {
            alpha[i] = priorAlpha[i].clone();
            beta[i] = priorBeta[i].clone();
            java.util.Arrays.fill(watchUntil[i], -1);
            java.util.Arrays.fill(severity[i], 1);
        }
    }

    /** Mean belief of {@code holder} that {@code about} retaliates. */
    public double retaliation(int holder, int about) {
        double a = alpha[holder][about];
        return a / (a + beta[holder][about]);
    }

    /** Believed severity of {@code about}'s answers, relative to a standard answer. */
    public double severity(int holder, int about) {
        return severity[holder][about];
    }

    /** The expected severity of retaliation: belief that it comes times its believed size. */
    public double fear(int holder, int about) {
        return retaliation(holder, about) * severity[holder][about];
    }

    public double alpha(int holder, int about) {
        return alpha[holder][about];
    }

    public double beta(int holder, int about) {
        return beta[holder][about];
    }

    void watch(int attacker, int target, int untilDay, double intensity) {
        boolean open = watchUntil[attacker][target] >= 0;
        watchIntensity[attacker][target] = open ? Math.max(watchIntensity[attacker][target], intensity) : intensity;
        watchAttacks[attacker][target] = open ? watchAttacks[attacker][target] + 1 : 1;
        watchUntil[attacker][target] = untilDay;
        pushEnd(((long) untilDay << 32) | (attacker * watchUntil.length + target));
    }

    /** Queues a window's end; an end earlier than the last queued (never, with a fixed window) is put in its place. */
    private void pushEnd(long entry) {
        if (tail == ends.length) {
            if (head > ends.length / 2) {
                System.arraycopy(ends, head, ends, 0, tail - head);
            } else {
                ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                System.arraycopy(ends, head, ends, 0, tail - head);
            }
            tail -= head;
            head = 0;
        }
        int k = tail++;
        while (k > head && (ends[k - 1] >> 32) > (entry >> 32)) {
            ends[k] = ends[k - 1];
            k--;
        }
        ends[k] = entry;
    }

    boolean watching(int attacker, int target) {
        return watchUntil[attacker][target] >= 0;
    }

    /** Signals add evidence of resolve without any attack (a threat relayed by a third party). */
    void signal(int holder, int about, double credibility) {
        alpha[holder][about] += credibility;
    }

    /**
     * {@code answerer} struck {@code attacker}, who had an open window on {@code watched}: evidence
     * that {@code watched} retaliates, weighted by intensity; returns the weight.
     */
    double answered(int attacker, int watched, double answerIntensity, double scale, double severityLearning, Theatre t, double vicarious) {
        double w = Math.min(1, answerIntensity / watchIntensity[attacker][watched]);
        learn(attacker, watched, w, 1 - w, t, vicarious);
        learnSeverity(attacker, watched, scale, severityLearning, t, vicarious);
        watchUntil[attacker][watched] = -1;
        return w;
    }

    /** A strike on leaders: evidence of resolve, and an answer of at least standard size. */
    void feared(int holder, int about, double evidence, double severityLearning, double scale, Theatre t) {
        alpha[holder][about] += evidence;
        learnSeverity(holder, about, scale, severityLearning, t, 0);
    }

    private void learnSeverity(int holder, int about, double scale, double rate, Theatre t, double vicarious) {
        severity[holder][about] += rate * (scale - severity[holder][about]);
        if (vicarious <= 0) return;
        for (int k : t.campmates[holder]) {
            if (t.mayTarget[k][about]) severity[k][about] += vicarious * rate * (scale - severity[k][about]);
        }
    }

    /**
     * Closes the windows that ended before {@code day} unanswered, in the order of the table's rows
     * (attacker, then target), so that the evidence adds up in the same order as a scan of the table.
     */
    void closeExpired(int day, Theatre t, double vicarious, boolean learning) {
        int count = 0;
        while (head < tail && (int) (ends[head] >> 32) < day) {
            if (count == closing.length) closing = java.util.Arrays.copyOf(closing, count * 2);
            closing[count++] = (int) ends[head++];
        }
        if (count == 0) return;
        if (count > 32) {
            java.util.Arrays.sort(closing, 0, count);
        } else {
            // Insertion sort: a day closes a few windows, and a library sort costs more than the sorting.
            for (int k = 1; k < count; k++) {
                int cell = closing[k];
                int j = k;
                while (j > 0 && closing[j - 1] > cell) {
                    closing[j] = closing[j - 1];
                    j--;
                }
                closing[j] = cell;
            }
        }
        int n = watchUntil.length;
        for (int k = 0; k < count; k++) {
            int a = closing[k] / n;
            int b = closing[k] % n;
            int until = watchUntil[a][b];
            // Skipped: answered since (-1), extended past today, or a duplicate already closed.
            if (until < 0 || until >= day) continue;
            watchUntil[a][b] = -1;
            if (learning) learn(a, b, 0, watchAttacks[a][b], t, vicarious);
        }
    }

    private void learn(int holder, int about, double yes, double no, Theatre t, double vicarious) {
        alpha[holder][about] += yes;
        beta[holder][about] += no;
        if (vicarious <= 0) return;
        for (int k : t.campmates[holder]) {
            if (t.mayTarget[k][about]) {
                alpha[k][about] += vicarious * yes;
                beta[k][about] += vicarious * no;
            }
        }
    }
}
