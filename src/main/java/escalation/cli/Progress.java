package escalation.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a batch: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
final class Progress implements AutoCloseable {
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
    private final ProgressBar bar;
    private final PrintStream plain;
    private final long total;
    private final long start = System.nanoTime();
    private final long initial;
    private long lastPlain = start;
    private long done;

    Progress(long initial, long total, PrintStream err) {
        this.total = total;
        this.initial = initial;
        this.done = initial;
        if (System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName("runs").setInitialMax(total).startsFrom(initial, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).setConsumer(
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build();
            plain = null;
        } else {
            bar = null;
            plain = err;
        }
    }

    void step() {
        done++;
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        long now = System.nanoTime();
        if (now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            double rate = (done - initial) / ((now - start) / 1e9);
            long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
            plain.printf("%d/%d runs (%.0f%%), %.0f runs/s, ETA %s%n", done, total, 100.0 * done / total, rate,
                    eta < 0 ? "?" : Duration.ofSeconds(eta).toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override public void close() {
        if (bar != null) bar.close();
    }
}
