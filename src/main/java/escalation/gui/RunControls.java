package escalation.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import sim.display.Console;

/**
 * The bar along the top of the classroom window: play, pause, step a day and reset (driving MASON's
 * Console, which stays docked in the window), the speed in days per second, the seed, the day of the
 * run, the scenario (from the library inside the program, or a file), presentation mode and the docked
 * Console. Controls wrap onto a second row when the window is too narrow for one.
 */
final class RunControls extends JPanel {
    private static final long serialVersionUID = 1L;
    /** The speeds the slider offers, in days per second; the last is as fast as the machine goes. */
    static final double[] SPEEDS = {0.5, 1, 2, 3, 5, 8, 12, 20, 30, 60, Double.POSITIVE_INFINITY};
    static final int DEFAULT_SPEED = 4;

    /** What the bar asks of the window. */
    interface Actions {
        void play();

        void pause();

        void step();

        void reset();

        void speed(double daysPerSecond);

        void seed(int seed);

        void scenario(String choice);

        void presentation(boolean on);

        void console(boolean shown);
    }

    final JButton play = new JButton("Play");
    final JButton pause = new JButton("Pause");
    final JButton step = new JButton("Step");
    final JButton reset = new JButton("Reset");
    final JLabel speedLabel = new JLabel("Speed");
    final JSlider speed = new JSlider(0, SPEEDS.length - 1, DEFAULT_SPEED);
    final JLabel speedValue = new JLabel();
    final JLabel seedLabel = new JLabel("Seed");
    final JSpinner seed;
    final JLabel day = new JLabel();
    final JComboBox<String> scenario;
    final JToggleButton presentation = new JToggleButton("Presentation");
    final JToggleButton console = new JToggleButton("Console");
    private final List<JComponent> items = new ArrayList<>();
    private transient Look look;

    RunControls(List<String> scenarios, String current, long seedValue, Look look, Actions actions) {
        setLayout(new Wrap());
        setBackground(new Color(0xF2F2F2));
        setBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, Color.LIGHT_GRAY));
        seed = new JSpinner(new SpinnerNumberModel((int) seedValue, 1, Integer.MAX_VALUE, 1));
        ((JSpinner.DefaultEditor) seed.getEditor()).getTextField().setColumns(5);
        List<String> choices = new ArrayList<>(scenarios);
        if (!choices.contains(current)) choices.add(0, current);
        choices.add("Open a file…");
        scenario = new JComboBox<>(choices.toArray(String[]::new));
        scenario.setSelectedItem(current);
        scenario.setToolTipText("The scenarios shipped inside the program, or any scenario file");
        speed.setToolTipText("Days per second while playing");
        step.setToolTipText("Run one day, then pause");
        reset.setToolTipText("Stop the run; Play starts again from the first day");
        speed.setOpaque(false);
        play.addActionListener(e -> actions.play());
        pause.addActionListener(e -> actions.pause());
        step.addActionListener(e -> actions.step());
        reset.addActionListener(e -> actions.reset());
        speed.addChangeListener(e -> {
            speedValue.setText(speedText(SPEEDS[speed.getValue()]));
            if (!speed.getValueIsAdjusting()) actions.speed(SPEEDS[speed.getValue()]);
        });
        speedValue.setText(speedText(SPEEDS[speed.getValue()]));
        seed.addChangeListener(e -> actions.seed(((Number) seed.getValue()).intValue()));
        scenario.addActionListener(e -> {
            Object s = scenario.getSelectedItem();
            if (s != null && !s.equals(current)) actions.scenario(s.toString());
        });
        presentation.addActionListener(e -> actions.presentation(presentation.isSelected()));
        console.addActionListener(e -> actions.console(console.isSelected()));
        console.setToolTipText("MASON's Console, docked in place of the levers: seeds, the model's inspectors");
        for (JComponent c : List.of(play, pause, step, reset, speedLabel, speed, speedValue, seedLabel, seed, day, scenario, presentation, console)) {
            items.add(c);
            add(c);
        }
        restyle(look);
    }

    static String speedText(double dps) {
        if (Double.isInfinite(dps)) return "as fast as it goes";
        return (dps == Math.rint(dps) ? String.format(Locale.ROOT, "%.0f", dps) : String.format(Locale.ROOT, "%.1f", dps))
                + (dps == 1 ? " day/s" : " days/s");
    }

    /** MASON's Console sleeps this long between days to play at the speed asked for. */
    static long sleepMillis(double dps) {
        return Double.isInfinite(dps) ? 0 : Math.round(1000 / dps);
    }

    void restyle(Look l) {
        look = l;
        for (JComponent c : items) c.setFont(c instanceof JLabel && c != day ? l.text : l.label);
        day.setFont(l.label);
        ((JSpinner.DefaultEditor) seed.getEditor()).getTextField().setFont(l.label);
        speed.setPreferredSize(new Dimension(l.px(130), l.px(26)));
        scenario.setPreferredSize(new Dimension(l.px(215), scenario.getPreferredSize().height));
        revalidate();
    }

    void showDay(int dayIndex, int days, int playState) {
        String state = "the run is " + (playState == Console.PS_PLAYING ? "playing" : playState == Console.PS_PAUSED ? "paused" : "stopped");
        day.setText(dayIndex < 0 ? "day 0 of " + days : "day " + (dayIndex + 1) + " of " + days);
        day.setToolTipText(state);
    }

    List<JComponent> items() {
        return items;
    }

    /** Controls left to right with a gap, wrapping onto new rows; the day's label keeps room for its longest text. */
    private final class Wrap implements LayoutManager {
        @Override public void addLayoutComponent(String name, Component comp) { }

        @Override public void removeLayoutComponent(Component comp) { }

        @Override public Dimension preferredLayoutSize(Container parent) {
            int w = parent.getWidth() > 0 ? parent.getWidth() : 1920;
            return new Dimension(w, arrange(w, false));
        }

        @Override public Dimension minimumLayoutSize(Container parent) {
            return preferredLayoutSize(parent);
        }

        @Override public void layoutContainer(Container parent) {
            arrange(parent.getWidth(), true);
        }

        int arrange(int width, boolean place) {
            int pad = look.px(6);
            int x = pad;
            int y = pad;
            int rowH = 0;
            for (JComponent c : items) {
                Dimension d = c.getPreferredSize();
                int w = d.width;
                if (c == day) w = Math.max(w, c.getFontMetrics(c.getFont()).stringWidth("day 366 of 366") + 4);
                if (x > pad && x + w > width - pad) {
                    x = pad;
                    y += rowH + pad;
                    rowH = 0;
                }
                if (place) c.setBounds(x, y, Math.min(w, width - 2 * pad), d.height);
                x += w + (c == speedLabel || c == seedLabel ? pad / 2 : pad + pad / 2);
                rowH = Math.max(rowH, d.height);
            }
            return y + rowH + pad;
        }
    }
}
