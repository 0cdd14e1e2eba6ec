package escalation.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.Scenarios;
import escalation.cli.EscalationCommand;
import escalation.engine.EscalationSim;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark measures the runs a batch makes and counts what they draw; no speed is asserted here. */
class BenchmarkTest {
    private final Theatre theatre = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    @Test
    void countingTheDrawsDoesNotChangeTheRun() {
        for (int seed : Scenarios.seeds(3)) {
            RunRecord plain = Scenarios.run(theatre, seed);
            Benchmark.CountingTwister counting = new Benchmark.CountingTwister(seed);
            RunRecord counted = new EscalationSim(theatre, counting, null).runToEnd();
            assertArrayEquals(plain.dailyLevel, counted.dailyLevel);
            assertArrayEquals(plain.attacks, counted.attacks);
            assertArrayEquals(plain.intercepted, counted.intercepted);
            assertArrayEquals(plain.killed, counted.killed);
            // Every day draws at least the shock and the utility rules' opportunities; MASON's priming adds 1249.
            assertTrue(counting.draws > 1249 + theatre.days, "draws " + counting.draws);
            // The benchmark counts the days' draws only: the whole run's less its setup's, MASON's priming.
            Benchmark.Draws split = Benchmark.count(theatre, seed);
            assertEquals(1249, split.setup());
            assertEquals(counting.draws, split.setup() + Benchmark.draws(theatre, seed));
        }
    }

    @Test
    void measuresBothPassesAndTheFloorOverTheRunsAsked() throws InterruptedException {
        Benchmark.Result r = Benchmark.measure(theatre, new Benchmark.Settings(30, 10, 2, 1, 2));
        assertEquals(30, r.single().runs());
        assertEquals(1, r.single().threads());
        assertEquals(2, r.all().threads());
        assertEquals(30L * theatre.actors * theatre.days, r.all().actorDays());
        assertEquals(30, r.floor().countedRuns());
        long total = 0;
        for (int i = 0; i < 30; i++) total += Benchmark.draws(theatre, Seeds.of(1, i));
        assertEquals(total / 30.0, r.floor().drawsPerRun(), 1e-9);
        assertTrue(r.efficiency() > 0 && Double.isFinite(r.efficiency()));
        assertTrue(r.modelOverFloor() > 0 && Double.isFinite(r.modelOverFloor()));
        assertEquals(30, r.setup().runs());
        assertEquals(1249, r.floor().setupDrawsPerRun(), 1e-9);
        assertTrue(r.setupNanosPerRun() > 0 && r.modelNanosPerRun() > 0, r.setupNanosPerRun() + " " + r.modelNanosPerRun());
        assertEquals(r.runNanosPerRun(), r.setupNanosPerRun() + r.modelNanosPerRun(), 1e-6);
        assertEquals(r.modelNanosPerRun() / r.floor().drawingNanosPerRun(), r.modelOverFloor(), 1e-9);
    }

    /** A world in which nothing is left to chance: a scripted salvo that nothing intercepts and that kills no one. */
    private static final String NOTHING_RANDOM = """
            name: nothing-random
            calendar: {start: 2024-01-01, end: 2024-01-20}
            weapons:
              rocket: {name: rocket, killed: 0, injured: 0}
            actors:
              a:
                name: A
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100}}
                actions:
                  - {id: fire, rung: harassment, target: b, weapon: rocket, salvo: 5}
                rule:
                  kind: scripted
                  actions:
                    - {date: 2024-01-02, action: fire}
                    - {date: 2024-01-09, action: fire}
              b:
                name: B
                kind: state
                alignment: western
            relations:
              adversaries:
                - {actor: a, targets: [b]}
            """;

    @Test
    void theCountLeavesOutTheSetupsDraws(@TempDir Path dir) {
        Theatre quiet = Scenarios.fromYaml(dir, NOTHING_RANDOM);
        for (int seed : Scenarios.seeds(3)) {
            Benchmark.CountingTwister counting = new Benchmark.CountingTwister(seed);
            RunRecord r = new EscalationSim(quiet, counting, null).runToEnd();
            assertEquals(2, RunRecord.total(r.attacks), "the script ran");
            // Everything a plain counter sees is MASON's priming at setup; the model drew nothing.
            assertEquals(1249, counting.draws);
            assertEquals(0, Benchmark.draws(quiet, seed));
            assertEquals(new Benchmark.Draws(1249, 0), Benchmark.count(quiet, seed));
        }
    }

    @Test
    void jsonIsOneObjectOnStandardOutputWithTheFiguresPositive() throws Exception {
        String file = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = EscalationCommand.execute("bench", file, "--json", "--runs", "20", "--warmup", "5", "--rounds", "1",
                    "--threads", "2", "--days", "0");
        } finally {
            System.setOut(was);
        }
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json;
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            json = mapper.readTree(parser);
            assertNull(parser.nextToken(), "nothing follows the object on standard output");
        }
        assertTrue(json.isObject(), text);
        assertEquals("autumn-2024-iraq", json.get("scenario").asText());
        assertEquals(theatre.days, json.get("days").asInt());
        assertEquals(theatre.actors, json.get("actors").asInt());
        assertEquals(20, json.get("runs").asInt());
        assertEquals(2, json.get("threads").asInt());
        for (String key : List.of("runs_per_second_one_thread", "runs_per_second_all_threads", "cpu_ns_per_actor_day",
                "draws_per_run", "setup_draws_per_run", "floor_ns_per_run", "floor_seeding_ns_per_run", "run_ns_per_run",
                "model_ns_per_run", "setup_ns_per_run", "model_over_floor", "parallel_efficiency")) {
            assertTrue(json.has(key), "missing " + key + " in " + text);
            assertTrue(json.get(key).isNumber() && json.get(key).asDouble() > 0, key + " = " + json.get(key));
        }
        assertEquals(json.get("model_ns_per_run").asDouble() / json.get("floor_ns_per_run").asDouble(),
                json.get("model_over_floor").asDouble(), 1e-9);
        for (String key : List.of("load_average_start", "load_average_end")) {
            assertTrue(json.has(key), "missing " + key);
            // Null only where the platform gives no load average.
            assertTrue(json.get(key).isNull() || json.get(key).asDouble() >= 0, key + " = " + json.get(key));
        }
    }

    @Test
    void badSettingsAreRefusedWithExitCode2() {
        String file = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toString();
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--runs", "0"));
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--threads", "0"));
        assertEquals(EscalationCommand.INVALID, EscalationCommand.execute("bench", file, "--days", "10"));
    }
}
