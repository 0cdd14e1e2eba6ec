package escalation.gui;

import escalation.engine.EscalationSim;
import escalation.model.Theatre;
import escalation.model.World;
import escalation.scenario.Records;
import escalation.scenario.SettablePaths;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.SwingUtilities;
import sim.display.Console;
import sim.display.Controller;
import sim.display.GUIState;

/**
 * The classroom console: MASON's Console (play, pause, step, speed, seed) driving the very
 * {@link EscalationSim} that batches run, and a window with the map, the live charts, the ticker and
 * the instructor's levers. The GUI changes a run only as a scenario could: a lever moved or a shock
 * button pressed becomes an intervention ({@link World#intervene}), applied the next day as a dated
 * event of the same effects; levers set before play apply from the first day.
 */
public final class ClassroomGUI extends GUIState {
    private final Theatre theatre;
    private final Chronicle chronicle;
    private final List<Records.Lever> levers;
    private final double[] scenarioValues;
    private final double[] leverValues;
    private double[] startValues;
    private int changesDuringRun;
    private byte[] previousLevels;
    private String previousLabel;
    private ClassroomWindow window;

    public ClassroomGUI(Theatre theatre, int seed) {
        this(theatre, seed, new Chronicle(theatre));
    }

    private ClassroomGUI(Theatre theatre, int seed, Chronicle chronicle) {
        super(new EscalationSim(theatre, seed, chronicle));
        this.theatre = theatre;
        this.chronicle = chronicle;
        levers = theatre.scenario.classroom().levers();
        scenarioValues = levers.stream().mapToDouble(l -> SettablePaths.valueIn(theatre.scenario, l.paths().get(0))).toArray();
        leverValues = scenarioValues.clone();
        startValues = scenarioValues.clone();
    }

    public static String getName() {
        return "Escalation: classroom console";
    }

    public static Object getInfo() {
        return "<html><body style='font-family:sans-serif'><h2>Classroom console</h2>"
                + "<p>Press play. The classroom window shows the map, the live charts, the event ticker with the "
                + "reason for every decision, and the levers and shock buttons of the scenario.</p></body></html>";
    }

    /** Opens the Console and the classroom window on the Swing thread and returns the Console. */
    public static Console open(Theatre theatre, int seed) throws Exception {
        Console[] console = new Console[1];
        SwingUtilities.invokeAndWait(() -> {
            console[0] = new Console(new ClassroomGUI(theatre, seed));
            console[0].setVisible(true);
        });
        return console[0];
    }

    @Override public void init(Controller c) {
        super.init(c);
        if (c instanceof Console console) {
            // A replay must run the same seed: the seed changes only when the instructor types a new one.
            console.setIncrementSeedOnStop(false);
        }
        window = new ClassroomWindow(this, theatre, chronicle, leverValues);
        c.registerFrame(window.frame());
        window.frame().setVisible(true);
    }

    @Override public void start() {
        chronicle.clear();
        super.start();
        startValues = leverValues.clone();
        changesDuringRun = 0;
        World w = sim().world();
        for (int k = 0; k < levers.size(); k++) {
            if (leverValues[k] != scenarioValues[k]) {
                w.intervene(levers.get(k).name() + " set to " + PolicyPanel.format(levers.get(k), leverValues[k]) + " from the start",
                        setting(levers.get(k), leverValues[k]));
            }
        }
        window.runStarted(previousLevels, previousLabel, label(state.seed(), startValues, 0));
    }

    /** Stops at the calendar's end, as {@link EscalationSim#stepDay} does. */
    @Override public boolean step() {
        World w = sim().world();
        if (w != null && w.day >= theatre.days - 1) return false;
        return super.step();
    }

    @Override public void quit() {
        super.quit();
        if (window != null) window.frame().dispose();
        window = null;
    }

    public EscalationSim sim() {
        return (EscalationSim) state;
    }

    public Chronicle chronicle() {
        return chronicle;
    }

    /** True while a run is under way (playing or paused) and its calendar is not over. */
    boolean running() {
        World w = sim().world();
        boolean stopped = controller instanceof Console c && c.getPlayState() == Console.PS_STOPPED;
        return w != null && !stopped && w.day < theatre.days - 1;
    }

    /** Moves lever {@code k}: during a run it takes effect the next day; otherwise from the first day of the next run. */
    public void setLever(int k, double value) {
        leverValues[k] = value;
        if (window != null) window.policy().show(k, value);
        Records.Lever l = levers.get(k);
        if (running()) {
            synchronized (state.schedule) {
                sim().world().intervene(l.name() + " set to " + PolicyPanel.format(l, value), setting(l, value));
            }
            changesDuringRun++;
            status(l.name() + " becomes " + PolicyPanel.format(l, value) + " tomorrow.");
        } else {
            status(l.name() + " will be " + PolicyPanel.format(l, value) + " from the first day of the next run.");
        }
    }

    /** Presses shock button {@code k}: its effects happen the next day of the run under way. */
    public void pressShock(int k) {
        Records.Event shock = theatre.scenario.classroom().shocks().get(k);
        if (!running()) {
            status("Press play first: a shock happens during a run.");
            return;
        }
        synchronized (state.schedule) {
            sim().world().intervene(shock.name(), shock.effects());
        }
        changesDuringRun++;
        status(shock.name() + ": tomorrow.");
    }

    /**
     * The counterfactual: keeps this run's escalation curve, then restarts the same seed with the levers as
     * they are now, from the first day, and draws the two curves on one chart.
     */
    public void replay() {
        World w = sim().world();
        if (w != null && w.day >= 0) {
            previousLevels = Arrays.copyOf(w.record.dailyLevel, w.day + 1);
            previousLabel = "Before: " + label(state.seed(), startValues, changesDuringRun);
        }
        if (controller instanceof Console c) {
            c.pressStop();
            c.pressPlay();
        }
        status("Replaying seed " + state.seed() + " with " + label(state.seed(), leverValues, 0).replaceFirst("^seed \\d+, ", "")
                + ". The dashed red curve is the run before: " + (previousLabel == null ? "none" : previousLabel.substring("Before: ".length())) + ".");
    }

    private void status(String s) {
        if (window != null) window.policy().status(s);
    }

    private static List<Records.Effect> setting(Records.Lever l, double value) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String p : l.paths()) values.put(p, value);
        return List.of(new Records.SetParameters(values));
    }

    /** "seed 7, The state answers attacks 0.95": the levers that differ from the scenario's values. */
    private String label(long seed, double[] values, int changes) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < levers.size(); k++) {
            if (values[k] != scenarioValues[k]) parts.add(levers.get(k).name() + " " + PolicyPanel.format(levers.get(k), values[k]));
        }
        String s = "seed " + seed + (parts.isEmpty() ? ", scenario values" : ", " + String.join(", ", parts));
        return changes == 0 ? s : s + ", then " + changes + (changes == 1 ? " change" : " changes") + " during the run";
    }

    List<Records.Lever> levers() {
        return levers;
    }

    /** The classroom window as it looks now, painted into an image (call off the Swing thread). */
    public BufferedImage screenshot() throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> image[0] = window.paint());
        return image[0];
    }

    /** Waits until the Swing thread has shown every day handed to it so far. */
    public static void settle() throws Exception {
        SwingUtilities.invokeAndWait(() -> { });
    }
}
