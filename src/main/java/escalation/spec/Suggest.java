package escalation.spec;

import java.util.Collection;

/** "Did you mean" hints for misspelt keys and ids, by edit distance. */
public final class Suggest {
    /** Words longer than this get no suggestion. */
    static final int MAX_LENGTH = 100;

    private Suggest() { }

    /** Returns " (did you mean 'x'?)" for the closest candidate within a small distance, else "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // A word longer than any id has no near miss worth naming, and the distance costs length squared.
        if (word.length() > MAX_LENGTH) return "";
        int tolerance = Math.max(1, Math.min(3, word.length() / 3));
        for (String c : candidates) {
            // Lengths that differ by more than the tolerance are farther apart than it.
            if (Math.abs(c.length() - word.length()) > tolerance) continue;
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= tolerance ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
