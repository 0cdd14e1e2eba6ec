package escalation.experiment;

/**
 * Seeds of a batch's runs. Run i's seed depends on the master seed and i alone, so results do not
 * depend on the thread count or the order in which runs finish. MASON's generator uses only the low
 * 32 bits of a seed, so seeds are ints: {@code fmix32(base + i)}, where fmix32 (MurmurHash3's
 * finaliser) is a bijection on 32-bit ints, so the seeds of distinct runs are distinct; the one run
 * that would get 0 gets {@code fmix32(base - 1)} instead, which no other run of a batch of fewer
 * than 2^32 - 1 runs can have.
 */
public final class Seeds {
    private Seeds() { }

    public static int of(long masterSeed, long run) {
        int base = fmix32((int) (masterSeed ^ (masterSeed >>> 32)) ^ 0x9E3779B9);
        int seed = fmix32(base + (int) run);
        return seed != 0 ? seed : fmix32(base - 1);
    }

    static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * The seed of replication r at design point p of an experiment: {@code of(of(masterSeed, p), r)}.
     * It depends on (master seed, point, replication) alone, so adding replications keeps the seeds of
     * the ones before, and the replications of one point have distinct seeds.
     */
    public static int of(long masterSeed, long point, long replication) {
        return of(of(masterSeed, point), replication);
    }
}
