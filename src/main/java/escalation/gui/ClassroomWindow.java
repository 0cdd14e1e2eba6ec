package escalation.gui;

import escalation.model.Theatre;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import sim.display.Display2D;

/**
 * The classroom window, laid out for a projector: the map (a MASON {@link Display2D}) and the live
 * charts side by side, the event ticker below them, the levers on the right.
 */
final class ClassroomWindow {
    static final int WIDTH = 1900;
    static final int HEIGHT = 1040;
    static final int POLICY_WIDTH = 420;
    static final int TOP_HEIGHT = 700;
    static final int MAP_WIDTH = 740;
    /** The map's own height: the display's header of buttons takes the rest of the top row. */
    static final int MAP_HEIGHT = TOP_HEIGHT - 40;
    /** Lines the ticker keeps, newest first. */
    static final int TICKER_LINES = 200;

    private final JFrame frame = new JFrame("Classroom: ");
    private final Display2D display;
    private final MapPortrayal map;
    private final LiveCharts charts;
    private final JTextArea ticker = new JTextArea();
    private final PolicyPanel policy;
    private final StringBuilder tickerText = new StringBuilder();
    private int tickerCount;

    ClassroomWindow(ClassroomGUI gui, Theatre theatre, Chronicle chronicle, double[] leverValues) {
        frame.setTitle("Classroom: " + theatre.scenario.title());
        map = new MapPortrayal(theatre, new MapLayout(theatre), chronicle.strikes());
        display = new Display2D(MAP_WIDTH, MAP_HEIGHT, gui);
        display.setBackdrop(Look.SEA);
        display.attach(map, "Map");
        display.setClipping(false);
        display.display.setHorizontalScrollBarPolicy(javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        display.display.setVerticalScrollBarPolicy(javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_NEVER);
        charts = new LiveCharts(theatre, chronicle.beliefPairs());
        policy = new PolicyPanel(gui.levers(), leverValues, theatre.scenario.classroom().shocks(), new PolicyPanel.Listener() {
            @Override public void leverMoved(int lever, double value) {
                gui.setLever(lever, value);
            }

            @Override public void shock(int button) {
                gui.pressShock(button);
            }

            @Override public void replay() {
                gui.replay();
            }
        });
        policy.setPreferredSize(new Dimension(POLICY_WIDTH, HEIGHT));

        ticker.setFont(Look.TICKER);
        ticker.setLineWrap(true);
        ticker.setWrapStyleWord(true);
        ticker.setEditable(false);
        ticker.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        JScrollPane tickerScroll = new JScrollPane(ticker);
        tickerScroll.setBorder(BorderFactory.createTitledBorder(BorderFactory.createLineBorder(Color.LIGHT_GRAY),
                "What happened, and why (newest first)", 0, 0, Look.LABEL));
        JPanel top = new JPanel(new BorderLayout(4, 0));
        top.setBackground(Color.WHITE);
        display.setPreferredSize(new Dimension(MAP_WIDTH, TOP_HEIGHT));
        top.add(display, BorderLayout.WEST);
        top.add(charts.panel(), BorderLayout.CENTER);
        top.setPreferredSize(new Dimension(WIDTH - POLICY_WIDTH, TOP_HEIGHT));
        JPanel left = new JPanel(new BorderLayout(0, 4));
        left.setBackground(Color.WHITE);
        left.add(top, BorderLayout.NORTH);
        left.add(tickerScroll, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout());
        content.setBackground(Color.WHITE);
        content.add(left, BorderLayout.CENTER);
        content.add(policy, BorderLayout.EAST);
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        frame.setSize(WIDTH, HEIGHT);
        frame.setLocation(0, 0);

        chronicle.setListener(day -> {
            map.show(day);
            SwingUtilities.invokeLater(() -> {
                charts.add(day);
                addToTicker(day.lines());
            });
        });
    }

    JFrame frame() {
        return frame;
    }

    PolicyPanel policy() {
        return policy;
    }

    LiveCharts charts() {
        return charts;
    }

    /** A new run: empty charts and ticker, a fresh map. Called by the GUI's start, on the Swing thread. */
    void runStarted(byte[] previousLevels, String previousLabel, String label) {
        map.show(null);
        charts.reset(previousLevels, previousLabel, "This run: " + label);
        tickerText.setLength(0);
        tickerCount = 0;
        ticker.setText("");
        display.reset();
        display.repaint();
    }

    private void addToTicker(List<String> lines) {
        if (lines.isEmpty()) return;
        StringBuilder block = new StringBuilder();
        for (String l : lines) block.append(l).append('\n');
        tickerText.insert(0, block);
        tickerCount += lines.size();
        if (tickerCount > TICKER_LINES) {
            int cut = 0;
            for (int k = 0; k < TICKER_LINES; k++) cut = tickerText.indexOf("\n", cut) + 1;
            tickerText.setLength(cut);
            tickerCount = TICKER_LINES;
        }
        ticker.setText(tickerText.toString());
        ticker.setCaretPosition(0);
    }

    String tickerText() {
        return ticker.getText();
    }

    /** The window's content painted into an image. Call on the Swing thread. */
    BufferedImage paint() {
        var content = frame.getContentPane();
        BufferedImage image = new BufferedImage(Math.max(1, content.getWidth()), Math.max(1, content.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            content.printAll(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
