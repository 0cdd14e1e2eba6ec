package escalation.gui;

import escalation.scenario.Records;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The instructor's levers (one {@link LeverControl} per lever the scenario declares, in as many columns
 * as the width allows), the instructor's buttons, and the counterfactual replay. It only reports what the
 * instructor did; {@link ClassroomGUI} acts on it.
 */
final class PolicyPanel extends JPanel implements javax.swing.Scrollable {
    private static final long serialVersionUID = 1L;

    /** What the panel reports. */
    interface Listener {
        void leverMoved(int lever, double value);

        void shock(int button);

        void replay();
    }

    private final List<LeverControl> levers = new ArrayList<>();
    private final List<JButton> buttons = new ArrayList<>();
    private final JLabel leverHeading = new JLabel("Levers: a move acts the next day; before play, from the first day");
    private final JLabel buttonHeading = new JLabel("Instructor's buttons: each acts the next day of the run");
    private final JButton replay = new JButton("Replay the same seed with these levers");
    private final JLabel status = new JLabel(" ");
    private transient Look look;

    PolicyPanel(List<Records.Lever> levers, double[] start, double[] scenario, List<Records.Event> shocks, Look look, Listener listener) {
        setLayout(new Flow());
        setBackground(Color.WHITE);
        add(leverHeading);
        for (int k = 0; k < levers.size(); k++) {
            final int lever = k;
            LeverControl c = new LeverControl(levers.get(k), start[k], scenario[k], v -> listener.leverMoved(lever, v));
            this.levers.add(c);
            add(c);
        }
        add(buttonHeading);
        for (int k = 0; k < shocks.size(); k++) {
            JButton b = new JButton(shocks.get(k).name());
            final int button = k;
            b.addActionListener(e -> listener.shock(button));
            b.setToolTipText("Happens the next day; the ticker marks it \"" + Chronicle.INSTRUCTOR.strip() + "\"");
            buttons.add(b);
            add(b);
        }
        replay.setToolTipText("Keeps this run's curves, restarts the same seed with the levers as they are now, and draws both");
        replay.setForeground(Look.PREVIOUS.darker());
        add(replay);
        replay.addActionListener(e -> listener.replay());
        status.setForeground(new Color(0x444444));
        add(status);
        restyle(look);
    }

    void restyle(Look l) {
        look = l;
        leverHeading.setFont(l.small.deriveFont(java.awt.Font.BOLD));
        buttonHeading.setFont(l.small.deriveFont(java.awt.Font.BOLD));
        for (LeverControl c : levers) c.restyle(l);
        for (JButton b : buttons) b.setFont(l.text);
        replay.setFont(l.label);
        status.setFont(l.small);
        revalidate();
    }

    /** Moves a lever's controls without reporting it (the GUI already knows). */
    void show(int lever, double v) {
        levers.get(lever).show(v);
    }

    double value(int lever) {
        return levers.get(lever).value();
    }

    List<LeverControl> levers() {
        return levers;
    }

    List<JButton> buttons() {
        return buttons;
    }

    JButton replayButton() {
        return replay;
    }

    void status(String s) {
        status.setText(s);
        status.setToolTipText(s);
    }

    static String format(Records.Lever l, double v) {
        return LeverControl.format(l, v);
    }

    @Override public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return look.px(20);
    }

    @Override public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return visible.height;
    }

    /** The panel is as wide as the space it is shown in, and as high as its levers then need. */
    @Override public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    /** The height the panel needs at a width. */
    int heightFor(int width) {
        return ((Flow) getLayout()).arrange(this, width, false);
    }

    /**
     * Headings across the width; levers in columns at least {@code 360} scaled pixels wide; buttons two or three
     * to a row; the replay button and the status line across the width.
     */
    private final class Flow implements LayoutManager {
        @Override public void addLayoutComponent(String name, Component comp) { }

        @Override public void removeLayoutComponent(Component comp) { }

        @Override public Dimension preferredLayoutSize(Container parent) {
            int w = Math.max(300, parent.getParent() instanceof javax.swing.JViewport v && v.getWidth() > 0 ? v.getWidth() : parent.getWidth());
            return new Dimension(w, arrange(parent, w, false));
        }

        @Override public Dimension minimumLayoutSize(Container parent) {
            return new Dimension(300, 100);
        }

        @Override public void layoutContainer(Container parent) {
            arrange(parent, parent.getWidth(), true);
        }

        int arrange(Container parent, int width, boolean place) {
            int pad = look.px(5);
            int w = width - 2 * pad;
            int y = pad;
            y = row(leverHeading, pad, y, w, place) + pad / 2;
            int columns = Math.max(1, Math.min(levers.size(), w / look.px(360)));
            int cw = (w - (columns - 1) * pad) / columns;
            int rowH = 0;
            for (int k = 0; k < levers.size(); k++) {
                LeverControl c = levers.get(k);
                int h = c.getPreferredSize().height;
                rowH = Math.max(rowH, h);
                if (place) c.setBounds(pad + (k % columns) * (cw + pad), y, cw, h);
                if (k % columns == columns - 1 || k == levers.size() - 1) {
                    y += rowH + pad / 2;
                    rowH = 0;
                }
            }
            y += pad / 2;
            y = row(buttonHeading, pad, y, w, place) + pad / 2;
            int perRow = Math.max(1, Math.min(buttons.size(), w / look.px(300)));
            int bw = (w - (perRow - 1) * pad) / perRow;
            for (int k = 0; k < buttons.size(); k++) {
                JButton b = buttons.get(k);
                int h = b.getPreferredSize().height;
                rowH = Math.max(rowH, h);
                if (place) b.setBounds(pad + (k % perRow) * (bw + pad), y, bw, h);
                if (k % perRow == perRow - 1 || k == buttons.size() - 1) {
                    y += rowH + pad / 2;
                    rowH = 0;
                }
            }
            int rh = replay.getPreferredSize().height;
            int sh = status.getPreferredSize().height;
            int replayW = Math.min(w, replay.getPreferredSize().width + 2 * pad);
            if (place) {
                replay.setBounds(pad, y, replayW, rh);
                status.setBounds(pad + replayW + pad, y, Math.max(0, w - replayW - pad), rh);
            }
            y += Math.max(rh, sh) + pad;
            return y;
        }

        private int row(Component c, int x, int y, int w, boolean place) {
            int h = c.getPreferredSize().height;
            if (place) c.setBounds(x, y, w, h);
            return y + h;
        }
    }
}
