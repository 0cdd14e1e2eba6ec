package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.cli.EscalationCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear message with file, line, column and field, exit code 2, and no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            name: tiny
            calendar: {start: 2025-01-01, end: 2025-03-31}
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
                rule: {kind: threshold, threshold: 0.0, tempo: 0.5}
              state:
                name: State
                kind: state
                alignment: b
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    record Result(int code, String out, String err) { }

    private Result run(String... args) {
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

    private Result validate(String yaml) {
        Path f = Scenarios.write(dir, "bad.yaml", yaml);
        return run("validate", f.toString());
    }

    private static void assertClean(Result r) {
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
    }

    @Test
    void theBaseFileIsValid() {
        assertEquals(0, validate(GOOD).code());
    }

    @Test
    void unknownKeyHasLineColumnPathAndSuggestion() {
        Result r = validate(GOOD.replace("rule: {kind: threshold", "rule: {kind: threshold, treshold: 2"));
        assertClean(r);
        assertTrue(r.err().contains("bad.yaml:13:"), r.err());
        assertTrue(r.err().contains("actors.militia.rule.treshold: unknown key 'treshold' (did you mean 'threshold'?)"), r.err());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        Result r = validate(GOOD.replace("salvo: 2", "salvo: many"));
        assertClean(r);
        assertTrue(r.err().contains("bad.yaml:12:") && r.err().contains("actors.militia.actions[0].salvo: expected a whole number in [0, 100000], found the text 'many'"), r.err());
    }

    @Test
    void probabilityOutsideTheUnitInterval() {
        Result r = validate(GOOD.replace("tempo: 0.5", "tempo: 1.5"));
        assertClean(r);
        assertTrue(r.err().contains("actors.militia.rule.tempo: expected a probability in [0, 1], found 1.5"), r.err());
    }

    @Test
    void undeclaredActorWithSuggestion() {
        Result r = validate(GOOD.replace("targets: [state]", "targets: [stat]"));
        assertClean(r);
        assertTrue(r.err().contains("relations.adversaries[0].targets[0]: undeclared actor 'stat' (did you mean 'state'?)"), r.err());
    }

    @Test
    void classroomLeversAndButtonsAreCheckedLikeEvents() {
        Result r = validate(GOOD + """
                classroom:
                  levers:
                    - {name: Nerve, paths: [actors.state.nerve]}
                    - {name: Tempo, paths: [actors.militia.rule.tempo], min: 0.6, max: 1}
                  shocks:
                    - {name: Strike, effects: [{perform: {actor: state, action: strike}}]}
                """);
        assertClean(r);
        assertTrue(r.err().contains("bad.yaml:23:") && r.err().contains("classroom.levers[0].paths[0]: not a settable parameter: 'actors.state.nerve'"), r.err());
        assertTrue(r.err().contains("classroom.levers[1]: the scenario's value 0.5 of actors.militia.rule.tempo lies outside [0.6, 1.0]"), r.err());
        assertTrue(r.err().contains("classroom.shocks[0].effects[0].perform.action: undeclared action 'strike' of state"), r.err());
    }

    @Test
    void theClassroomConsoleChecksItsScenarioFirstAndSaysWhenThereIsNoDisplay() {
        Path f = Scenarios.write(dir, "bad.yaml", GOOD.replace("tempo: 0.5", "tempo: 1.5"));
        Result r = run("gui", f.toString());
        assertClean(r);
        assertTrue(r.err().contains("actors.militia.rule.tempo: expected a probability in [0, 1], found 1.5"), r.err());
        org.junit.jupiter.api.Assumptions.assumeTrue(java.awt.GraphicsEnvironment.isHeadless(), "a display is available");
        Result headless = run("gui", Scenarios.write(dir, "good.yaml", GOOD).toString());
        assertEquals(1, headless.code());
        assertTrue(headless.err().contains("gui needs a display") && headless.err().contains("xvfb-run"), headless.err());
    }

    /** The base scenario with one dated event, given as a flow mapping on line 6. */
    private static String withEvent(String event) {
        return GOOD.replace("calendar: {start: 2025-01-01, end: 2025-03-31}", """
                calendar:
                  start: 2025-01-01
                  end: 2025-03-31
                  events:
                    - %s""".formatted(event));
    }

    @Test
    void dateOutsideTheCalendar() {
        Result r = validate(withEvent("{date: 2025-06-01, name: late, effects: [{set: {actors.state.attention: 0.5}}]}"));
        assertClean(r);
        assertTrue(r.err().contains("calendar.events[0].date: date 2025-06-01 is outside the calendar 2025-01-01 to 2025-03-31"), r.err());
        assertTrue(r.err().contains("bad.yaml:6:"), r.err());
    }

    @Test
    void cycleOfExtends() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
        Result r = run("validate", dir.resolve("a.yaml").toString());
        assertClean(r);
        assertTrue(r.err().contains("cycle of extends: a.yaml -> b.yaml -> a.yaml"), r.err());
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Result r = validate(GOOD.replace("tempo: 0.5", "tempo: 2").replace("salvo: 2", "salvo: -1")
                .replace("alignment: b", "alignment: b\n    colour: red"));
        assertClean(r);
        assertTrue(r.err().contains("3 problems"), r.err());
        assertTrue(r.err().contains("tempo") && r.err().contains("salvo") && r.err().contains("colour"), r.err());
    }

    @Test
    void rangeAndCalendarProblemsAreListedTogether() {
        Result r = validate(withEvent("{date: 2025-06-01, name: late, effects: [{set: {actors.state.attention: 0.5}}]}")
                .replace("tempo: 0.5", "tempo: 1.5"));
        assertClean(r);
        assertTrue(r.err().contains("2 problems") && r.err().contains("tempo") && r.err().contains("outside the calendar"), r.err());
    }

    @Test
    void yamlSyntaxErrorHasItsPlace() {
        Result r = validate("name: x\ncalendar: {start: 2025-01-01\nactors: [\n");
        assertClean(r);
        assertTrue(r.err().contains("bad.yaml:") && r.err().contains("YAML syntax error"), r.err());
    }

    @Test
    void missingFile() {
        Result r = run("validate", dir.resolve("nope.yaml").toString());
        assertClean(r);
        assertTrue(r.err().contains("no such scenario file"), r.err());
    }

    @Test
    void aliasesAreRefused() {
        Result r = validate(GOOD.replace("alignment: a", "alignment: &camp a").replace("alignment: b", "alignment: *camp"));
        assertClean(r);
        assertTrue(r.err().contains("YAML aliases"), r.err());
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() throws Exception {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "name: x\n" + "#".repeat(2_000_000) + "\n");
        Result r = run("validate", f.toString());
        assertClean(r);
        assertTrue(r.err().contains("larger than the limit"), r.err());
    }

    @Test
    void badOverrideOnTheCommandLine() {
        Path f = Scenarios.write(dir, "ok.yaml", GOOD);
        Result r = run("run", f.toString(), "--seed", "1", "--set", "actors.militia.rule.tempo=high", "--out", dir.resolve("o").toString());
        assertClean(r);
        assertTrue(r.err().contains("actors.militia.rule.tempo: expected a probability in [0, 1], found the text 'high'"), r.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written for an invalid scenario");
    }

    @Test
    void unsettableParameterInAnEvent() {
        Result r = validate(withEvent("{date: 2025-02-01, name: x, effects: [{set: {actors.state.atention: 0.5}}]}"));
        assertClean(r);
        assertTrue(r.err().contains("not a settable parameter (did you mean 'actors.state.attention'?)"), r.err());
    }

    @Test
    void anExistingResultsFolderIsNeverOverwritten() throws Exception {
        Path f = Scenarios.write(dir, "ok.yaml", GOOD);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("events.csv"), "precious");
        Result r = run("run", f.toString(), "--seed", "1", "-q", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("precious", Files.readString(out.resolve("events.csv")));
    }

    @Test
    void badCommandLineOptionExitsTwo() {
        Path f = Scenarios.write(dir, "ok.yaml", GOOD);
        Result r = run("run", f.toString(), "--seed", "not-a-number");
        assertClean(r);
        assertTrue(r.err().contains("--seed"), r.err());
    }
}
