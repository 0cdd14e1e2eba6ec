package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that used to hang, read what they should not, overflow or answer with raw Java messages
 * (issue 14, items 7, 9-15, 19, 21-24): each now gets a clear message, exit code 2, in bounded time.
 */
class BadInputHardeningTest {
    @TempDir
    Path dir;

    static final String TINY = """
            name: tiny
            calendar: {start: 2025-01-01, end: 2025-03-31}
            weapons:
              rocket: {name: rocket, killed: KILLED}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: a
                arsenal: {rocket: {stock: 1000, resupply: 100}}
                actions:
                  - {id: fire, rung: harassment, target: state, weapon: rocket, salvo: SALVO}
                rule: {kind: threshold, threshold: 0.0, tempo: 0.5}
              state:
                name: State
                kind: state
                alignment: b
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static void assertClear(Cli.Result r) {
        assertEquals(2, r.code(), r.all());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat ") || r.all().contains("java."), "no raw Java message: " + r.all());
    }

    @Test
    void harmBeyondItsBoundIsRefusedAndLargeHarmNeitherHangsNorOverflows() throws Exception {
        Path huge = write("huge.yaml", TINY.replace("KILLED", "1e9").replace("SALVO", "2"));
        Cli.Result v = Cli.run("validate", huge.toString());
        assertClear(v);
        assertTrue(v.err().contains("weapons.rocket.killed"), v.err());
        // The largest harm allowed, in the largest salvo: the run ends promptly and its totals stay positive.
        Path big = write("big.yaml", TINY.replace("KILLED", "1000").replace("SALVO", "100000")
                .replace("stock: 1000, resupply: 100", "stock: 1e9, resupply: 1e9"));
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run("run", big.toString(), "--seed", "1", "-q", "--out", dir.resolve("big").toString()));
        assertEquals(0, r.code(), r.all());
        for (String line : Files.readAllLines(dir.resolve("big/daily.csv"))) assertFalse(line.contains(",-"), "no negative total: " + line);
    }

    @Test
    void aHugeIdWithANearMissIsCheckedQuickly() throws Exception {
        // A rung id of 150,000 characters, and a threshold whose rung misses it by the last character.
        String id = "a".repeat(150_000);
        String text = TINY.replace("KILLED", "0").replace("SALVO", "1")
                + "ladder:\n  - {id: " + id + ", name: long, intensity: 1}\n  - {id: harassment, name: harassment, intensity: 2}\n"
                + "thresholds:\n  - {id: t, name: t, rung: " + id.substring(1) + "b}\n";
        Path p = write("long.yaml", text);
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("validate", p.toString()));
        assertClear(r);
        assertTrue(r.err().length() < 20_000, "messages do not echo the whole id: " + r.err().length() + " characters");
    }

    @Test
    void extendsAndScenarioReadYamlFilesOnlyAndNeverEchoOthers() throws Exception {
        Path secret = write("secret.txt", "root:SECRETHASH:19000:0:99999:7:::\n");
        Cli.Result r = Cli.run("validate", write("a.yaml", "extends: secret.txt\nname: x\n").toString());
        assertClear(r);
        assertFalse(r.all().contains("SECRETHASH"), r.all());
        Path renamed = write("secret.yaml", Files.readString(secret));
        r = Cli.run("validate", write("b.yaml", "extends: secret.yaml\nname: x\n").toString());
        assertClear(r);
        assertFalse(r.all().contains("SECRETHASH"), r.all());
        r = Cli.run("validate", write("c.yaml", "extends: list.yaml\nname: x\n").toString(), write("list.yaml", "- a\n- b\n").toString());
        assertClear(r);
        assertTrue(r.err().contains("not a scenario"), "a parent that is not a scenario mapping is an error: " + r.err());
        r = Cli.run("history", write("h.yaml", "scenario: secret.txt\nobserved: [x.csv]\ntargets: []\n").toString(), "--no-report");
        assertClear(r);
        assertFalse(r.all().contains("SECRETHASH"), r.all());
        assertTrue(renamed.toFile().exists());
    }

    @Test
    void aScenarioNameIsNeverAPathOutOfTheResultsFolder() throws Exception {
        String marker = "escaped-" + ProcessHandle.current().pid();
        Path p = write("esc.yaml", TINY.replace("name: tiny", "name: \"../../" + marker + "\"").replace("KILLED", "0").replace("SALVO", "1"));
        Cli.Result r = Cli.run("run", p.toString(), "--seed", "1", "-q");
        try {
            if (r.code() == 0) {
                assertFalse(Files.exists(Path.of("..", marker)), "nothing written outside results/");
                assertTrue(r.out().contains("results"), r.out());
            } else {
                assertClear(r);
            }
        } finally {
            try (var s = Files.list(Path.of("results"))) {
                for (Path f : s.filter(x -> x.getFileName().toString().contains(marker)).toList()) {
                    try (var w = Files.walk(f)) {
                        w.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                    }
                }
            }
        }
    }

    @Test
    void oddValuesGetClearMessagesWithTheirPlace() throws Exception {
        Cli.Result r = Cli.run("validate", write("year.yaml", "name: x\ncalendar: {start: +999999999-01-01, end: 2025-02-01}\nactors: {}\n").toString());
        assertClear(r);
        assertTrue(r.err().contains("year.yaml:2:"), r.err());
        r = Cli.run("validate", write("nul.yaml", "extends: \"\\0\"\nname: x\n").toString());
        assertClear(r);
        r = Cli.run("validate", write("hex.yaml", "name: x\ncalendar: {start: 2025-01-01, end: 2025-02-01}\n"
                + "actors: {a: {name: A, kind: state, alignment: a, attention: 0x10}}\n").toString());
        assertClear(r);
        assertTrue(r.err().contains("written in decimal"), r.err());
        String deep = "name: x\ncalendar: {start: 2025-01-01, end: 2025-02-01}\nactors:\n  a: " + "[".repeat(60) + "]".repeat(60) + "\n";
        r = Cli.run("validate", write("deep.yaml", deep).toString());
        assertClear(r);
        assertFalse(r.err().contains(":1:1:"), "a nesting error points at the place, not 1:1: " + r.err());
        assertFalse(r.err().contains("StreamReadConstraints"), r.err());
    }

    @Test
    void everyProblemAtOnce() throws Exception {
        Path dup = write("dup.yaml", "name: a\nname: b\ncalendar: {start: 2025-01-01, end: 2025-02-01}\nactors:\n"
                + "  x: {name: X, kind: state, alignment: a}\n  x: {name: Y, kind: state, alignment: a}\n");
        Cli.Result r = Cli.run("validate", dup.toString());
        assertClear(r);
        assertTrue(r.err().contains("dup.yaml:2:") && r.err().contains("dup.yaml:6:"), "both duplicate keys: " + r.err());
        r = Cli.run("validate", Cli.PRIMER.toString(), "--set", "relations.adversaries.99.actor=state",
                "--set", "actors.state.attention=7");
        assertClear(r);
        assertTrue(r.err().contains("index 99") && r.err().contains("actors.state.attention"), "both --set problems: " + r.err());
        r = Cli.run("compare", Cli.PRIMER.toString(), "--variant", "bad", "--variant", "ok=actors.state.attention=7", "--runs", "10");
        assertClear(r);
        assertTrue(r.err().contains("'bad'") && r.err().contains("actors.state.attention"), "the variant's and the value's problems: " + r.err());
    }

    @Test
    void anUnboundedPriorIsRefusedClearly() throws Exception {
        String priors = Files.readString(Path.of("scenarios/calibration/autumn-2024-priors.yaml"))
                .replace("../history/", Path.of("scenarios/history").toAbsolutePath() + "/")
                .replaceFirst("\\{uniform: \\[-0.5, 1.0\\]\\}", "{uniform: [-1e308, 1e308]}");
        Cli.Result r = Cli.run("calibrate", write("p.yaml", priors).toString(), "--particles", "4", "--out", dir.resolve("c").toString());
        assertClear(r);
        assertTrue(r.err().contains("finite"), r.err());
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void observedFiguresFromSpreadsheetsAndBadFilesAreReadOrRefusedClearly() throws Exception {
        Path targets = Path.of("scenarios/history/autumn-2024-targets.yaml");
        String history = Files.readString(targets).replace("../autumn-2024-iraq.yaml", Path.of("scenarios/autumn-2024-iraq.yaml").toAbsolutePath().toString());
        List<String> csvs = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\.\\./data/observed/[A-Za-z0-9_.-]+\\.csv)").matcher(history);
        while (m.find()) csvs.add(m.group(1));
        assertFalse(csvs.isEmpty());
        for (String c : csvs) {
            Path from = targets.getParent().resolve(c).normalize();
            Path to = dir.resolve("obs").resolve(from.getFileName());
            Files.createDirectories(to.getParent());
            // As Excel saves a UTF-8 CSV: with a byte order mark.
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            Files.write(to, concat(bom, Files.readAllBytes(from)));
            history = history.replace(c, to.toString());
        }
        Path h = write("h.yaml", history);
        Cli.Result r = Cli.run("validate", h.toString());
        assertEquals(0, r.code(), "a byte order mark is not part of the first column's name: " + r.all());

        Path first = dir.resolve("obs").resolve(Path.of(csvs.get(0)).getFileName());
        String csv = Files.readString(first);
        assertTrue(csv.contains("claims-after-nasrallah,"));
        Files.writeString(first, csv.replaceFirst("(claims-after-nasrallah,\"[^\"]*\"),40,", "$1,1e400,"));
        r = Cli.run("validate", h.toString());
        assertClear(r);
        assertTrue(r.err().contains("1e400"), "an infinite figure is refused: " + r.err());

        Files.write(first, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        r = Cli.run("validate", h.toString());
        assertClear(r);
        assertTrue(r.err().contains("UTF-8"), r.err());
        Files.delete(first);
        r = Cli.run("validate", h.toString());
        assertClear(r);
        assertTrue(r.err().contains("no such file"), r.err());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void masterSeedsAreDistinctAndPrintedAsGiven() throws Exception {
        Cli.Result r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "5", "--seed", "4294967297", "--out", dir.resolve("x").toString());
        assertClear(r);
        assertTrue(r.err().contains("--seed"), r.err());
        r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "5", "--seed", "4294967295", "--no-report", "--out", dir.resolve("y").toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("seed 4294967295"), r.out());
        r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "5", "--threads", "2147483647", "--out", dir.resolve("z").toString());
        assertClear(r);
        assertFalse(Files.exists(dir.resolve("z")));
    }

    @Test
    void aChainOfSixteenExtendsIsAllowedAndSeventeenIsNot() throws Exception {
        Files.copy(Cli.PRIMER, dir.resolve("f0.yaml"));
        for (int i = 1; i <= 17; i++) Files.writeString(dir.resolve("f" + i + ".yaml"), "extends: f" + (i - 1) + ".yaml\nname: f" + i + "\n");
        assertEquals(0, Cli.run("validate", dir.resolve("f16.yaml").toString()).code(), "16 extends, as documented");
        Cli.Result r = Cli.run("validate", dir.resolve("f17.yaml").toString());
        assertClear(r);
        assertTrue(r.err().contains("deeper than 16"), r.err());
    }

    @Test
    void theCommandLineIsConsistent() {
        for (String c : List.of("validate", "run", "batch", "compare", "bench", "history", "calibrate", "gui")) {
            Cli.Result help = Cli.run(c, "--help");
            assertEquals(0, help.code(), c);
            assertFalse(help.all().contains("WARN"), c + " --help: " + help.all());
            Cli.Result v = Cli.run(c, "-V");
            assertTrue(v.out().startsWith("escalation "), c + " -V prints the version: " + v.all());
        }
        Cli.Result bare = Cli.run();
        assertEquals(2, bare.code(), "no command is a usage error");
        assertTrue(Cli.run("--help").out().contains("Exit codes"), "the exit codes are listed");
    }

    @Test
    void validateKnowsEachFileKindByItsContent() throws Exception {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (var s = Files.walk(Path.of("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> args.add(p.toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("valid history check") && r.out().contains("valid calibration priors") && r.out().contains("valid experiment"), r.out());
        Path broken = write("t.yaml", Files.readString(Path.of("scenarios/history/autumn-2024-targets.yaml"))
                .replace("../autumn-2024-iraq.yaml", Path.of("scenarios/autumn-2024-iraq.yaml").toAbsolutePath().toString())
                .replace("../data/", Path.of("scenarios/data").toAbsolutePath() + "/")
                .replaceFirst("targets:", "targetz: 1\ntargets:"));
        r = Cli.run("validate", broken.toString());
        assertClear(r);
        assertTrue(r.err().contains("targetz") && !r.err().contains("calendar"), "checked as a history check, not a scenario: " + r.err());
    }

    @Test
    void noKeyIsAYaml11BooleanWord() throws Exception {
        String schema = Files.readString(Path.of("docs/scenario.schema.json"), StandardCharsets.UTF_8);
        for (String w : List.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                "FALSE", "on", "On", "ON", "off", "Off", "OFF")) {
            assertFalse(schema.contains("\"" + w + "\" : {") || schema.contains("\"" + w + "\": {"), "'" + w + "' is a key");
        }
        Cli.Result r = Cli.run("validate", write("old.yaml", Files.readString(Cli.AUTUMN).replace("restrained: [", "on: [")
                .replace("extends:", "#")).toString());
        assertClear(r);
        assertTrue(r.err().contains("'restrained'"), "the old key's message names the new one: " + r.err());
    }
}
