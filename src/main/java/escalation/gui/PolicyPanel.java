package escalation.gui;

import escalation.scenario.Records;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JTextArea;

/**
 * The instructor's levers (one slider per lever the scenario declares) and shock buttons, and the
 * counterfactual replay. It only reports what the instructor did; {@link ClassroomGUI} acts on it.
 */
final class PolicyPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final int STEPS = 100;

    /** What the panel reports. */
    interface Listener {
        void leverMoved(int lever, double value);

        void shock(int button);

        void replay();
    }

    private final List<Records.Lever> levers;
    private final JSlider[] sliders;
    private final JLabel[] values;
    private final JTextArea status = text("");
    private boolean quiet;

    PolicyPanel(List<Records.Lever> levers, double[] start, List<Records.Event> shocks, Listener listener) {
        super(new BorderLayout());
        this.levers = levers;
        JPanel body = new JPanel(new GridBagLayout());
        body.setBackground(Color.WHITE);
        setBackground(Color.WHITE);
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(4, 10, 4, 10);
        body.add(heading("Levers"), c);
        body.add(note("A move takes effect the next day; before play, from the first day."), c);
        sliders = new JSlider[levers.size()];
        values = new JLabel[levers.size()];
        for (int k = 0; k < levers.size(); k++) {
            Records.Lever l = levers.get(k);
            JLabel name = new JLabel(l.name());
            name.setFont(Look.TEXT);
            values[k] = new JLabel();
            values[k].setFont(Look.LABEL);
            sliders[k] = new JSlider(0, STEPS, position(l, start[k]));
            sliders[k].setBackground(Color.WHITE);
            final int lever = k;
            sliders[k].addChangeListener(e -> {
                values[lever].setText(format(l, value(lever)));
                if (!quiet && !sliders[lever].getValueIsAdjusting()) listener.leverMoved(lever, value(lever));
            });
            values[k].setText(format(l, start[k]));
            c.gridwidth = 1;
            c.gridy = GridBagConstraints.RELATIVE;
            c.gridx = 0;
            c.insets = new Insets(8, 10, 0, 4);
            body.add(name, c);
            c.gridx = 1;
            c.weightx = 0;
            body.add(values[k], c);
            c.gridx = 0;
            c.gridwidth = 2;
            c.weightx = 1;
            c.insets = new Insets(0, 10, 2, 10);
            body.add(sliders[k], c);
        }
        c.insets = new Insets(14, 10, 4, 10);
        body.add(heading("Shocks"), c);
        body.add(note("Each happens the next day of the run."), c);
        c.insets = new Insets(4, 10, 4, 10);
        for (int k = 0; k < shocks.size(); k++) {
            JButton b = new JButton(shocks.get(k).name());
            b.setFont(Look.TEXT);
            final int button = k;
            b.addActionListener(e -> listener.shock(button));
            body.add(b, c);
        }
        c.insets = new Insets(14, 10, 4, 10);
        body.add(heading("What if?"), c);
        c.insets = new Insets(4, 10, 4, 10);
        JButton replay = new JButton("<html><center>Replay the same seed<br>with these levers</center></html>");
        replay.setFont(Look.LABEL);
        replay.addActionListener(e -> listener.replay());
        body.add(replay, c);
        body.add(status, c);
        c.weighty = 1;
        body.add(new JLabel(), c);
        add(body, BorderLayout.CENTER);
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, Color.LIGHT_GRAY));
    }

    private static JLabel heading(String s) {
        JLabel l = new JLabel(s);
        l.setFont(Look.HEADLINE);
        return l;
    }

    private static JTextArea note(String s) {
        JTextArea t = text(s);
        t.setRows(0);
        return t;
    }

    private static JTextArea text(String s) {
        JTextArea t = new JTextArea(s);
        t.setFont(Look.SMALL);
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setEditable(false);
        t.setOpaque(false);
        t.setRows(3);
        return t;
    }

    private static int position(Records.Lever l, double v) {
        return (int) Math.round((v - l.min()) / (l.max() - l.min()) * STEPS);
    }

    double value(int lever) {
        Records.Lever l = levers.get(lever);
        return l.min() + (l.max() - l.min()) * sliders[lever].getValue() / STEPS;
    }

    /** Moves a slider without reporting it (the GUI already knows). */
    void show(int lever, double v) {
        quiet = true;
        try {
            sliders[lever].setValue(position(levers.get(lever), v));
        } finally {
            quiet = false;
        }
    }

    void status(String s) {
        status.setText(s);
    }

    static String format(Records.Lever l, double v) {
        return l.max() - l.min() > 2 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
