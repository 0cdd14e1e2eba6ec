package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.spec.DocsGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario reference and the JSON Schema in docs/ are what the spec generates, and the docs' example is valid. */
class DocsTest {
    private static final String REGENERATE = " is stale: run  java -cp target/escalation.jar escalation.spec.DocsGenerator docs";

    @Test
    void referenceIsCurrent() throws Exception {
        assertEquals(DocsGenerator.reference(), Files.readString(Path.of("docs", DocsGenerator.REFERENCE)),
                "docs/" + DocsGenerator.REFERENCE + REGENERATE);
    }

    @Test
    void schemaIsCurrent() throws Exception {
        assertEquals(DocsGenerator.schema(), Files.readString(Path.of("docs", DocsGenerator.SCHEMA)),
                "docs/" + DocsGenerator.SCHEMA + REGENERATE);
    }

    @Test
    void theReferenceExampleIsAValidScenario(@TempDir Path dir) throws Exception {
        String doc = DocsGenerator.reference();
        int start = doc.indexOf("```yaml\n") + 8;
        String example = doc.substring(start, doc.indexOf("```", start));
        Path f = Scenarios.write(dir, "example.yaml", example);
        assertTrue(Scenarios.load(f).actors().size() == 2);
    }

    @Test
    void theReadmeCommandsAreTheOnesCiRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci", "run"));
        assertTrue(readme.contains("mvn -B verify") && ci.contains("mvn -B verify"), "README and .ci/run share the test command");
    }
}
