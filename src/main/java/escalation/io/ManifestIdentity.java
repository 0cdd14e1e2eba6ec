package escalation.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of a manifest that says what work a results folder holds (scenario, seed, runs,
 * settings, version): everything but the fields that record how and when it ran ({@link #VOLATILE}).
 * A checkpoint keeps this part; a resume is refused when the manifest's no longer matches it, with
 * the fields that differ, and when the resolved scenario no longer hashes to its recorded SHA-256.
 */
public final class ManifestIdentity {
    /** Fields of a manifest that change as the work runs, or from one sitting to the next. */
    public static final Set<String> VOLATILE = Set.of("threads", "java", "started", "complete", "runs_done", "failed_runs",
            "wall_seconds", "resumed", "generations_done", "points_done", "merged_from");
    /** Reads numbers exactly as written, so that a manifest read back hashes as it was written. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final int MAX_BYTES = 16 << 20;

    private ManifestIdentity() { }

    /** The manifest is missing, not JSON, or not the manifest of this kind of work. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /** Reads a manifest, with a message that names the file and the place of a JSON error. */
    public static ObjectNode read(Path file) throws Unreadable {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new Unreadable(file + " is missing: this is not a results folder");
        try {
            if (Files.size(file) > MAX_BYTES) throw new Unreadable(file + " is larger than any manifest; it is not one");
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(n instanceof ObjectNode o)) throw new Unreadable(file + " is not a manifest (expected a JSON object)");
            return o;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new Unreadable(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new Unreadable(file + " is not UTF-8 text: not a manifest");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + ResultsFolder.reason(e));
        }
    }

    /** The fixed part of a manifest, as compact JSON. */
    public static String of(JsonNode manifest) {
        ObjectNode copy = ((ObjectNode) manifest).deepCopy();
        copy.remove(VOLATILE);
        try {
            return JSON.writeValueAsString(copy);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields of the fixed part that differ between two manifests' identities; empty when none. */
    public static List<String> differences(String recorded, JsonNode now) {
        List<String> out = new ArrayList<>();
        JsonNode was;
        try {
            was = JSON.readTree(recorded);
        } catch (IOException e) {
            out.add("(the checkpoint's record of the manifest is unreadable)");
            return out;
        }
        JsonNode is;
        try {
            is = JSON.readTree(of(now));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> keys = new TreeSet<>();
        was.fieldNames().forEachRemaining(keys::add);
        is.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode a = was.get(k);
            JsonNode b = is.get(k);
            if (a == null) out.add(k + ": added (" + brief(b) + ")");
            else if (b == null) out.add(k + ": removed (was " + brief(a) + ")");
            else if (!a.equals(b)) out.add(k + ": " + brief(b) + ", where the batch ran with " + brief(a));
        }
        return out;
    }

    private static String brief(JsonNode n) {
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** The SHA-256 of a resolved scenario as a manifest records it. */
    public static String scenarioHash(JsonNode resolved, ObjectMapper writer) throws IOException {
        return HexFormat.of().formatHex(StreamedTable.sha256().digest(writer.writeValueAsString(resolved).getBytes(StandardCharsets.UTF_8)));
    }
}
