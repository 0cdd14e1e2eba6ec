package escalation.gui;

import escalation.scenario.Records;
import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javax.swing.BorderFactory;
import javax.swing.JFormattedTextField;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.plaf.basic.BasicSliderUI;

/**
 * One lever: its name and its exact value in a box that takes typed values, a slider in the lever's steps
 * (0.05 unless the scenario says otherwise) with the scenario's own value marked under it, and the
 * lever's meaning in one line. Moving either reports the value once the move is done.
 */
final class LeverControl extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Records.Lever lever;
    private final double scenarioValue;
    private final JLabel name;
    private final JSpinner spinner;
    private final JSlider slider;
    private final JLabel meaning;
    private boolean quiet;

    LeverControl(Records.Lever lever, double start, double scenarioValue, DoubleConsumer moved) {
        super(new BorderLayout(0, 0));
        this.lever = lever;
        this.scenarioValue = scenarioValue;
        setOpaque(false);
        name = new JLabel(lever.name());
        spinner = new JSpinner(new SpinnerNumberModel(start, lever.min(), lever.max(), lever.step()));
        JSpinner.NumberEditor editor = new JSpinner.NumberEditor(spinner, decimals() == 0 ? "0" : "0." + "0".repeat(decimals()));
        editor.getFormat().setDecimalFormatSymbols(java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        spinner.setEditor(editor);
        editor.getTextField().setColumns(3);
        ((JFormattedTextField) editor.getTextField()).setFocusLostBehavior(JFormattedTextField.COMMIT_OR_REVERT);
        slider = new JSlider(0, steps(), position(start)) {
            private static final long serialVersionUID = 1L;

            @Override protected void paintComponent(Graphics g) {
                super.paintComponent(g);
                markScenarioValue((Graphics2D) g);
            }
        };
        slider.setOpaque(false);
        slider.setToolTipText("The scenario's value, " + format(lever, scenarioValue) + ", is marked under the slider");
        String text = (lever.meaning() == null ? "" : lever.meaning() + ";  ") + "scenario: " + format(lever, scenarioValue);
        meaning = new JLabel(text);
        meaning.setForeground(new Color(0x555555));
        meaning.setToolTipText(text);
        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.setOpaque(false);
        top.add(name, BorderLayout.CENTER);
        top.add(spinner, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(slider, BorderLayout.CENTER);
        add(meaning, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(1, 2, 1, 2));

        slider.addChangeListener(e -> {
            if (quiet) return;
            double v = valueAt(slider.getValue());
            quiet = true;
            try {
                spinner.setValue(v);
            } finally {
                quiet = false;
            }
            if (!slider.getValueIsAdjusting()) moved.accept(v);
        });
        spinner.addChangeListener(e -> {
            if (quiet) return;
            double v = ((Number) spinner.getValue()).doubleValue();
            quiet = true;
            try {
                slider.setValue(position(v));
            } finally {
                quiet = false;
            }
            moved.accept(v);
        });
    }

    private int decimals() {
        double step = lever.step();
        for (int d = 0; d <= 4; d++) {
            if (Math.abs(step * Math.pow(10, d) - Math.rint(step * Math.pow(10, d))) < 1e-9) return d;
        }
        return 4;
    }

    private int steps() {
        return (int) Math.round((lever.max() - lever.min()) / lever.step());
    }

    private int position(double v) {
        return (int) Math.round((v - lever.min()) / lever.step());
    }

    /** The value at a slider position, rounded to the step's decimals so that 0.05 steps give 0.05 exactly. */
    double valueAt(int position) {
        double v = Math.min(lever.max(), lever.min() + position * lever.step());
        double scale = Math.pow(10, Math.max(decimals(), 2) + 2);
        return Math.round(v * scale) / scale;
    }

    /** The value shown now (the box's, which may lie between the slider's steps). */
    double value() {
        return ((Number) spinner.getValue()).doubleValue();
    }

    /** Shows a value without reporting it. */
    void show(double v) {
        quiet = true;
        try {
            spinner.setValue(v);
            slider.setValue(position(v));
        } finally {
            quiet = false;
        }
    }

    JSlider slider() {
        return slider;
    }

    JSpinner spinner() {
        return spinner;
    }

    void restyle(Look look) {
        name.setFont(look.label);
        spinner.setFont(look.label);
        ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField().setFont(look.label);
        meaning.setFont(look.small);
        slider.setPreferredSize(new java.awt.Dimension(100, look.px(22)));
    }

    /** A small triangle under the slider's track at the scenario's value. */
    private void markScenarioValue(Graphics2D g) {
        if (!(slider.getUI() instanceof BasicSliderUI ui)) return;
        int target = position(scenarioValue);
        int lo = 0;
        int hi = slider.getWidth();
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ui.valueForXPosition(mid) < target) lo = mid + 1;
            else hi = mid;
        }
        // valueForXPosition rounds to the nearest position: step back to the middle of the value's span.
        int start = lo;
        int end = lo;
        while (end < slider.getWidth() && ui.valueForXPosition(end) == target) end++;
        double x = (start + end) / 2.0;
        double h = slider.getHeight();
        double s = Math.max(5, h * 0.22);
        Path2D.Double mark = new Path2D.Double();
        mark.moveTo(x, h - s - 1);
        mark.lineTo(x - s * 0.8, h - 1);
        mark.lineTo(x + s * 0.8, h - 1);
        mark.closePath();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2166AC));
        g.fill(mark);
        g.setStroke(new BasicStroke(1f));
    }

    /** A lever's value as the panel and the ticker show it: as many decimals as its step has, at least two below 2. */
    static String format(Records.Lever l, double v) {
        double step = l.step();
        int d = 0;
        while (d < 4 && Math.abs(step * Math.pow(10, d) - Math.rint(step * Math.pow(10, d))) > 1e-9) d++;
        if (l.max() - l.min() <= 2) d = Math.max(d, 2);
        double scaled = v * Math.pow(10, d);
        if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) d = Math.min(4, d + 2);
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }
}
