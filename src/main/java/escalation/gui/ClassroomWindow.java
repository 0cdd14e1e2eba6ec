package escalation.gui;

import escalation.model.Theatre;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.border.TitledBorder;

/**
 * The classroom's one window, laid out for whatever screen it is on, from 1280 x 720 to 4K: the run's
 * controls along the top, the map with the levers and the instructor's buttons under it on the left,
 * the live charts on the right, and the ticker across the bottom. MASON's Console is docked in a tab
 * beside the levers, so it never covers the view. Text scales with the window, and more so in
 * presentation mode.
 */
final class ClassroomWindow {
    /** Lines the ticker keeps, newest first. */
    static final int TICKER_LINES = 200;

    private final JFrame frame = new JFrame();
    private final Theatre theatre;
    private final MapView map;
    private final LiveCharts charts;
    private final JTextArea ticker = new JTextArea();
    private final JScrollPane tickerScroll;
    private final TitledBorder tickerBorder;
    private final PolicyPanel policy;
    private final JScrollPane policyScroll;
    private final JTabbedPane side = new JTabbedPane();
    private final RunControls controls;
    private final StringBuilder tickerText = new StringBuilder();
    private int tickerCount;
    private Look look;
    private boolean presentation;
    /** In presentation mode the levers fold away to their tabs, giving the map the room; a click on a tab unfolds them. */
    private boolean folded;

    ClassroomWindow(ClassroomGUI gui, Theatre theatre, Chronicle chronicle, double[] leverValues, double[] scenarioValues,
                    Rectangle bounds, Container console, List<String> scenarios, String current) {
        this.theatre = theatre;
        frame.setTitle("Classroom: " + theatre.scenario.title());
        look = Look.forWindow(bounds.width, bounds.height, false);
        map = new MapView(theatre, new MapLayout(theatre), chronicle.strikes(), look);
        charts = new LiveCharts(theatre, chronicle.beliefPairs(), chronicle.anyClaimants(), look);
        policy = new PolicyPanel(gui.levers(), leverValues, scenarioValues, theatre.scenario.classroom().shocks(), look, new PolicyPanel.Listener() {
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
        policyScroll = new JScrollPane(policy, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED, ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        policyScroll.setBorder(BorderFactory.createEmptyBorder());
        side.addTab("Levers and buttons", policyScroll);
        side.setToolTipTextAt(0, "A lever moved takes effect the next day; moved before play, from the first day");
        if (console != null) side.addTab("MASON Console (seed, inspectors)", console);
        controls = new RunControls(scenarios, current, gui.sim().seed(), look, gui.runActions(this));
        side.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override public void mousePressed(java.awt.event.MouseEvent e) {
                int tab = side.getUI().tabForCoordinate(side, e.getX(), e.getY());
                if (!presentation || tab < 0) return;
                if (folded) fold(false);
                else if (tab == side.getSelectedIndex()) fold(true);
            }
        });

        ticker.setLineWrap(true);
        ticker.setWrapStyleWord(true);
        ticker.setEditable(false);
        ticker.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        tickerScroll = new JScrollPane(ticker, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS, ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        tickerBorder = BorderFactory.createTitledBorder(BorderFactory.createLineBorder(Color.LIGHT_GRAY),
                "What happened, and why (newest first)");
        tickerScroll.setBorder(tickerBorder);

        JPanel content = new JPanel(new Layout());
        content.setBackground(Color.WHITE);
        content.add(controls);
        content.add(map);
        content.add(side);
        content.add(charts.panel());
        content.add(tickerScroll);
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override public void windowClosing(WindowEvent e) {
                gui.closeWindow();
            }
        });
        frame.setBounds(bounds);
        frame.addComponentListener(new ComponentAdapter() {
            @Override public void componentResized(ComponentEvent e) {
                restyleFor(content.getWidth(), content.getHeight());
            }
        });
        restyle(look);
        controls.showDay(-1, theatre.days, 0);

        chronicle.setListener(day -> {
            map.show(day);
            SwingUtilities.invokeLater(() -> {
                charts.add(day);
                addToTicker(day.lines());
                controls.showDay(day.day(), theatre.days, gui.playState());
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

    MapView map() {
        return map;
    }

    RunControls controls() {
        return controls;
    }

    JTabbedPane side() {
        return side;
    }

    JScrollPane tickerPane() {
        return tickerScroll;
    }

    Look look() {
        return look;
    }

    /** Presentation mode: larger text everywhere, at least 24 px at 1080p. */
    void presentation(boolean on) {
        presentation = on;
        folded = on;
        controls.presentation.setSelected(on);
        Container c = frame.getContentPane();
        restyleFor(c.getWidth() > 0 ? c.getWidth() : frame.getWidth(), c.getHeight() > 0 ? c.getHeight() : frame.getHeight());
    }

    /** Folds the levers and buttons away to their tabs, or unfolds them. */
    void fold(boolean fold) {
        folded = fold;
        frame.getContentPane().revalidate();
        frame.getContentPane().repaint();
    }

    boolean folded() {
        return folded;
    }

    void showConsole(boolean shown) {
        if (shown) folded = false;
        if (side.getTabCount() > 1) side.setSelectedIndex(shown ? 1 : 0);
        controls.console.setSelected(shown);
    }

    private void restyleFor(int width, int height) {
        Look l = Look.forWindow(width, height, presentation);
        if (l.same(look)) return;
        restyle(l);
    }

    private void restyle(Look l) {
        look = l;
        map.restyle(l);
        charts.restyle(l);
        policy.restyle(l);
        controls.restyle(l);
        side.setFont(l.label);
        ticker.setFont(l.ticker);
        tickerBorder.setTitleFont(l.label);
        frame.getContentPane().revalidate();
        frame.repaint();
    }

    /** A new run: empty charts and ticker, the run before drawn on every chart. Called by the GUI's start, on the Swing thread. */
    void runStarted(List<Chronicle.Day> previous) {
        map.show(null);
        charts.reset(previous);
        tickerText.setLength(0);
        tickerCount = 0;
        ticker.setText("");
        controls.showDay(-1, theatre.days, 0);
    }

    private void addToTicker(List<String> lines) {
        if (lines.isEmpty()) return;
        StringBuilder block = new StringBuilder();
        for (int k = lines.size() - 1; k >= 0; k--) block.append(lines.get(k)).append('\n');
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

    /**
     * The run's controls across the top (as many rows as they need); on the left the map over the levers and
     * buttons, which get the height they need, up to 63% of it (only their tabs while folded away); on the right the charts over the ticker (about
     * five lines). Each side has half the width, so that two charts side by side stay wider than 300 px on a
     * 1280-pixel projector; in presentation mode the charts get a little more, and the ticker three lines.
     */
    private final class Layout implements LayoutManager {
        @Override public void addLayoutComponent(String name, Component comp) { }

        @Override public void removeLayoutComponent(Component comp) { }

        @Override public Dimension preferredLayoutSize(Container parent) {
            return new Dimension(1280, 720);
        }

        @Override public Dimension minimumLayoutSize(Container parent) {
            return new Dimension(1024, 600);
        }

        @Override public void layoutContainer(Container parent) {
            int w = parent.getWidth();
            int h = parent.getHeight();
            int gap = Math.max(4, look.px(5));
            controls.setSize(w, 10);
            int top = controls.getPreferredSize().height;
            controls.setBounds(0, 0, w, top);
            int mainY = top + gap;
            int mainH = h - top - 2 * gap;
            int left = (int) ((w - 3 * gap) * (presentation ? 0.43 : 0.5));
            int rightX = 2 * gap + left;
            int right = w - rightX - gap;
            int line = ticker.getFontMetrics(ticker.getFont()).getHeight();
            int tickerH = Math.min((int) (mainH * 0.26), (int) (line * (presentation ? 3.3 : 5.2)) + look.px(30));
            charts.panel().setBounds(rightX, mainY, right, mainH - tickerH - gap);
            tickerScroll.setBounds(rightX, mainY + mainH - tickerH, right, tickerH);
            int tabs = side.getUI().getTabBounds(side, 0).height + look.px(6);
            int sideH = folded ? tabs : Math.min((int) (mainH * 0.63), policy.heightFor(left - 8) + tabs + look.px(14));
            int mapH = mainH - sideH - gap;
            map.setBounds(gap, mainY, left, mapH);
            side.setBounds(gap, mainY + mapH + gap, left, sideH);
        }
    }
}
