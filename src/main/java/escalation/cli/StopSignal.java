package escalation.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or a kill) asks a long command to stop: the JVM's shutdown hook sets the request and then
 * waits until the command says that what it finished is saved, so that stopping never loses a
 * finished result. Close it once everything is saved.
 */
final class StopSignal implements AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;

    StopSignal() {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                saved.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM is shutting down, or a signal {@link Interruption} listens for asked to stop. */
    boolean requested() {
        return requested.get() || Interruption.requested();
    }

    /** Says that everything finished is saved, and lets the JVM go. */
    @Override public void close() {
        saved.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }
}
