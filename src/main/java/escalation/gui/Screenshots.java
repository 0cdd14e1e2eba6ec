package escalation.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import sim.display.Console;

/** Runs the console for some days as the play button would, and saves the classroom window as a PNG. */
public final class Screenshots {
    private Screenshots() { }

    /**
     * Plays until the run has {@code days} days (from the start of a stopped console, or on from a paused one),
     * lets the Console pause itself there, and waits for the window to show them.
     */
    public static void runDays(Console console, ClassroomGUI gui, int days) throws Exception {
        long target = Math.min(days, gui.sim().theatre().days);
        long sleep = console.getPlaySleep();
        SwingUtilities.invokeAndWait(() -> {
            // Nobody watches: as fast as the machine goes, whatever the speed the window is set to.
            console.setPlaySleep(0);
            console.setWhenShouldPause(target);
            // While paused, MASON's play button steps once; its pause button resumes.
            if (console.getPlayState() == Console.PS_PAUSED) console.pressPause();
            else if (console.getPlayState() == Console.PS_STOPPED) console.pressPlay();
        });
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (gui.sim().schedule.getSteps() < target || console.getPlayState() == Console.PS_PLAYING) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the console did not pause after " + target + " days");
            Thread.sleep(20);
        }
        SwingUtilities.invokeAndWait(() -> {
            console.setWhenShouldPause(Long.MAX_VALUE);
            console.setPlaySleep(sleep);
        });
        ClassroomGUI.settle();
        ClassroomGUI.settle();
    }

    /** Saves the classroom window, written to a temporary file first and then moved into place. */
    public static void save(ClassroomGUI gui, Path png) throws Exception {
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".screenshot", ".png");
        try {
            if (!ImageIO.write(gui.screenshot(), "png", tmp.toFile())) throw new IOException("no PNG writer");
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void runAndSave(Console console, ClassroomGUI gui, int days, Path png) throws Exception {
        runDays(console, gui, days);
        save(gui, png);
    }
}
