package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escalation.cluster.Shard;
import escalation.io.Checkpoint;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLibrary;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The checks every resume makes before it writes anything, whatever the command: the manifest is
 * readable and of the command's kind and not complete; the checkpoint is whole (its own SHA-256); the
 * manifest says what the checkpoint recorded (field by field); every resolved scenario in the manifest
 * hashes to its recorded SHA-256; every input file it names still hashes to its recorded SHA-256. A
 * command adds its own checks (row counts and running hashes of its tables, the state of its
 * statistics) to the same list, so every reason to refuse is listed at once.
 */
final class Resumption {
    private Resumption() { }

    /** The folder cannot be resumed; nothing was written. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> reasons;

        Refused(List<String> reasons) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        List<String> reasons() {
            return reasons;
        }
    }

    /** A folder's manifest and checkpoint, past the shared checks. */
    record Opened(ObjectNode manifest, Checkpoint checkpoint) {
        /** The manifest as a map, to be written again with the fields of this sitting. */
        @SuppressWarnings("unchecked")
        Map<String, Object> manifestMap(ObjectMapper json) {
            return json.convertValue(manifest, LinkedHashMap.class);
        }
    }

    /**
     * Opens the folder of an interrupted command of {@code kind} (a batch's manifest has no kind), named
     * {@code noun} in messages. Reasons the manifest or checkpoint cannot be read at all are thrown at
     * once; the others are added to {@code why}, which the command completes and passes to {@link #check}.
     */
    static Opened open(ResultsFolder folder, String kind, String noun, ObjectMapper json, List<String> why) throws Refused, IOException {
        ObjectNode m;
        try {
            m = ManifestIdentity.read(folder.path().resolve(BatchFiles.MANIFEST));
        } catch (ManifestIdentity.Unreadable e) {
            throw new Refused(List.of(e.getMessage()));
        }
        String is = m.path("kind").asText("batch");
        if (!is.equals(kind)) {
            throw new Refused(List.of("the folder holds a " + is + ", not a " + noun + "; resume it with its own command"));
        }
        if (m.path("complete").asBoolean(false)) throw new Refused(List.of("the " + noun + " is already complete"));
        Checkpoint cp;
        try {
            cp = Checkpoint.read(folder.path());
        } catch (Checkpoint.Damaged e) {
            throw new Refused(List.of(e.getMessage()));
        }
        for (String d : ManifestIdentity.differences(cp.identity(), m)) {
            why.add("manifest.json was changed since the checkpoint: " + d);
        }
        List<JsonNode> scenarios = new ArrayList<>();
        if (m.has("scenario")) scenarios.add(m.path("scenario"));
        m.path("variants").forEach(v -> scenarios.add(v.path("scenario")));
        for (JsonNode scenario : scenarios) {
            String recorded = scenario.path("sha256").asText("");
            String actual = ManifestIdentity.scenarioHash(scenario.path("resolved"), json);
            if (!recorded.equals(actual)) {
                why.add("the resolved scenario " + scenario.path("name").asText("") + " in manifest.json hashes to " + actual
                        + ", not to its recorded SHA-256 " + recorded);
            }
        }
        m.path("inputs").fields().forEachRemaining(e -> {
            String problem = changed(e.getKey(), e.getValue(), noun);
            if (problem != null) why.add(problem);
        });
        return new Opened(m, cp);
    }

    /**
     * The input file the manifest records under {@code role}: the file at its path, or the shipped file of
     * that name when the command read it from inside the program ({@code /scenarios/...}).
     */
    static Path input(JsonNode manifest, String role) {
        return ScenarioLibrary.locate(manifest.path("inputs").path(role).path("path").asText(""));
    }

    /** Why an input file no longer is what the manifest recorded, or null when it is. */
    static String changed(String role, JsonNode input, String noun) {
        Path file = ScenarioLibrary.locate(input.path("path").asText(""));
        String recorded = input.path("sha256").asText("");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "the " + role + " file " + file + " is missing; the " + noun + " started from it";
        }
        try {
            Object now = Outputs.input(file).get("sha256");
            if (!recorded.equals(now)) {
                return "the " + role + " file " + file + " changed since the " + noun + " started (SHA-256 " + now
                        + ", the manifest recorded " + recorded + "); resuming would mix two runs";
            }
            return null;
        } catch (IOException e) {
            return "cannot read the " + role + " file " + file + ": " + ResultsFolder.reason(e);
        }
    }

    /** The theatre of a resolved scenario the manifest holds at {@code where}; its problems are reasons to refuse. */
    static Theatre theatre(ResultsFolder folder, String where, JsonNode resolved, ObjectMapper json) throws Refused, IOException {
        return theatre(folder.path(), where, resolved, json);
    }

    /** As {@link #theatre(ResultsFolder, String, JsonNode, ObjectMapper)}, for the manifest in {@code dir}. */
    static Theatre theatre(Path dir, String where, JsonNode resolved, ObjectMapper json) throws Refused, IOException {
        try {
            return new Theatre(new ScenarioLoader().loadText(dir.resolve(BatchFiles.MANIFEST) + " (" + where + ")",
                    json.writeValueAsString(resolved)));
        } catch (ScenarioException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(p.toString()));
            throw new Refused(problems);
        }
    }

    /**
     * The shard of {@code runs} runs the manifest records, or null for a whole job; a shard that is not one,
     * or does not cover the runs it says it covers, is a reason to refuse.
     */
    static Shard shard(JsonNode m, long runs, List<String> why) {
        if (!m.has("shard")) return null;
        JsonNode s = m.path("shard");
        try {
            Shard shard = new Shard(s.path("index").asInt(-1), s.path("count").asInt(-1));
            if (runs >= 0 && (shard.from(runs) != s.path("from").asLong(-1) || shard.to(runs) != s.path("to").asLong(-1))) {
                why.add("manifest.json: shard " + s + " does not cover the runs that shard " + shard + " of " + runs + " covers");
            }
            return shard;
        } catch (IllegalArgumentException e) {
            why.add("manifest.json: shard " + s + " is not a shard (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Throws when any reason to refuse was found. */
    static void check(List<String> why) throws Refused {
        if (!why.isEmpty()) throw new Refused(why);
    }

    /** A whole number field of the manifest in {@code [min, max]}; -1 (and a reason) when it is not. */
    static long integer(JsonNode m, String field, long min, long max, List<String> why) {
        JsonNode n = m.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            why.add("manifest.json: " + field + " is " + (n.isMissingNode() ? "missing" : n.toString())
                    + ", not a whole number in [" + min + ", " + max + "]");
            return -1;
        }
        return n.asLong();
    }

    /**
     * The problem with options given alongside {@code --resume} that would change the work (the manifest
     * holds the settings it started with), or null when none of {@code fixed} was given.
     */
    static String conflicts(CommandSpec spec, String noun, String allowed, String... fixed) {
        List<String> given = new ArrayList<>();
        for (String o : fixed) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) given.add(o);
        }
        if (given.isEmpty()) return null;
        return "--resume finishes the " + noun + " with the settings it started with (its manifest holds them); "
                + String.join(", ", given) + " cannot be given with --resume, only " + allowed;
    }

    /** Says, before a command goes on with a folder, that it took over the lock of a process that died, if it did. */
    static void takeOver(ResultsFolder folder, String noun) {
        if (!folder.staleOwner().isEmpty()) {
            System.err.println("The " + noun + "'s previous process (" + folder.staleOwner() + ") ended without releasing it; taking it over");
        }
    }

    /** Says where a command sharing out {@code runs} runs ({@code shard} null for all) resumes {@code dir}: after {@code done} of its share. */
    static void resuming(ResultsFolder folder, String noun, Path dir, long done, long runs, escalation.cluster.Shard shard) {
        takeOver(folder, noun);
        long first = shard == null ? 0 : shard.from(runs);
        System.err.println("Resuming " + dir + " at run " + (first + done) + " of " + runs
                + (shard == null ? "" : " (shard " + shard + ": runs " + first + " to " + (shard.to(runs) - 1) + ")"));
    }

    /** Says why a folder cannot be resumed; returns the exit code for invalid input. */
    static int refused(Path dir, Refused e) {
        System.err.println("escalation: cannot resume " + dir + ":");
        e.reasons().forEach(reason -> System.err.println("  " + reason));
        System.err.println("escalation: nothing was written");
        return ExitCode.INVALID;
    }
}
