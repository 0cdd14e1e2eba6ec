package escalation.cli;

import escalation.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation validate FILE...}: checks the project's files, each by its own kind's rules, and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files, history checks and calibration priors.",
                "Tells each file's kind from its content (a scenario; a history check, with 'targets'; calibration priors, with "
                        + "'parameters') and checks it with that kind's rules. Lists every problem at once, as "
                        + "file:line:column: field: message. Exit code 0 when all are valid, 2 when any is not."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", converter = ScenarioArgument.class,
            description = "Files (YAML): scenarios, history checks, calibration priors, experiments; or shipped scenario names.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), e.g. actors.israel.attention=0.8")
    List<String> overrides = new ArrayList<>();

    @Override public Integer call() {
        int code = 0;
        for (Path f : files) {
            try {
                FileKind kind = FileKind.of(f);
                System.out.println(f + ": " + kind.check().check(f, overrides));
            } catch (ScenarioException e) {
                code = EscalationCommand.INVALID;
                e.problems().forEach(p -> System.err.println(p));
                System.err.println(f + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            }
        }
        return code;
    }
}
