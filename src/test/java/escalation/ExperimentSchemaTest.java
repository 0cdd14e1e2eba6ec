package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import escalation.scenario.ScenarioException;
import escalation.scenario.YamlReader;
import escalation.spec.DocsGenerator;
import escalation.study.ExperimentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The experiment file's JSON Schema and reference are current, and the schema agrees with the validator. */
class ExperimentSchemaTest {
    private static final String REGENERATE = " is stale: run  java -cp target/escalation.jar escalation.spec.DocsGenerator docs";
    private static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(DocsGenerator.experimentSchema()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Stream<Path> shipped() throws Exception {
        return Files.list(Path.of("scenarios", "experiments")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void theReferenceAndTheSchemaAreCurrent() throws Exception {
        assertEquals(DocsGenerator.experimentReference(), Files.readString(Path.of("docs", DocsGenerator.EXPERIMENT_REFERENCE)),
                "docs/" + DocsGenerator.EXPERIMENT_REFERENCE + REGENERATE);
        assertEquals(DocsGenerator.experimentSchema(), Files.readString(Path.of("docs", DocsGenerator.EXPERIMENT_SCHEMA)),
                "docs/" + DocsGenerator.EXPERIMENT_SCHEMA + REGENERATE);
    }

    @Test
    void theExampleInTheDocsIsAValidExperiment(@TempDir Path dir) throws Exception {
        String doc = Files.readString(Path.of("docs", "experiments.md"));
        int start = doc.indexOf("```yaml\n") + 8;
        String example = doc.substring(start, doc.indexOf("```", start))
                .replace("../autumn-2024-iraq.yaml", Path.of("scenarios", "autumn-2024-iraq.yaml").toAbsolutePath().toString());
        Path f = dir.resolve("example.yaml");
        Files.writeString(f, example);
        assertTrue(SCHEMA.validate(SchemaTest.json(new YamlReader().read(f))).isEmpty());
        ExperimentFile e = ExperimentFile.load(f);
        assertEquals(7, e.factors().size());
        assertEquals(2, e.policies().size());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedExperimentsPassTheSchema(Path file) throws Exception {
        var messages = SCHEMA.validate(SchemaTest.json(new YamlReader().read(file)));
        assertTrue(messages.isEmpty(), file + ": " + messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replications: 4", "kind: sobol", "uniform: [0.3, 1.0]", "threshold: regional_war"})
    void badValuesFailBothTheSchemaAndTheValidator(String good, @TempDir Path dir) throws Exception {
        String bad = switch (good) {
            case "replications: 4" -> "replications: 0";
            case "kind: sobol" -> "kind: sobel";
            case "uniform: [0.3, 1.0]" -> "uniform: [0.3]";
            default -> "threshold: [regional_war]";
        };
        Path source = Path.of("scenarios", "experiments", "autumn-2024-sobol.yaml");
        String yaml = Files.readString(source).replace("../autumn-2024-iraq.yaml", Path.of("scenarios", "autumn-2024-iraq.yaml").toAbsolutePath().toString());
        assertTrue(yaml.contains(good), good);
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml.replaceFirst(java.util.regex.Pattern.quote(good), bad));
        assertFalse(SCHEMA.validate(SchemaTest.json(new YamlReader().read(f))).isEmpty(), "the schema rejects " + bad);
        assertThrows(ScenarioException.class, () -> ExperimentFile.load(f), "the validator rejects " + bad);
    }
}
