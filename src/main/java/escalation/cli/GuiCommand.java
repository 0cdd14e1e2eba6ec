package escalation.cli;

import escalation.gui.ClassroomGUI;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLibrary;
import escalation.scenario.ScenarioLoader;
import java.awt.GraphicsEnvironment;
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
        description = {"Opens the classroom console on a scenario: MASON's Console (play, pause, step, speed, seed) and a window "
                + "with a map of the region, live charts, an event ticker with the reason for every decision, and the "
                + "scenario's levers and shock buttons. Needs a display (on a server: xvfb-run -a escalation gui)."})
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

    @Override public Integer call() throws Exception {
        Records.Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("escalation: gui needs a display; none is available (on a server, run it under xvfb-run -a)");
            return 1;
        }
        Theatre theatre = new Theatre(scenario);
        Console console = ClassroomGUI.open(theatre, seed);
        if (screenshot != null) {
            ClassroomGUI gui = (ClassroomGUI) console.getSimulation();
            escalation.gui.Screenshots.runAndSave(console, gui, days, screenshot);
            System.out.println("Wrote " + screenshot);
            return 0;
        }
        // MASON's Console ends the program when its window is closed.
        Thread.currentThread().join();
        return 0;
    }
}
