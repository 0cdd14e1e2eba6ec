package escalation.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML document into a {@link Node} tree with positions. Safe by construction: it builds
 * only maps, lists and strings (no tags, no class names from input), and it refuses documents
 * larger than {@link #MAX_BYTES}, nested deeper than {@link #MAX_DEPTH} or using aliases.
 */
public final class YamlReader {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 40;
    private static final int MAX_ALIASES = 0;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        // The parsers' own limits sit above this reader's, which reports the place of a too-deep value.
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        // Duplicates are found (all of them, with positions) by this reader, not the parser, which stops at the first.
        options.setAllowDuplicateKeys(true);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 10).maxStringLength(MAX_BYTES).build())
                .build();
    }

    /** True for a file name a YAML file of this project has: {@code .yaml} or {@code .yml}. */
    public static boolean isYamlName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Reads a file, which must be named {@code .yaml} or {@code .yml}: files of other kinds are not
     * read at all, so that no message ever shows the contents of a file that is not the project's.
     * A problem with the file itself becomes a {@link ScenarioException}.
     */
    public Node read(Path file) throws ScenarioException {
        String name = file.toString();
        try {
            // Whether a file exists says nothing of its contents, so a missing one is named as missing first.
            if (!Files.exists(file)) {
                throw single(name, isYamlName(file) ? "no such scenario file" : "no such scenario file, nor a shipped scenario of that name");
            }
            if (!isYamlName(file)) {
                throw single(name, "expected a YAML file (named .yaml or .yml); other files are not read");
            }
            if (!Files.isRegularFile(file)) {
                throw single(name, "no such scenario file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw single(name, "file is larger than the limit of " + MAX_BYTES + " bytes");
            }
            return read(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw single(name, "file is not valid UTF-8 text");
        } catch (IOException e) {
            throw single(name, "cannot read file: " + e.getMessage());
        }
    }

    /** Reads YAML text; {@code name} is used in positions. */
    public Node read(String name, String text) throws ScenarioException {
        if (text.length() > MAX_BYTES) {
            throw single(name, "document is larger than the limit of " + MAX_BYTES + " characters");
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Mapping(Map.of(), Map.of(), new Node.Position(name, 1, 1));
            }
            List<Problem> duplicates = new ArrayList<>();
            Node root = readValue(parser, name, 0, duplicates);
            if (!duplicates.isEmpty()) throw new ScenarioException(duplicates);
            if (parser.nextToken() != null) {
                throw new ScenarioException(List.of(new Problem(position(name, parser.currentTokenLocation()),
                        "", "only one YAML document is allowed per file")));
            }
            return root;
        } catch (ScenarioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw syntaxError(name, e);
        }
    }

    private Node readValue(JsonParser p, String name, int depth, List<Problem> duplicates) throws IOException, ScenarioException {
        Node.Position at = position(name, p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new ScenarioException(List.of(new Problem(at, "", "nesting deeper than " + MAX_DEPTH + " levels")));
        }
        JsonToken t = p.currentToken();
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            throw new ScenarioException(List.of(new Problem(at, "",
                    "YAML aliases (*" + p.getText() + ") are not supported: write the value out, or use extends:")));
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Node.Position> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Node.Position keyAt = position(name, p.currentTokenLocation());
                    p.nextToken();
                    Node value = readValue(p, name, depth + 1, duplicates);
                    if (entries.containsKey(key)) {
                        // Every duplicate is listed, not only the first; the first value is kept meanwhile.
                        duplicates.add(new Problem(keyAt, key.length() > 60 ? key.substring(0, 40) + "..." : key,
                                "duplicate key (first written at " + keys.get(key).line() + ":" + keys.get(key).column() + ")"));
                        continue;
                    }
                    entries.put(key, value);
                    keys.put(key, keyAt);
                }
                return new Node.Mapping(entries, keys, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, name, depth + 1, duplicates));
                }
                return new Node.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new Node.Scalar("", Node.ScalarKind.NULL, at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.NUMBER, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.BOOLEAN, at);
            }
            default -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.TEXT, at);
            }
        }
    }

    private static Node.Position position(String name, JsonLocation loc) {
        return new Node.Position(name, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static ScenarioException single(String name, String message) {
        return new ScenarioException(List.of(new Problem(new Node.Position(name, 1, 1), "", message)));
    }

    private static ScenarioException syntaxError(String name, Exception e) {
        int line = 1;
        int column = 1;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            line = Math.max(1, jpe.getLocation().getLineNr());
            column = Math.max(1, jpe.getLocation().getColumnNr());
            message = jpe.getOriginalMessage();
        }
        // Keep the first sentence only: the rest is parser internals.
        int cut = message.indexOf('\n');
        if (cut > 0) message = message.substring(0, cut);
        return new ScenarioException(List.of(new Problem(new Node.Position(name, line, column), "",
                "YAML syntax error: " + message.strip())));
    }
}
