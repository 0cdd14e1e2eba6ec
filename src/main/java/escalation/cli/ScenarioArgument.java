package escalation.cli;

import escalation.scenario.ScenarioLibrary;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** A scenario argument of any command: a file, or the name of a shipped scenario ({@link ScenarioLibrary}). */
final class ScenarioArgument implements ITypeConverter<Path> {
    @Override public Path convert(String value) {
        return ScenarioLibrary.locate(value);
    }
}
