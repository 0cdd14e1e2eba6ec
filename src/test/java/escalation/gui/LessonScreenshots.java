package escalation.gui;

import escalation.Scenarios;
import escalation.model.Theatre;
import java.awt.Rectangle;
import java.nio.file.Path;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * Takes the screenshots of docs/classroom.md from the real console. Run under a display of at least
 * 1920 x 1080, from the project root, after {@code mvn -B -q test-compile dependency:build-classpath}:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" escalation.gui.LessonScreenshots docs/img}
 */
public final class LessonScreenshots {
    private LessonScreenshots() { }

    private static final Rectangle PROJECTOR = new Rectangle(0, 0, 1280, 800);
    private static final Rectangle FULL_HD = new Rectangle(0, 0, 1920, 1080);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

        // The window on a 1280 x 800 projector and on a 1080p screen, 30 days into the autumn; the docked Console.
        Console c = ClassroomGUI.open(autumn, 7, null, PROJECTOR);
        ClassroomGUI g0 = (ClassroomGUI) c.getSimulation();
        Screenshots.runDays(c, g0, 30);
        Screenshots.save(g0, out.resolve("classroom-1280x800.png"));
        Console docked = c;
        SwingUtilities.invokeAndWait(() -> {
            g0.window().showConsole(true);
            docked.getTabPane().setSelectedIndex(1);
        });
        ClassroomGUI.settle();
        Screenshots.save(g0, out.resolve("classroom-console.png"));
        close(c);
        c = ClassroomGUI.open(autumn, 7, null, FULL_HD);
        ClassroomGUI g1 = (ClassroomGUI) c.getSimulation();
        Screenshots.runDays(c, g1, 30);
        Screenshots.save(g1, out.resolve("classroom-1920x1080.png"));
        g1.presentation(true);
        ClassroomGUI.settle();
        Screenshots.save(g1, out.resolve("classroom-presentation.png"));
        close(c);

        // Exercise 1: an empty doctrine, then a credible one, on the same seed.
        c = ClassroomGUI.open(primer, 3, null, FULL_HD);
        ClassroomGUI gui = (ClassroomGUI) c.getSimulation();
        SwingUtilities.invokeAndWait(() -> gui.setLever(0, 0.05));
        Screenshots.runDays(c, gui, primer.days);
        Screenshots.save(gui, out.resolve("classroom-empty-threats.png"));
        SwingUtilities.invokeAndWait(() -> gui.setLever(0, 0.95));
        SwingUtilities.invokeAndWait(gui::replay);
        Screenshots.runDays(c, gui, primer.days);
        Screenshots.save(gui, out.resolve("classroom-credible-threats.png"));
        close(c);

        // Exercise 2: Tehran holds its factions on a short leash and orders them to stand down.
        c = ClassroomGUI.open(autumn, 7, null, FULL_HD);
        ClassroomGUI g2 = (ClassroomGUI) c.getSimulation();
        SwingUtilities.invokeAndWait(() -> g2.setLever(3, 0.95));
        Screenshots.runDays(c, g2, 30);
        SwingUtilities.invokeAndWait(() -> g2.pressShock(2));
        Screenshots.runDays(c, g2, 65);
        Screenshots.save(g2, out.resolve("classroom-patron-control.png"));
        close(c);

        // Exercise 3: the season as it is, then without winter.
        c = ClassroomGUI.open(autumn, 7, null, FULL_HD);
        ClassroomGUI g3 = (ClassroomGUI) c.getSimulation();
        Screenshots.runDays(c, g3, autumn.days);
        SwingUtilities.invokeAndWait(() -> g3.setLever(7, 1.0));
        SwingUtilities.invokeAndWait(g3::replay);
        Screenshots.runDays(c, g3, autumn.days);
        Screenshots.save(g3, out.resolve("classroom-winter-fronts.png"));
        close(c);
        System.exit(0);
    }

    private static void close(Console c) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            c.pressStop();
            c.getSimulation().quit();
            c.dispose();
        });
    }
}
