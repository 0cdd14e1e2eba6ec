package escalation.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Share {@code index} of {@code count} of a job's units of work (a batch's runs, an experiment's design
 * points): the contiguous range {@code [total * index / count, total * (index + 1) / count)}. The ranges of
 * the shards of one job are disjoint, cover every unit once, in order, and differ in size by at most one.
 * A unit keeps the seed it has in the whole job (its seed depends on the job's seed and its index alone),
 * so the shards together run exactly the job's runs.
 */
public record Shard(int index, int count) {
    /** Most shards of one job. */
    public static final int MAX_COUNT = 100_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard K/N needs 1 <= N <= " + MAX_COUNT + " and 0 <= K < N, not " + index + "/" + count);
        }
    }

    /** Parses {@code K/N} (K counted from 0, as Slurm's array index is); the message says what was expected. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("--shard takes K/N (e.g. 0/4, the first of 4 shards), not '" + text + "'");
        int k;
        int n;
        try {
            k = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard takes K/N with whole numbers K and N (e.g. 0/4), not '" + text + "'");
        }
        try {
            return new Shard(k, n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard " + text + ": K counts from 0 to N-1 (the first of 4 shards is 0/4) and "
                    + "N is at most " + MAX_COUNT);
        }
    }

    /** The first unit of this shard of {@code total} units. */
    public long from(long total) {
        return Math.multiplyExact(total, (long) index) / count;
    }

    /** The unit after this shard's last. */
    public long to(long total) {
        return Math.multiplyExact(total, (long) index + 1) / count;
    }

    /** How a manifest records the shard. */
    public Map<String, Object> manifest(long total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("count", count);
        m.put("from", from(total));
        m.put("to", to(total));
        return m;
    }

    /** The option that selects this shard. */
    public String option() {
        return "--shard " + index + "/" + count;
    }

    @Override public String toString() {
        return index + "/" + count;
    }
}
