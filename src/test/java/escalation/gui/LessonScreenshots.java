package escalation.gui;

import escalation.Scenarios;
import escalation.model.Theatre;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * Takes the screenshots of docs/classroom.md from the real console. Run under a display, from the
 * project root, after {@code mvn -B -q test-compile}:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp "target/classes:target/test-classes:$(cat cp.txt)" escalation.gui.LessonScreenshots docs/img}
 * where cp.txt holds {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class LessonScreenshots {
    private LessonScreenshots() { }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

        // Exercise 1: an empty doctrine, then a credible one, on the same seed.
        Console c = ClassroomGUI.open(primer, 3);
        ClassroomGUI gui = (ClassroomGUI) c.getSimulation();
        consoleShot(c, out.resolve("classroom-console.png"));
        SwingUtilities.invokeAndWait(() -> gui.setLever(0, 0.05));
        Screenshots.runDays(c, gui, primer.days);
        Screenshots.save(gui, out.resolve("classroom-empty-threats.png"));
        SwingUtilities.invokeAndWait(() -> gui.setLever(0, 0.95));
        SwingUtilities.invokeAndWait(gui::replay);
        Screenshots.runDays(c, gui, primer.days);
        Screenshots.save(gui, out.resolve("classroom-credible-threats.png"));
        close(c);

        // Exercise 2: Tehran holds its factions on a short leash and orders them to stand down.
        c = ClassroomGUI.open(autumn, 7);
        ClassroomGUI g2 = (ClassroomGUI) c.getSimulation();
        SwingUtilities.invokeAndWait(() -> g2.setLever(3, 0.95));
        Screenshots.runDays(c, g2, 30);
        SwingUtilities.invokeAndWait(() -> g2.pressShock(2));
        Screenshots.runDays(c, g2, 65);
        Screenshots.save(g2, out.resolve("classroom-patron-control.png"));
        close(c);

        // Exercise 3: the season as it is, then without winter.
        c = ClassroomGUI.open(autumn, 7);
        ClassroomGUI g3 = (ClassroomGUI) c.getSimulation();
        Screenshots.runDays(c, g3, autumn.days);
        SwingUtilities.invokeAndWait(() -> {
            g3.setLever(7, 1.0);
        });
        SwingUtilities.invokeAndWait(g3::replay);
        Screenshots.runDays(c, g3, autumn.days);
        Screenshots.save(g3, out.resolve("classroom-winter-fronts.png"));
        close(c);
        System.exit(0);
    }

    private static void consoleShot(Console c, Path png) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            var content = c.getContentPane();
            image[0] = new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image[0].createGraphics();
            content.printAll(g);
            g.dispose();
        });
        ImageIO.write(image[0], "png", png.toFile());
    }

    private static void close(Console c) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            c.pressStop();
            c.getSimulation().quit();
            c.setVisible(false);
            c.dispose();
        });
    }
}
