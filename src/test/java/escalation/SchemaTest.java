package escalation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import escalation.scenario.Node;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import escalation.spec.DocsGenerator;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema that editors use agrees with the validator: shipped files pass it, bad ones fail both. */
class SchemaTest {
    private static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(new ObjectMapper().readTree(DocsGenerator.schema()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Stream<Path> shipped() {
        return Scenarios.shipped().stream();
    }

    /** The YAML tree as JSON, numbers and booleans as YAML resolved them. */
    static JsonNode json(Node n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof Node.Mapping m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, json(v)));
            return o;
        }
        if (n instanceof Node.Sequence s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        Node.Scalar s = (Node.Scalar) n;
        return switch (s.kind()) {
            case NULL -> f.nullNode();
            case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(s.text()));
            case NUMBER -> s.text().matches("-?\\d+") ? f.numberNode(Long.parseLong(s.text())) : f.numberNode(Double.parseDouble(s.text()));
            case TEXT -> f.textNode(s.text());
        };
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedFilesPassTheSchemaAsWrittenAndAsResolved(Path file) throws Exception {
        Set<ValidationMessage> asWritten = SCHEMA.validate(json(new YamlReader().read(file)));
        assertTrue(asWritten.isEmpty(), file + ": " + asWritten);
        Set<ValidationMessage> resolved = SCHEMA.validate(json(new ScenarioLoader().resolve(file)));
        assertTrue(resolved.isEmpty(), file + " resolved: " + resolved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tempo: 0.6", "salvo: 3", "name: Israel", "start: 2024-09-27"})
    void badValuesFailBothTheSchemaAndTheValidator(String good, @TempDir Path dir) throws Exception {
        String bad = switch (good) {
            case "tempo: 0.6" -> "tempo: 1.6";
            case "salvo: 3" -> "salvo: three";
            case "name: Israel" -> "nmae: Israel";
            default -> "start: 27 September 2024";
        };
        String yaml = java.nio.file.Files.readString(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        assertTrue(yaml.contains(good), good);
        Path f = Scenarios.write(dir, "bad.yaml", yaml.replaceFirst(java.util.regex.Pattern.quote(good), bad));
        assertFalse(SCHEMA.validate(json(new YamlReader().read(f))).isEmpty(), "the schema rejects " + bad);
        assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f), "the validator rejects " + bad);
    }
}
