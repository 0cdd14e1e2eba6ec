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
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).build())
                .build();
    }

    /** Reads a file; a problem with the file itself becomes a {@link ScenarioException}. */
    public Node read(Path file) throws ScenarioException {
        String name = file.toString();
        try {
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
            Node root = readValue(parser, name, 0);
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

    private Node readValue(JsonParser p, String name, int depth) throws IOException, ScenarioException {
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
                    Node value = readValue(p, name, depth + 1);
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(List.of(new Problem(keyAt, key, "duplicate key")));
                    }
                    entries.put(key, value);
                    keys.put(key, keyAt);
                }
                return new Node.Mapping(entries, keys, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, name, depth + 1));
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
