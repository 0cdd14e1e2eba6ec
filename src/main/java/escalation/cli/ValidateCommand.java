package escalation.cli;

import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation validate FILE...}: checks scenario files and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files.",
                "Lists every problem at once, as file:line:column: field: message. Exit code 0 when all are valid, 2 when any is not."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", converter = ScenarioArgument.class, description = "Scenario files (YAML) or shipped scenario names.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), e.g. actors.israel.attention=0.8")
    List<String> overrides = new ArrayList<>();

    @Override public Integer call() {
        int code = 0;
        ScenarioLoader loader = new ScenarioLoader();
        for (Path f : files) {
            try {
                Records.Scenario s = loader.load(f, overrides);
                System.out.println(f + ": valid (" + s.actors().size() + " actors, " + s.calendar().start() + " to "
                        + s.calendar().end() + ")");
            } catch (ScenarioException e) {
                code = EscalationCommand.INVALID;
                e.problems().forEach(p -> System.err.println(p));
                System.err.println(f + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            }
        }
        return code;
    }
}
