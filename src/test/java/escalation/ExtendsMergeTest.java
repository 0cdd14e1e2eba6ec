package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import escalation.cli.EscalationCommand;
import escalation.scenario.Node;
import escalation.scenario.Records;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import escalation.spec.DocsGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that extends another changes single items of inherited lists with {merge: [...]}, by id. */
class ExtendsMergeTest {
    @TempDir
    Path dir;

    private static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(DocsGenerator.schema()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final String BASE = """
            name: base
            calendar:
              start: 2025-01-01
              end: 2025-03-31
              events:
                - {date: 2025-01-10, name: First strike, effects: [{perform: {actor: militia, action: fire}}]}
                - {date: 2025-02-01, name: Calm, effects: [{set: {actors.state.attention: 0.5}}]}
            weapons:
              rocket: {name: rocket, killed: 0.05}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: a
                arsenal: {rocket: {stock: 10, resupply: 1}}
                actions:
                  - {id: fire, rung: harassment, target: state, weapon: rocket, salvo: 2}
                  - {id: barrage, rung: lethal_proxy_strike, target: state, weapon: rocket, salvo: 6}
                  - {id: volley, rung: harassment, target: state, weapon: rocket, salvo: 4}
                rule: {kind: threshold, threshold: 0.0, tempo: 0.5}
              state:
                name: State
                kind: state
                alignment: b
              host:
                name: Host
                kind: host_state
                alignment: c
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
              protection:
                - {protector: state, ally: host, commitment: 0.4}
              restraint:
                - {by: host, restrained: [militia], strength: 0.2}
                - {by: host, restrained: [militia], strength: 0.1}
            thresholds:
              - {id: any_attack, name: "Any attack", rung: harassment}
              - {id: lethal, name: "Lethal attack", rung: lethal_proxy_strike}
            """;

    /** Writes base.yaml and child.yaml (which extends it) and returns the child's path. */
    private Path child(String yaml) {
        Scenarios.write(dir, "base.yaml", BASE);
        return Scenarios.write(dir, "child.yaml", "extends: base.yaml\nname: child\n" + yaml);
    }

    private Records.Scenario load(String yaml) throws Exception {
        return Scenarios.load(child(yaml));
    }

    private static List<Records.Action> actions(Records.Scenario s, String actor) {
        return s.actors().get(s.actorIndex(actor)).actions();
    }

    private static List<String> ids(List<Records.Action> actions) {
        return actions.stream().map(Records.Action::id).toList();
    }

    record Result(int code, String out, String err) { }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = EscalationCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Validates the child; expects exit code 2, no stack trace, and every expected line. */
    private String invalid(String yaml, String... expected) {
        Result r = run("validate", child(yaml).toString());
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
        for (String e : expected) assertTrue(r.err().contains(e), "expected\n  " + e + "\nin\n" + r.err());
        return r.err();
    }

    // ------------------------------------------------------------------ what merge: does

    @Test
    void anItemWithAParentsIdOverridesThatItemKeyByKey() throws Exception {
        Records.Scenario s = load("""
                actors:
                  militia:
                    actions:
                      merge:
                        - {id: barrage, salvo: 9}
                """);
        List<Records.Action> a = actions(s, "militia");
        assertEquals(List.of("fire", "barrage", "volley"), ids(a));
        assertEquals(9, a.get(1).salvo());
        assertEquals("lethal_proxy_strike", a.get(1).rung());
        assertEquals("state", a.get(1).target());
        assertEquals("rocket", a.get(1).weapon());
        assertEquals(2, a.get(0).salvo(), "the other items are the parent's");
    }

    @Test
    void anItemWithANewIdIsAppended() throws Exception {
        Records.Scenario s = load("""
                actors:
                  militia:
                    actions:
                      merge:
                        - {id: warn, rung: threat, target: state}
                """);
        List<Records.Action> a = actions(s, "militia");
        assertEquals(List.of("fire", "barrage", "volley", "warn"), ids(a));
        assertEquals("threat", a.get(3).rung());
    }

    @Test
    void removeTrueDropsTheParentsItem() throws Exception {
        Records.Scenario s = load("""
                actors:
                  militia:
                    actions: {merge: [{id: barrage, remove: true}]}
                thresholds:
                  merge:
                    - {id: any_attack, remove: true}
                """);
        assertEquals(List.of("fire", "volley"), ids(actions(s, "militia")));
        assertEquals(List.of("lethal"), s.thresholds().stream().map(Records.Threshold::id).toList());
    }

    @Test
    void theParentsOrderIsKeptAndNewItemsFollowInTheOrderWritten() throws Exception {
        Records.Scenario s = load("""
                actors:
                  militia:
                    actions:
                      merge:
                        - {id: volley, salvo: 1}
                        - {id: warn, rung: threat, target: state}
                        - {id: fire, label: "a first shot"}
                        - {id: shot, rung: harassment, target: state, weapon: rocket}
                """);
        List<Records.Action> a = actions(s, "militia");
        assertEquals(List.of("fire", "barrage", "volley", "warn", "shot"), ids(a));
        assertEquals("a first shot", a.get(0).label());
        assertEquals(1, a.get(2).salvo());
    }

    @Test
    void aMergedItemMergesItsMappingsAndReplacesItsPlainLists() throws Exception {
        Records.Scenario s = load("""
                calendar:
                  events:
                    merge:
                      - {name: Calm, enabled: false}
                      - {name: First strike, effects: [{perform: {actor: militia, action: volley}}]}
                relations:
                  protection: {merge: [{protector: state, ally: host, commitment: 0.9}]}
                """);
        List<Records.Event> events = s.calendar().events();
        assertEquals(List.of("First strike", "Calm"), events.stream().map(Records.Event::name).toList());
        assertFalse(events.get(1).enabled());
        assertEquals(java.time.LocalDate.of(2025, 2, 1), events.get(1).date(), "the date is inherited");
        assertEquals(1, events.get(1).effects().size(), "the effects are inherited");
        assertEquals(1, events.get(0).effects().size());
        assertTrue(events.get(0).effects().get(0) instanceof Records.Perform p && p.action().equals("volley"), "effects are replaced whole");
        assertEquals(0.9, s.relations().protection().get(0).commitment(), 1e-12, "items named by two keys");
        assertEquals(1, s.relations().protection().size());
    }

    @Test
    void aPlainListStillReplacesTheParentsWhole() throws Exception {
        Records.Scenario s = load("""
                actors:
                  militia:
                    actions:
                      - {id: fire, rung: harassment, target: state, weapon: rocket, salvo: 7}
                """);
        assertEquals(List.of("fire"), ids(actions(s, "militia")));
        assertEquals(7, actions(s, "militia").get(0).salvo());
    }

    @Test
    void mergedValuesKeepTheFileAndLineTheyWereWrittenAt() throws Exception {
        Node tree = new ScenarioLoader().resolve(child("""
                actors:
                  militia:
                    actions:
                      merge:
                        - {id: barrage, salvo: 9}
                """));
        Node.Mapping militia = (Node.Mapping) ((Node.Mapping) ((Node.Mapping) tree).get("actors")).get("militia");
        Node.Mapping barrage = (Node.Mapping) ((Node.Sequence) militia.get("actions")).items().get(1);
        assertEquals(dir.resolve("child.yaml") + ":7:32", barrage.get("salvo").position().toString());
        assertEquals(dir.resolve("base.yaml") + ":18:29", barrage.get("rung").position().toString());
        assertEquals(dir.resolve("base.yaml").toString(), militia.get("rule").position().file());
    }

    @Test
    void aProblemInAMergedItemNamesTheFileEachValueCameFrom() {
        invalid("""
                actors:
                  militia:
                    actions:
                      merge:
                        - {id: fire, rung: threat}
                        - {id: barrage, salvo: -1}
                """,
                "base.yaml:17:61: actors.militia.actions[0].weapon: a signal on the non-kinetic rung 'threat' launches no weapon",
                "child.yaml:8:32: actors.militia.actions[1].salvo: expected a whole number in [0, 100000], found -1");
    }

    // ------------------------------------------------------------------ problems

    @Test
    void mergeInAFileWithoutExtendsIsAProblem() {
        Path f = Scenarios.write(dir, "alone.yaml", BASE.replace(
                "    actions:\n      - {id: fire,", "    actions:\n      merge:\n      - {id: fire,"));
        Result r = run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("alone.yaml:17:7: actors.militia.actions: merge: changes the list of a parent scenario, "
                + "and this file has no extends:; write a plain list"), r.err());
    }

    @Test
    void removingAnIdTheParentDoesNotHoldIsAProblem() {
        invalid("""
                actors:
                  militia:
                    actions: {merge: [{id: barage, remove: true}]}
                """,
                "child.yaml:5:28: actors.militia.actions.merge[0]: no item with id 'barage' in the parent's list to remove "
                        + "(did you mean 'barrage'?); the parent's items: fire, barrage, volley");
    }

    @Test
    void anItemWithoutItsIdIsAProblem() {
        invalid("""
                relations:
                  protection:
                    merge:
                      - {ally: host, commitment: 0.9}
                """,
                "child.yaml:6:9: relations.protection.merge[0].protector: missing the item's id 'protector': an item of merge: "
                        + "is named by protector and ally");
    }

    @Test
    void mergeOnAListWhoseItemsHaveNoIdIsAProblem() {
        invalid("""
                relations:
                  adversaries:
                    merge:
                      - {actor: militia, targets: {merge: [host]}}
                  rivalry: {merge: [{actors: [militia, state]}]}
                """,
                "child.yaml:6:36: relations.adversaries.merge[0].targets: merge: is not available for this list: its items have no id; write the whole list",
                "child.yaml:7:13: relations.rivalry: merge: is not available for this list");
    }

    @Test
    void anIdHeldTwiceByTheParentOrNamedTwiceIsAProblem() {
        invalid("""
                actors:
                  militia:
                    actions: {merge: [{id: fire, salvo: 1}, {id: fire, salvo: 3}]}
                relations:
                  restraint: {merge: [{by: host, strength: 0.5}]}
                """,
                "child.yaml:5:45: actors.militia.actions.merge[1]: the item with id 'fire' is merged twice",
                "child.yaml:7:23: relations.restraint.merge[0]: the parent's list has 2 items with by 'host', "
                        + "so merge: cannot tell which to change; write the whole list");
    }

    @Test
    void removeTakesTrueAndOnlyTheId() {
        invalid("""
                actors:
                  militia:
                    actions: {merge: [{id: fire, remove: false}, {id: volley, remove: true, salvo: 2}]}
                """,
                "child.yaml:5:42: actors.militia.actions.merge[0].remove: expected true (drop the parent's item), found the boolean false",
                "child.yaml:5:77: actors.militia.actions.merge[1].salvo: an item with remove: true names only id");
    }

    @Test
    void mergeWhereTheParentHasNoListIsAProblem() {
        invalid("""
                actors:
                  host:
                    actions: {merge: [{id: warn, rung: threat, target: state}]}
                """,
                "child.yaml:5:15: actors.host.actions: merge: the parent scenario has no list here to change; write a plain list");
    }

    @Test
    void aMergeMappingTakesNoOtherKey() {
        invalid("""
                thresholds: {merge: [{id: lethal, name: "Lethal"}], replace: true}
                """,
                "child.yaml:3:53: thresholds.replace: unknown key 'replace' beside merge:");
    }

    @Test
    void mergeProblemsAreListedWithEveryOtherProblem() {
        String err = invalid("""
                actors:
                  militia:
                    rule: {tempo: 1.5}
                    actions:
                      merge:
                        - {id: vollley, remove: true}
                        - {salvo: 3}
                relations:
                  rivalry: {merge: []}
                """,
                "child.yaml:5:19: actors.militia.rule.tempo: expected a probability in [0, 1], found 1.5",
                "no item with id 'vollley'",
                "missing the item's id 'id'",
                "relations.rivalry: merge: is not available",
                "child.yaml: 4 problems");
        assertTrue(err.indexOf("tempo") < err.indexOf("vollley") && err.indexOf("vollley") < err.indexOf("rivalry"), "in file order:\n" + err);
    }

    @Test
    void extendsCannotBeSetOnTheCommandLine() {
        Path f = Scenarios.write(dir, "alone.yaml", BASE);
        Result r = run("validate", f.toString(), "--set", "extends=other.yaml");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--set extends=other.yaml:1:1: extends: extends cannot be set on the command line"), r.err());
    }

    @Test
    void mergeIsNotForTheCommandLine() {
        Path f = Scenarios.write(dir, "alone.yaml", BASE);
        Result r = run("validate", f.toString(), "--set", "thresholds={merge: [{id: lethal, remove: true}]}");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("thresholds: 'merge:' changes a list inherited through extends: and is only for a file that extends another"), r.err());
    }

    // ------------------------------------------------------------------ docs and shipped files

    @Test
    void theReferencesMergeExampleExtendsItsExample() throws Exception {
        String doc = DocsGenerator.reference();
        int first = doc.indexOf("```yaml\n") + 8;
        int second = doc.indexOf("```yaml\n", first) + 8;
        Scenarios.write(dir, "my-scenario.yaml", doc.substring(first, doc.indexOf("```", first)));
        String variant = doc.substring(second, doc.indexOf("```", second));
        Path f = Scenarios.write(dir, "my-variant.yaml", variant);
        Records.Scenario s = Scenarios.load(f);
        List<Records.Action> israel = actions(s, "israel");
        assertEquals(List.of("strike_kh", "warn_kh"), ids(israel));
        assertEquals(12, israel.get(0).salvo());
        assertTrue(s.thresholds().isEmpty());
        assertEquals(java.util.Set.of(), SCHEMA.validate(SchemaTest.json(new YamlReader().read(f))), "the schema accepts merge: with extends:");
        String alone = "name: x\n" + variant.substring(variant.indexOf("actors:"));
        assertFalse(SCHEMA.validate(SchemaTest.json(new YamlReader().read("alone.yaml", alone))).isEmpty(), "and refuses it without");
    }

}
