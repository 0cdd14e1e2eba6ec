package escalation.gui;

import escalation.engine.EscalationSim;
import escalation.model.Theatre;
import escalation.model.World;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLibrary;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.SettablePaths;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import sim.display.Console;
import sim.display.Controller;
import sim.display.GUIState;
import sim.util.gui.PropertyField;

/**
 * The classroom console: MASON's Console (play, pause, step, seed, inspectors), docked inside one
 * window with the map, the live charts, the ticker and the instructor's levers, driving the very
 * {@link EscalationSim} that batches run. The GUI changes a run only as a scenario could: a lever moved
 * or a button pressed becomes an intervention ({@link World#intervene}), applied the next day as a
 * dated event of the same effects; levers set before play apply from the first day.
 */
public final class ClassroomGUI extends GUIState {
    private final Theatre theatre;
    private final Path source;
    private final Rectangle bounds;
    private final Chronicle chronicle;
    private final List<Records.Lever> levers;
    private final double[] scenarioValues;
    private final double[] leverValues;
    private double[] startValues;
    private int changesDuringRun;
    private List<Chronicle.Day> previousDays;
    private String previousLabel;
    private ClassroomWindow window;
    private double speed = RunControls.SPEEDS[RunControls.DEFAULT_SPEED];

    public ClassroomGUI(Theatre theatre, int seed) {
        this(theatre, seed, null, null);
    }

    private ClassroomGUI(Theatre theatre, int seed, Path source, Rectangle bounds) {
        this(theatre, seed, source, bounds, new Chronicle(theatre));
    }

    private ClassroomGUI(Theatre theatre, int seed, Path source, Rectangle bounds, Chronicle chronicle) {
        super(new EscalationSim(theatre, seed, chronicle));
        this.theatre = theatre;
        this.source = source;
        this.bounds = bounds;
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
                + "<p>This is MASON's Console, docked in the classroom window: its Console tab holds the seed, and its "
                + "Inspectors tab the model's inspectors. Play, pause, step and the speed are on the window's top bar; "
                + "the map, the live charts, the ticker with the reason for every decision, and the scenario's levers "
                + "and buttons fill the rest.</p></body></html>";
    }

    /** Opens the classroom window on the whole screen, on the Swing thread, and returns its (docked) Console. */
    public static Console open(Theatre theatre, int seed) throws Exception {
        return open(theatre, seed, null, null);
    }

    /**
     * Opens the classroom window within {@code bounds} (the screen's usable area when null) on a scenario read
     * from {@code source} (for the scenario menu; may be null), and returns its Console.
     */
    public static Console open(Theatre theatre, int seed, Path source, Rectangle bounds) throws Exception {
        Console[] console = new Console[1];
        Runnable opening = () -> {
            Rectangle b = bounds != null ? bounds : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            console[0] = new Console(new ClassroomGUI(theatre, seed, source, b));
        };
        if (SwingUtilities.isEventDispatchThread()) opening.run();
        else SwingUtilities.invokeAndWait(opening);
        return console[0];
    }

    @Override public void init(Controller c) {
        super.init(c);
        Container dock = null;
        if (c instanceof Console console) {
            // A replay must run the same seed: the seed changes only when the instructor types a new one.
            console.setIncrementSeedOnStop(false);
            console.setPlaySleep(RunControls.sleepMillis(speed));
            // The Console's own window stays hidden; its content is docked in the classroom window.
            dock = console.getContentPane();
            console.setContentPane(new JPanel());
        }
        Rectangle b = bounds != null ? bounds : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        window = new ClassroomWindow(this, theatre, chronicle, leverValues, scenarioValues, b, dock, ScenarioLibrary.runnable(), currentName());
        c.registerFrame(window.frame());
        window.frame().setVisible(true);
    }

    private String currentName() {
        if (source == null) return theatre.scenario.name();
        if (ScenarioLibrary.shipped(source)) {
            String rel = ScenarioLibrary.root().relativize(source.toAbsolutePath().normalize()).toString().replace('\\', '/');
            return rel.endsWith(".yaml") ? rel.substring(0, rel.length() - 5) : rel;
        }
        return source.toString();
    }

    @Override public void start() {
        chronicle.clear();
        super.start();
        startValues = leverValues.clone();
        changesDuringRun = 0;
        World w = sim().world();
        for (int k = 0; k < levers.size(); k++) {
            if (leverValues[k] != scenarioValues[k]) {
                String name = levers.get(k).name() + " set to " + PolicyPanel.format(levers.get(k), leverValues[k]) + " from the start";
                chronicle.instructor(name);
                w.intervene(name, setting(levers.get(k), leverValues[k]));
            }
        }
        List<Chronicle.Day> previous = previousDays;
        if (SwingUtilities.isEventDispatchThread()) window.runStarted(previous);
        else SwingUtilities.invokeLater(() -> window.runStarted(previous));
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

    int playState() {
        return controller instanceof Console c ? c.getPlayState() : Console.PS_STOPPED;
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
            String name = l.name() + " set to " + PolicyPanel.format(l, value);
            synchronized (state.schedule) {
                chronicle.instructor(name);
                sim().world().intervene(name, setting(l, value));
            }
            changesDuringRun++;
            status(l.name() + " becomes " + PolicyPanel.format(l, value) + " tomorrow.");
        } else {
            status(l.name() + " will be " + PolicyPanel.format(l, value) + " from the first day of the next run.");
        }
    }

    /** Presses the instructor's button {@code k}: its effects happen the next day of the run under way. */
    public void pressShock(int k) {
        Records.Event shock = theatre.scenario.classroom().shocks().get(k);
        if (!running()) {
            status("Press play first: a button acts during a run.");
            return;
        }
        synchronized (state.schedule) {
            chronicle.instructor(shock.name());
            sim().world().intervene(shock.name(), shock.effects());
        }
        changesDuringRun++;
        status(shock.name() + ": tomorrow.");
    }

    /**
     * The counterfactual: keeps this run's days, then restarts the same seed with the levers as they are now,
     * from the first day, and draws the run before on every chart.
     */
    public void replay() {
        World w = sim().world();
        if (w != null && w.day >= 0) {
            previousDays = chronicle.days();
            previousLabel = label(state.seed(), startValues, changesDuringRun);
        }
        if (controller instanceof Console c) {
            c.pressStop();
            c.pressPlay();
        }
        status("Replaying seed " + state.seed() + " with " + label(state.seed(), leverValues, 0).replaceFirst("^seed \\d+, ", "")
                + ". Dashed: the run before, " + (previousLabel == null ? "none" : previousLabel) + ".");
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

    /** Presentation mode on or off (call off the Swing thread or on it). */
    public void presentation(boolean on) throws Exception {
        Runnable r = () -> window.presentation(on);
        if (SwingUtilities.isEventDispatchThread()) r.run();
        else SwingUtilities.invokeAndWait(r);
    }

    ClassroomWindow window() {
        return window;
    }

    /** The bar's actions, carried out on MASON's Console. */
    RunControls.Actions runActions(ClassroomWindow w) {
        return new RunControls.Actions() {
            @Override public void play() {
                if (!(controller instanceof Console c)) return;
                if (c.getPlayState() == Console.PS_STOPPED) c.pressPlay();
                else if (c.getPlayState() == Console.PS_PAUSED) c.pressPause();
            }

            @Override public void pause() {
                if (controller instanceof Console c && c.getPlayState() == Console.PS_PLAYING) c.pressPause();
            }

            @Override public void step() {
                if (!(controller instanceof Console c)) return;
                if (c.getPlayState() == Console.PS_STOPPED) c.pressPause();
                if (c.getPlayState() == Console.PS_PAUSED) c.pressPlay();
            }

            @Override public void reset() {
                if (controller instanceof Console c) c.pressStop();
                w.runStarted(previousDays);
            }

            @Override public void speed(double daysPerSecond) {
                speed = daysPerSecond;
                if (controller instanceof Console c) c.setPlaySleep(RunControls.sleepMillis(daysPerSecond));
            }

            @Override public void seed(int seed) {
                setSeed(seed);
            }

            @Override public void scenario(String choice) {
                switchScenario(choice);
            }

            @Override public void presentation(boolean on) {
                w.presentation(on);
            }

            @Override public void console(boolean shown) {
                w.showConsole(shown);
            }
        };
    }

    /** The seed of the next run, as MASON's Console's own seed field would set it. */
    void setSeed(int seed) {
        if (!(controller instanceof Console c)) return;
        try {
            var f = Console.class.getDeclaredField("randomField");
            f.setAccessible(true);
            PropertyField field = (PropertyField) f.get(c);
            field.setValue(field.newValue(Integer.toString(seed)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MASON's Console has no seed field", e);
        }
        status(c.getPlayState() == Console.PS_STOPPED ? "The next run uses seed " + seed + "."
                : "Seed " + seed + " applies from the next run (press Reset, then Play).");
    }

    /** Opens another scenario (a library name, or a file chosen in a dialog) in a new window, and closes this one. */
    void switchScenario(String choice) {
        Path file;
        if (choice.startsWith("Open a file")) {
            JFileChooser chooser = new JFileChooser(Path.of("").toAbsolutePath().toFile());
            if (chooser.showOpenDialog(window.frame()) != JFileChooser.APPROVE_OPTION) return;
            file = chooser.getSelectedFile().toPath();
        } else {
            file = ScenarioLibrary.locate(choice);
        }
        Theatre next;
        try {
            next = new Theatre(new ScenarioLoader().load(file));
        } catch (ScenarioException e) {
            JTextArea problems = new JTextArea(e.getMessage(), 12, 80);
            problems.setEditable(false);
            JOptionPane.showMessageDialog(window.frame(), new javax.swing.JScrollPane(problems), "Not a valid scenario", JOptionPane.ERROR_MESSAGE);
            return;
        }
        Rectangle b = window.frame().getBounds();
        int seed = (int) state.seed();
        boolean presenting = window.look().presentation;
        Console old = (Console) controller;
        SwingUtilities.invokeLater(() -> {
            try {
                Console c = open(next, seed, file, b);
                if (presenting) ((ClassroomGUI) c.getSimulation()).window.presentation(true);
                old.pressStop();
                quit();
                old.dispose();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The window was closed: the program ends as MASON's Console ends it. */
    void closeWindow() {
        if (controller instanceof Console c) c.doClose();
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
