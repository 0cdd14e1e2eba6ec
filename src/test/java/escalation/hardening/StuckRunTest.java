package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.experiment.BatchRunner;
import escalation.experiment.Seeds;
import escalation.model.RunRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A stop request stops a batch even when a run never ends (issue 14, item 8). */
class StuckRunTest {
    @Test
    void aStopIsHonouredWhileARunIsStuck() {
        long asked = System.nanoTime() + 300_000_000L;
        AtomicLong consumed = new AtomicLong();
        long stoppedAt = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BatchRunner.run((BatchRunner.Replication) seed -> {
            if (seed == Seeds.of(1, 5)) {
                while (true) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ignored) {
                        // a stuck run ignores interruption too
                    }
                }
            }
            return null;
        }, 1, 0, 100, 2, new BatchRunner.Sink() {
            @Override public void accept(long run, int seed, RunRecord record, Throwable error) {
                consumed.incrementAndGet();
            }

            @Override public boolean stopRequested() {
                return System.nanoTime() > asked;
            }
        }));
        assertTrue(stoppedAt <= 5, "stopped at the stuck run, not after it: " + stoppedAt);
    }
}
