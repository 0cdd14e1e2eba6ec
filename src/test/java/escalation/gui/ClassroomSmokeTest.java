package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import escalation.Scenarios;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sim.display.Console;

/**
 * Starts the real Console on the deterrence primer, runs 60 days, saves a screenshot to
 * target/classroom-smoke.png, then moves a lever, presses a shock button and replays the seed.
 * Needs a display (CI runs the tests under xvfb-run); skipped without one.
 */
class ClassroomSmokeTest {
    private static final Path PNG = Path.of("target", "classroom-smoke.png");
    private Console console;

    @AfterEach
    void close() throws Exception {
        if (console == null) return;
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            ClassroomGUI gui = (ClassroomGUI) console.getSimulation();
            gui.quit();
            console.setVisible(false);
            console.dispose();
        });
    }

    @Test
    void theConsoleRunsSixtyDaysAndShowsThem() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the tests under xvfb-run");
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        console = ClassroomGUI.open(primer, 4, null, new java.awt.Rectangle(0, 0, 1280, 800));
        ClassroomGUI gui = (ClassroomGUI) console.getSimulation();
        Screenshots.runAndSave(console, gui, 60, PNG);

        assertEquals(59, gui.sim().world().day, "paused after 60 days");
        // The GUI ran the batch model: the same seed headless gives the same 60 days.
        RunRecord batch = Scenarios.run(primer, 4);
        byte[] shown = java.util.Arrays.copyOf(gui.sim().world().record.dailyLevel, 60);
        assertArrayEquals(java.util.Arrays.copyOf(batch.dailyLevel, 60), shown);

        BufferedImage image = ImageIO.read(PNG.toFile());
        assertEquals(1280, image.getWidth(), "the window as wide as the screen it was given");
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 50, "a drawn window, not a blank one: " + colours.size() + " colours");
        assertTrue(Files.size(PNG) > 20_000);

        String[] shownTicker = new String[1];
        int[][] points = new int[1][];
        ClassroomWindow[] window = new ClassroomWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            window[0] = gui.window();
            shownTicker[0] = window[0].tickerText();
            points[0] = window[0].charts().escalationPoints();
        });
        assertEquals(60, points[0][0], "one escalation point a day");
        String lastLine = gui.chronicle().ticker().get(gui.chronicle().ticker().size() - 1);
        assertTrue(shownTicker[0].startsWith(lastLine), "newest line first: " + lastLine);

        // A shock button during the run: its event and the state's strike come the next day.
        SwingUtilities.invokeAndWait(() -> gui.pressShock(1));
        Screenshots.runDays(console, gui, 70);
        assertEquals(69, gui.sim().world().day, "played on from the pause to day 70");
        assertTrue(gui.chronicle().ticker().contains("2025-03-02  Instructor: The state retaliates now"),
                "the instructor's button acted on day 61, and the ticker says whose doing it was");

        // The counterfactual: a credible doctrine from the first day, same seed, both curves on one chart.
        SwingUtilities.invokeAndWait(() -> gui.setLever(0, 0.95));
        SwingUtilities.invokeAndWait(gui::replay);
        Screenshots.runDays(console, gui, 30);
        int[] shownBefore = new int[2];
        SwingUtilities.invokeAndWait(() -> {
            points[0] = window[0].charts().escalationPoints();
            shownBefore[0] = window[0].charts().chartsWithPrevious();
            shownBefore[1] = window[0].charts().charts().size();
        });
        assertEquals(30, points[0][0], "this run so far");
        assertEquals(70, points[0][1], "the run before, all 70 days");
        assertEquals(shownBefore[1], shownBefore[0], "every chart draws the run before");
        assertEquals(4, gui.sim().seed(), "the replay keeps the seed");
        assertEquals("2025-01-01  Instructor: The state answers attacks set to 0.95 from the start", gui.chronicle().ticker().get(0));
    }
}
