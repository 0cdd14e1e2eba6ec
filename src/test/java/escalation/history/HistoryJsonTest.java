package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cli.EscalationCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --json}: one JSON object on standard output, the same as summary.json, agreeing with checks.csv. */
class HistoryJsonTest {
    @Test
    void printsOneJsonObjectThatAgreesWithChecksCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("h");
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EscalationCommand.execute("history", HistoryTest.TARGETS.toString(), "--runs", "50", "--seed", "3",
                    "--json", "--out", out.toString()));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String printed = stdout.toString(StandardCharsets.UTF_8);
        // Trailing text after the object (a table, a "Wrote" line) would fail the parse.
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(printed);
        assertEquals(printed, Files.readString(out.resolve("summary.json")), "summary.json holds what --json prints");
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("Wrote " + out), "the folder is still written, said on stderr");

        assertEquals("The Iraqi front, autumn 2024, against the record", json.get("title").asText());
        assertEquals("autumn-2024-iraq", json.get("scenario").asText());
        assertEquals(50, json.get("runs").asLong());
        assertEquals(3, json.get("seed").asLong());

        List<String> lines = Files.readAllLines(out.resolve("checks.csv"));
        List<String> header = ObservedFigures.cells(lines.get(0));
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(ObservedFigures::cells).toList();
        JsonNode targets = json.get("targets");
        assertEquals(rows.size(), targets.size());
        assertEquals(rows.size(), json.get("target_count").asInt());
        long covered = rows.stream().filter(r -> r.get(header.indexOf("covered")).equals("true")).count();
        long inside = rows.stream().filter(r -> r.get(header.indexOf("point_inside")).equals("true")).count();
        assertEquals(covered, json.get("covered").asLong());
        assertEquals(inside, json.get("points_inside").asLong());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            JsonNode t = targets.get(i);
            assertEquals(row.get(header.indexOf("target")), t.get("id").asText());
            assertEquals(row.get(header.indexOf("statistic")), t.get("statistic").asText());
            assertEquals(row.get(header.indexOf("covered")), t.get("covered").asText());
            assertEquals(row.get(header.indexOf("point_inside")), t.get("point_inside").asText());
            assertEquals(row.get(header.indexOf("sim_median")), t.get("text").get("median").asText());
            assertEquals(Double.parseDouble(row.get(header.indexOf("in_range_share"))), t.get("in_range_share").asDouble(), 1e-9);
            assertEquals(Double.parseDouble(row.get(header.indexOf("censored_share"))), t.get("censored_share").asDouble(), 1e-9);
            for (String key : List.of("observed", "observed_low", "observed_high", "median", "q05", "q95")) {
                assertTrue(t.has(key), key);
            }
        }
        JsonNode whole = json.get("whole_record");
        assertEquals(50, whole.get("runs").asLong());
        double share = whole.get("share").asDouble();
        assertEquals(whole.get("matching_runs").asLong() / 50.0, share, 1e-12);
        assertTrue(whole.get("interval_95").get(0).asDouble() <= share && share <= whole.get("interval_95").get(1).asDouble());
        double rarest = 1;
        for (JsonNode t : targets) rarest = Math.min(rarest, t.get("in_range_share").asDouble());
        assertTrue(share <= rarest, "the whole record is matched by no more runs than its rarest target");
    }
}
