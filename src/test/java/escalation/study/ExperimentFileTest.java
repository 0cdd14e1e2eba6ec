package escalation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Experiment files: the shipped ones load; a bad one gets every problem at once, each with file, line and column. */
class ExperimentFileTest {
    static final Path SHIPPED = Path.of("scenarios", "experiments");

    static Stream<Path> shipped() throws Exception {
        return Files.list(SHIPPED).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedExperimentsLoadAndTheirPointsAreValidScenarios(Path file) throws Exception {
        ExperimentFile f = ExperimentFile.load(file);
        Experiment e = Experiment.of(f);
        ScenarioModel model = new ScenarioModel(f);
        // the first, last and a middle point of the design, under every policy, prepare without a problem
        for (long p : new long[] {0, e.points() / 2, e.points() - 1}) model.at(e.unit(p), e.policy(p));
    }

    @Test
    void theAutumnSobolExperimentHasEightFactorsAndEightThousandPointsAtLeast() throws Exception {
        Experiment e = Experiment.of(ExperimentFile.load(SHIPPED.resolve("autumn-2024-sobol.yaml")));
        assertTrue(e.factors().stream().filter(f -> !f.paths().isEmpty()).count() >= 8);
        assertTrue(e.points() >= 8000, "points: " + e.points());
    }

    @Test
    void settablePathsNamingAProxyOrARestrainerBecomeListPaths() throws Exception {
        ExperimentFile f = ExperimentFile.load(SHIPPED.resolve("autumn-2024-sobol.yaml"));
        Factor control = f.factors().stream().filter(x -> x.name().equals("iran_control")).findFirst().orElseThrow();
        assertEquals(4, control.paths().size());
        assertTrue(control.paths().stream().allMatch(p -> p.matches("relations\\.patronage\\.\\d+\\.control")), control.paths().toString());
        ScenarioModel model = new ScenarioModel(f);
        double[] u = new double[f.factors().size()];
        java.util.Arrays.fill(u, 0.5);
        u[f.factors().indexOf(control)] = 1.0;
        var s = new escalation.scenario.ScenarioLoader().override(f.scenario(), "test", model.overrides(u, 0)).scenario();
        assertEquals(1.0, escalation.scenario.SettablePaths.valueIn(s, "relations.patronage.nujaba.control"), 1e-12);
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, String.join("\n",
                "scenario: " + scenario,
                "factors:",
                "  - {name: reliability, path: actors.state.response.reliability, uniform: [0.5, 1.5]}",
                "  - {name: cost, path: actors.militia.rule.cost, uniform: [0, 10], normal: [1, 2]}",
                "  - {name: ghost, path: actors.ghost.attention, uniform: [0, 1]}",
                "design: {kind: morris, trajectories: 10, levels: 3}",
                "replicatons: 4",
                "outcomes:",
                "  - {name: war, threshold: full_war}",
                "  - {name: attacks, total: attacks, by: [militai]}",
                "  - {name: early, statistic: count, from: 2024-01-01}",
                ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentFile.load(bad));
        List<String> lines = e.problems().stream().map(Object::toString).toList();
        String all = String.join("\n", lines);
        assertTrue(lines.size() >= 7, all);
        assertTrue(all.contains("bad.yaml:7:1: replicatons: unknown key 'replicatons' (did you mean 'replications'?)"), all);
        assertTrue(all.contains("bad.yaml:6:") && all.contains("even number of levels"), all);
        assertTrue(all.contains("bad.yaml:4:5: factors[1]: expected exactly one distribution"), all);
        assertTrue(all.contains("bad.yaml:9:") && all.contains("no threshold 'full_war'"), all);
        assertTrue(all.contains("bad.yaml:10:") && all.contains("unknown actor or group 'militai' (did you mean 'militia'?)"), all);
        assertTrue(all.contains("bad.yaml:11:") && all.contains("outside the scenario's calendar"), all);
        // a range the scenario cannot take, and a path to nothing, found by setting each factor on the scenario
        assertTrue(all.contains("bad.yaml:3:5: factors[0]: factor 'reliability' at 1.5: actors.state.response.reliability: expected a probability"), all);
        assertTrue(all.contains("bad.yaml:5:5: factors[2]: factor 'ghost'"), all);
    }

    @Test
    void listedPointsNameFactorsAndTakeValuesInTheirRange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("list.yaml");
        Files.writeString(f, String.join("\n",
                "scenario: " + Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath(),
                "factors:",
                "  - {name: cost, path: actors.militia.rule.cost, uniform: [0, 30]}",
                "  - {name: winter, path: mechanisms.winter, levels: [true, false]}",
                "design:",
                "  kind: list",
                "  points:",
                "    - {cost: 5, winter: false}",
                "    - {cost: 50}",
                "    - {cast: 1}",
                "outcomes: [{name: attacks, total: attacks}]",
                ""));
        String all = assertThrows(ScenarioException.class, () -> ExperimentFile.load(f)).getMessage();
        assertTrue(all.contains("list.yaml:9:") && all.contains("design.points[1].cost: expected a number in the factor's range"), all);
        assertTrue(all.contains("list.yaml:10:") && all.contains("unknown factor 'cast' (did you mean 'cost'?)"), all);
        Files.writeString(f, Files.readString(f).replace("    - {cost: 50}\n    - {cast: 1}\n", ""));
        Experiment e = Experiment.of(ExperimentFile.load(f));
        assertEquals(1, e.points());
        assertEquals(5, e.values(0)[0], 1e-9);
        assertEquals("false", e.factors().get(1).cell(e.unit(0)[1]));
    }
}
