package escalation.cli;

import escalation.experiment.BatchRunner;
import java.util.ArrayList;
import java.util.List;

/** The bounds of the options that cost time or memory, checked before anything runs. */
final class Bounds {
    /**
     * Master seeds are folded to the 32 bits MASON's generator reads, so only seeds in
     * [0, 2^32 - 1] give distinct batches (and are printed as given).
     */
    static final long MAX_MASTER_SEED = 0xFFFF_FFFFL;

    private Bounds() { }

    static List<String> runs(long runs, long max) {
        List<String> out = new ArrayList<>();
        if (runs < 1 || runs > max) out.add("--runs must be in [1, " + max + "], got " + runs);
        return out;
    }

    static List<String> masterSeed(long seed) {
        List<String> out = new ArrayList<>();
        if (seed < 0 || seed > MAX_MASTER_SEED) {
            out.add("--seed must be in [0, " + MAX_MASTER_SEED + "] (a master seed is folded to 32 bits, so larger ones would "
                    + "repeat smaller ones), got " + seed);
        }
        return out;
    }

    static List<String> threads(Integer threads) {
        List<String> out = new ArrayList<>();
        if (threads != null && (threads < 1 || threads > BatchRunner.MAX_THREADS)) {
            out.add("--threads must be in [1, " + BatchRunner.MAX_THREADS + "], got " + threads);
        }
        return out;
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(BatchRunner.MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }
}
