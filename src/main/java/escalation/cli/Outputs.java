package escalation.cli;

import escalation.io.ResultsFolder;
import escalation.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** What the commands share at the edges: reporting invalid input, and new results folders. */
final class Outputs {
    private Outputs() { }

    /** Prints every problem of an invalid scenario and their count; returns the exit code for invalid input. */
    static int invalid(Path file, ScenarioException e) {
        e.problems().forEach(p -> System.err.println(p));
        System.err.println(file + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
        return EscalationCommand.INVALID;
    }

    /** Says that a folder is taken; returns the exit code for invalid input. */
    static int taken(FileAlreadyExistsException e) {
        System.err.println("escalation: " + e.getFile() + " already exists; results are never overwritten");
        return EscalationCommand.INVALID;
    }

    /**
     * Exactly {@code out} when given (it must not exist), else a new folder
     * {@code results/<group>/<prefix><time><suffix>} (with -2, -3... when taken).
     */
    static ResultsFolder newFolder(Path out, String group, String prefix, String suffix) throws IOException {
        return out != null ? ResultsFolder.createExactly(out)
                : ResultsFolder.createUnder(Path.of("results", group),
                prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + suffix);
    }
}
