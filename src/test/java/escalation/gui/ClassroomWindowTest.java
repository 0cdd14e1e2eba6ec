package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import escalation.Scenarios;
import escalation.model.Theatre;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import sim.display.Console;

/**
 * The classroom window on the screens of a lecture room: at 1280 x 800 and at 1920 x 1080 it opens on the
 * autumn scenario, plays 30 days, and every control, chart and the ticker lies wholly on the screen, no chart
 * narrower than 300 px; a screenshot of each is written to target/. Needs a display (CI runs the tests under
 * xvfb-run); skipped without one, and a size is skipped on a smaller screen.
 */
class ClassroomWindowTest {
    private final Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
    private Console console;

    @AfterEach
    void close() throws Exception {
        if (console == null) return;
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            console.getSimulation().quit();
            console.dispose();
        });
    }

    private ClassroomGUI open(int width, int height) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the tests under xvfb-run");
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        assumeTrue(screen.width >= width && screen.height >= height, "the screen is smaller than " + width + "x" + height);
        console = ClassroomGUI.open(autumn, 7, null, new Rectangle(0, 0, width, height));
        return (ClassroomGUI) console.getSimulation();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800", "1920, 1080"})
    void everyControlChartAndTheTickerIsOnScreenAfterThirtyDays(int width, int height) throws Exception {
        ClassroomGUI gui = open(width, height);
        Screenshots.runDays(console, gui, 30);
        assertEquals(29, gui.sim().world().day, "paused after 30 days");
        Screenshots.save(gui, Path.of("target", "classroom-" + width + "x" + height + ".png"));
        List<String> problems = new ArrayList<>();
        int[] charts = new int[2];
        SwingUtilities.invokeAndWait(() -> {
            ClassroomWindow w = gui.window();
            Container content = w.frame().getContentPane();
            assertEquals(new Rectangle(0, 0, width, height), SwingUtilities.convertRectangle(content, new Rectangle(content.getSize()), null).union(new Rectangle(0, 0, 0, 0)));
            List<JComponent> wanted = new ArrayList<>();
            wanted.addAll(w.controls().items());
            for (LeverControl l : w.policy().levers()) {
                wanted.add(l.slider());
                wanted.add(l.spinner());
            }
            wanted.addAll(w.policy().buttons());
            wanted.add(w.policy().replayButton());
            wanted.add(w.tickerPane());
            wanted.add(w.map());
            wanted.addAll(w.charts().chartPanels());
            for (JComponent c : wanted) {
                String what = describe(c);
                if (!c.isShowing()) {
                    problems.add(what + " is not showing");
                    continue;
                }
                Rectangle visible = c.getVisibleRect();
                if (visible.width < c.getWidth() || visible.height < c.getHeight()) {
                    problems.add(what + " is cut: " + visible.width + "x" + visible.height + " of " + c.getWidth() + "x" + c.getHeight());
                }
                Rectangle onScreen = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), content);
                if (!new Rectangle(0, 0, width, height).contains(onScreen)) problems.add(what + " lies off the screen: " + onScreen);
                if (c.getWidth() < 20 || c.getHeight() < 10) problems.add(what + " is too small: " + c.getSize());
            }
            for (ChartPanel p : w.charts().chartPanels()) {
                if (p.getWidth() < LiveCharts.MIN_WIDTH) problems.add(describe(p) + " is " + p.getWidth() + " px wide");
                if (p.getHeight() < 120) problems.add(describe(p) + " is " + p.getHeight() + " px high");
            }
            charts[0] = w.charts().chartPanels().size();
            charts[1] = w.policy().levers().size();
            // No two controls cover each other.
            for (int i = 0; i < wanted.size(); i++) {
                for (int j = i + 1; j < wanted.size(); j++) {
                    Rectangle a = SwingUtilities.convertRectangle(wanted.get(i).getParent(), wanted.get(i).getBounds(), content);
                    Rectangle b = SwingUtilities.convertRectangle(wanted.get(j).getParent(), wanted.get(j).getBounds(), content);
                    if (a.intersects(b) && !a.contains(b) && !b.contains(a)) problems.add(describe(wanted.get(i)) + " covers " + describe(wanted.get(j)));
                }
            }
        });
        assertEquals(6, charts[0], "escalation, attacks, beliefs, killed, claims against launches, fronts");
        assertEquals(autumn.scenario.classroom().levers().size(), charts[1]);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void presentationModeWritesNothingSmallerThan24PixelsAt1080p() throws Exception {
        ClassroomGUI gui = open(1920, 1080);
        gui.presentation(true);
        Screenshots.runDays(console, gui, 30);
        Screenshots.save(gui, Path.of("target", "classroom-1920x1080-presentation.png"));
        SwingUtilities.invokeAndWait(() -> {
            ClassroomWindow w = gui.window();
            assertTrue(w.folded(), "the levers fold away to their tabs");
            assertTrue(w.map().getHeight() > 0.7 * (1080 - w.controls().getHeight()), "the map gets the room: " + w.map().getHeight());
            w.fold(false);
        });
        ClassroomGUI.settle();
        List<String> small = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            ClassroomWindow w = gui.window();
            w.frame().getContentPane().validate();
            assertTrue(w.policy().levers().get(0).slider().isShowing(), "unfolded, the levers show");
            for (Component c : all(w.frame().getContentPane())) {
                if (!c.isShowing() || c instanceof JComponent j && !isText(j)) continue;
                if (c instanceof javax.swing.AbstractButton b && (b.getText() == null || b.getText().isEmpty())) continue;
                Font f = c.getFont();
                if (f != null && f.getSize() < Look.PRESENTATION_MIN) small.add(describe(c) + ": " + f.getSize() + " px");
            }
            for (JFreeChart chart : w.charts().charts()) {
                XYPlot plot = chart.getXYPlot();
                List<Font> fonts = new ArrayList<>(List.of(chart.getTitle().getFont(), plot.getDomainAxis().getTickLabelFont(),
                        plot.getRangeAxis().getTickLabelFont()));
                if (chart.getLegend() != null) fonts.add(chart.getLegend().getItemFont());
                for (Font f : fonts) {
                    if (f.getSize() < Look.PRESENTATION_MIN) small.add(chart.getTitle().getText() + ": " + f.getSize() + " px");
                }
            }
        });
        assertTrue(small.isEmpty(), String.join("\n", small));
    }

    @Test
    void theSpeedIsInDaysPerSecondOnTheMainWindow() throws Exception {
        ClassroomGUI gui = open(1280, 800);
        SwingUtilities.invokeAndWait(() -> {
            RunControls bar = gui.window().controls();
            bar.speed.setValue(java.util.Arrays.binarySearch(RunControls.SPEEDS, 5.0));
            assertEquals("5 days/s", bar.speedValue.getText());
            assertEquals(200, console.getPlaySleep(), "a fifth of a second a day");
            bar.speed.setValue(RunControls.SPEEDS.length - 1);
            assertEquals(0, console.getPlaySleep());
            bar.step.doClick();
        });
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (gui.sim().schedule.getSteps() < 1 && System.nanoTime() < deadline) Thread.sleep(20);
        ClassroomGUI.settle();
        assertEquals(1, gui.sim().schedule.getSteps(), "Step a day runs exactly one day");
        assertEquals(Console.PS_PAUSED, console.getPlayState());
    }

    @Test
    void theScenarioMenuOpensAShippedScenarioInPlaceOfTheOneShown() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the tests under xvfb-run");
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        console = ClassroomGUI.open(primer, 3, null, new Rectangle(0, 0, 1280, 800));
        ClassroomGUI gui = (ClassroomGUI) console.getSimulation();
        Console before = console;
        SwingUtilities.invokeAndWait(() -> {
            var menu = gui.window().controls().scenario;
            List<String> items = new ArrayList<>();
            for (int k = 0; k < menu.getItemCount(); k++) items.add(menu.getItemAt(k));
            assertTrue(items.containsAll(List.of("autumn-2024-iraq", "deterrence-primer", "credible-retaliation", "history/april-2024-exchange")), items.toString());
            assertTrue(items.get(items.size() - 1).startsWith("Open a file"), items.toString());
            menu.setSelectedItem("credible-retaliation");
        });
        Console next = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (next == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            ClassroomGUI.settle();
            for (Object o : Console.allControllers.keySet().toArray()) {
                if (o instanceof Console c && c != before && c.getSimulation() instanceof ClassroomGUI g
                        && g.sim().theatre().scenario.name().equals("credible-retaliation")) next = c;
            }
        }
        assertTrue(next != null, "a console on the chosen scenario");
        console = next;
        ClassroomGUI opened = (ClassroomGUI) next.getSimulation();
        assertEquals(3, opened.sim().seed(), "the seed carries over");
        SwingUtilities.invokeAndWait(() -> {
            assertEquals("credible-retaliation", opened.window().controls().scenario.getSelectedItem());
            assertEquals(new Rectangle(0, 0, 1280, 800), opened.window().frame().getBounds());
        });
        assertTrue(gui.window() == null, "the window before is closed");
    }

    private static boolean isText(JComponent c) {
        return c instanceof JLabel || c instanceof javax.swing.AbstractButton || c instanceof javax.swing.text.JTextComponent
                || c instanceof javax.swing.JComboBox || c instanceof javax.swing.JTabbedPane;
    }

    private static List<Component> all(Container c) {
        List<Component> out = new ArrayList<>();
        for (Component k : c.getComponents()) {
            out.add(k);
            if (k instanceof Container kc) out.addAll(all(kc));
        }
        return out;
    }

    private static String describe(Component c) {
        if (c instanceof ChartPanel p) return "chart '" + p.getChart().getTitle().getText() + "'";
        if (c instanceof javax.swing.AbstractButton b) return "button '" + b.getText() + "'";
        if (c instanceof JLabel l) return "label '" + l.getText() + "'";
        Class<?> k = c.getClass();
        while (k.getSimpleName().isEmpty()) k = k.getSuperclass();
        return k.getSimpleName() + (c.getName() == null ? "" : " " + c.getName());
    }
}
