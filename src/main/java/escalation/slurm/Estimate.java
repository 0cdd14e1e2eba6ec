package escalation.slurm;

/**
 * The time and memory a shard asks Slurm for, from a quick bench of the scenario on this machine:
 * the seconds a run takes times the runs of the largest shard, divided among its threads, times a
 * margin (a cluster's cores may be slower, the JIT warms up in each task), plus a fixed allowance for
 * start-up; memory is a heap that holds the bench's live data many times over (a batch streams its
 * runs, so memory does not grow with them) and room for the JVM beside it.
 */
public final class Estimate {
    /** Times a shard's estimated time is multiplied by. */
    public static final double MARGIN = 3;
    /** Seconds added to every task's time: JVM start, loading the scenario, writing the files. */
    public static final long ALLOWANCE_SECONDS = 300;
    /** Least heap a task gets, in MB. */
    public static final int MIN_HEAP_MB = 512;

    private Estimate() { }

    /** Slurm's {@code --time} for {@code runs} runs of {@code secondsPerRun} on {@code threads} threads. */
    public static String time(double secondsPerRun, long runs, int threads) {
        double seconds = secondsPerRun * runs / Math.max(1, threads) * MARGIN + ALLOWANCE_SECONDS;
        return slurmTime((long) Math.ceil(seconds / 60) * 60);
    }

    /** A heap in MB for a task whose live data measured {@code liveBytes}: eight times that, rounded up to 256 MB, at least {@link #MIN_HEAP_MB}. */
    public static int heapMb(long liveBytes, int threads) {
        long mb = (8 * liveBytes + threads * 16L * (1 << 20)) / (1 << 20);
        return (int) Math.max(MIN_HEAP_MB, (mb + 255) / 256 * 256);
    }

    /** Slurm's {@code --mem} in MB for a JVM of heap {@code heapMb}: the heap, half as much again, and 256 MB. */
    public static int memMb(int heapMb) {
        return heapMb + heapMb / 2 + 256;
    }

    /** Seconds as Slurm writes a time limit: {@code HH:MM:SS}, or {@code D-HH:MM:SS} from a day on. */
    public static String slurmTime(long seconds) {
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        String hms = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        return d > 0 ? d + "-" + hms : hms;
    }

    /** Parses a {@code --time} the user gives, checking it is one Slurm accepts: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S. */
    public static boolean validTime(String t) {
        return t.matches("\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d+|\\d+-\\d+:\\d{1,2}|\\d+-\\d+:\\d{1,2}:\\d{1,2}");
    }

    /** Parses a {@code --mem} the user gives (a number of MB, or with K, M, G or T); -1 when it is not one. */
    public static int parseMemMb(String m) {
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("(\\d+)([KMGT]?)B?", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(m.trim());
        if (!x.matches()) return -1;
        long v = Long.parseLong(x.group(1));
        long mb = switch (x.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            case "T" -> v * 1024 * 1024;
            default -> v;
        };
        return mb < 64 || mb > Integer.MAX_VALUE ? -1 : (int) mb;
    }
}
