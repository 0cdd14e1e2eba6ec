package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.io.ResultsFolder;
import escalation.scenario.Plain;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

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
                : ResultsFolder.createUnder(Path.of("results", ResultsFolder.safeName(group)),
                prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + suffix);
    }

    /**
     * Says that results could not be written (a full disk, a folder removed, no permission), naming the file
     * and how to finish; returns {@link ExitCode#WRITE_FAILED}.
     */
    static int writeFailed(ResultsFolder folder, IOException e, String command) {
        System.err.println("escalation: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (e instanceof ResultsFolder.Gone) {
            System.err.println("escalation: stopped; the folder can no longer be resumed by this process");
        } else {
            System.err.println("escalation: stopped; the work up to the last checkpoint is kept. Once the cause is fixed, finish with: "
                    + "escalation " + command + " --resume " + folder.path());
        }
        return ExitCode.WRITE_FAILED;
    }

    /** The opening of every manifest: the tool, its version and the git commit it was built from. */
    static Map<String, Object> manifest() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "escalation");
        m.put("version", new EscalationCommand.Version().getVersion()[0].replace("escalation ", ""));
        m.put("commit", EscalationCommand.Version.commit());
        return m;
    }

    /**
     * The manifest of a command whose inputs are files: the opening, the command line, its seed and each
     * input (role, path and SHA-256), then whatever the command adds. Written by {@link #writeManifest}.
     */
    static Map<String, Object> manifest(String command, long seed, Map<String, Path> inputs) throws IOException {
        Map<String, Object> m = manifest();
        m.put("command", command);
        m.put("seed", seed);
        Map<String, Object> in = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) in.put(e.getKey(), input(e.getValue()));
        m.put("inputs", in);
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    /** Writes {@code manifest.json} into a results folder. */
    static void writeManifest(ResultsFolder folder, Map<String, Object> manifest) throws IOException {
        folder.write("manifest.json", new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(manifest) + "\n");
    }

    /** An input file as a manifest records it: its absolute path and the SHA-256 of its bytes. */
    static Map<String, Object> input(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.toAbsolutePath().normalize().toString());
        try {
            m.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /**
     * A manifest's record of a scenario: name, title, the file it came from, and the fully resolved
     * scenario (after {@code extends:} and overrides) with the SHA-256 of its JSON form.
     */
    static Map<String, Object> scenario(ScenarioLoader.Resolved resolved, Path source, ObjectMapper json)
            throws IOException, NoSuchAlgorithmException {
        Object tree = Plain.of(resolved.tree());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", resolved.scenario().name());
        scenario.put("title", resolved.scenario().title());
        scenario.put("source", source.toString());
        scenario.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8))));
        scenario.put("resolved", tree);
        return scenario;
    }
}
