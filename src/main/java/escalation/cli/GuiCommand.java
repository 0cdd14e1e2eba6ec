package escalation.cli;

import escalation.gui.ClassroomGUI;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLibrary;
import escalation.scenario.ScenarioLoader;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sim.display.Console;

/** {@code escalation gui [FILE]}: the classroom console on a scenario. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the classroom console on a scenario: one window that fits the screen, with play, pause, step "
                + "and speed, a map of the region (or the two sides of a scenario without geography), live charts, an event "
                + "ticker with the reason for every decision, the scenario's levers and buttons, a scenarios menu and "
                + "MASON's Console docked for seeds and inspectors. Without FILE it opens the deterrence primer from the "
                + "scenarios inside the program. Needs a display (on a server: xvfb-run -a escalation gui)."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = ScenarioLibrary.DEFAULT, converter = ScenarioArgument.class,
            description = "Scenario file (YAML) or shipped scenario name; default: ${DEFAULT-VALUE}.")
    Path file;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), as for run.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Run --days days without showing anything to a person, save the classroom window to this PNG file and quit.")
    Path screenshot;

    @Option(names = "--days", paramLabel = "N", defaultValue = "60", description = "Days to run before --screenshot (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--window", paramLabel = "WIDTHxHEIGHT",
            description = "Size of the window (default: the whole screen), e.g. 1280x800 to see what a projector of that size shows.")
    String window;

    @Option(names = "--presentation", description = "Start in presentation mode: larger text, at least 24 px at 1080p.")
    boolean presentation;

    @Override public Integer call() throws Exception {
        Rectangle bounds = null;
        if (window != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3,5})x(\\d{3,5})").matcher(window);
            if (!m.matches()) {
                System.err.println("escalation: --window expects WIDTHxHEIGHT, e.g. 1280x800; found '" + window + "'");
                return EscalationCommand.INVALID;
            }
            bounds = new Rectangle(0, 0, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        Records.Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        System.out.println("Classroom console: " + scenario.title() + " ("
                + (ScenarioLibrary.shipped(file) ? "shipped scenario " + scenario.name() : file) + "), seed " + seed);
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("escalation: gui needs a display; none is available (on a server, run it under xvfb-run -a)");
            return 1;
        }
        Theatre theatre = new Theatre(scenario);
        Console console = ClassroomGUI.open(theatre, seed, file, bounds);
        ClassroomGUI gui = (ClassroomGUI) console.getSimulation();
        if (presentation) gui.presentation(true);
        if (screenshot != null) {
            escalation.gui.Screenshots.runAndSave(console, gui, days, screenshot);
            System.out.println("Wrote " + screenshot);
            return 0;
        }
        // The program ends when the classroom window is closed.
        Thread.currentThread().join();
        return 0;
    }
}
