package escalation.cluster;

import static escalation.cluster.Jobs.APRIL;
import static escalation.cluster.Jobs.merge;
import static escalation.cluster.Jobs.ok;
import static escalation.cluster.Jobs.refused;
import static escalation.cluster.Jobs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of a history check, merged, give the files one machine writes for the whole check (runs.csv,
 * checks.csv, summary.json, charts and report: the quantiles over every run come out the same); shards of
 * different checks, a missing one, one twice, an unfinished one or an input changed since are refused with
 * exit code 2, saying which and how to run it, and nothing is written.
 */
class HistoryShardMergeTest {
    /** Runs the check's shards K/N into dir/shard-K, K in the order given. */
    private static List<Path> shards(Path dir, int n, long runs, long seed, int... order) {
        List<Path> out = new ArrayList<>();
        for (int k : order) {
            Path d = dir.resolve("shard-" + k);
            Jobs.Result r = ok("history", APRIL, "--runs", runs, "--seed", seed, "--shard", k + "/" + n, "--threads", 1 + k % 2, "--out", d);
            assertTrue(r.out().contains("Wrote shard " + k + "/" + n), r.out());
            out.add(d);
        }
        return out;
    }

    @Test
    void historyShardsMergeToTheBytesOfTheWholeCheck(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        String table = ok("history", APRIL, "--runs", 403, "--seed", 6, "--threads", 2, "--out", whole).out().split("Wrote ")[0];
        // Uneven shards (403 runs in 4), given out of order.
        List<Path> shards = shards(dir, 4, 403, 6, 3, 1, 0, 2);
        for (Path s : shards) {
            assertFalse(Files.exists(s.resolve("report.html")) || Files.exists(s.resolve("checks.csv")), "a shard writes no statistics of its own");
        }
        assertTrue(Files.readString(shards.get(0).resolve("runs.csv")).lines().skip(1).findFirst().orElseThrow().startsWith("302,"),
                "shard 3/4 runs the whole check's runs 302 to 402");
        Path merged = dir.resolve("merged");
        Jobs.Result r = ok(merge(merged, shards).toArray());
        Jobs.assertSameResults(whole, merged);
        assertTrue(Files.exists(merged.resolve("report.html")) && Files.exists(merged.resolve("charts")), "report and charts are there");
        assertEquals(403, Files.lines(merged.resolve("runs.csv")).count() - 1, "every run once");
        assertTrue(table.contains("403 runs") && r.out().startsWith(table), "the merge prints the check's table: " + r.out());
    }

    @Test
    void shardsOfDifferentChecksAMissingOneOrOneTwiceAreRefused(@TempDir Path dir) throws Exception {
        List<Path> shards = shards(dir, 3, 60, 1, 0, 1, 2);
        Path out = dir.resolve("merged");
        Path other = dir.resolve("other");
        ok("history", APRIL, "--runs", 60, "--seed", 2, "--shard", "1/3", "--out", other);
        refused(out, List.of(shards.get(0), other, shards.get(2)), other + " is a shard of another job", "seed: 2");
        Path changed = dir.resolve("changed");
        ok("history", APRIL, "--runs", 60, "--seed", 1, "--set", "calendar.end=2024-05-30", "--shard", "1/3", "--out", changed);
        refused(out, List.of(shards.get(0), changed, shards.get(2)), changed + " is a shard of another job");
        refused(out, List.of(shards.get(0), shards.get(2)), "shard 1/3 (runs 20 to 39) is missing",
                "run it with: escalation history " + APRIL + " --runs 60 --seed 1 --shard 1/3 --out " + dir.resolve("shard-1"));
        refused(out, List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2)), "shard 1/3 is given twice");
        Path batch = dir.resolve("batch");
        ok("batch", Jobs.PRIMER, "--runs", 60, "--set", Jobs.SHORT, "--shard", "1/3", "--out", batch);
        refused(out, List.of(shards.get(0), batch, shards.get(2)), "not shards of one job");
        assertEquals(2, run("history", APRIL, "--runs", 60, "--shard", "0/3", "--no-report").code(), "a shard writes a folder");
        assertEquals(2, run("history", APRIL, "--runs", 2, "--shard", "0/3", "--out", dir.resolve("x")).code(), "more shards than runs");
        assertFalse(Files.exists(dir.resolve("x")));
        // The merge of the right shards still works after all this.
        ok(merge(out, shards).toArray());
    }

    @Test
    void aKilledShardIsRefusedUntilResumedAndAChangedHistoryFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("april-targets.yaml");
        Files.writeString(file, Files.readString(APRIL)
                .replace("scenario: ", "scenario: " + APRIL.getParent() + "/").replace("observed: [", "observed: [" + APRIL.getParent() + "/"));
        long runs = 9000;
        List<Path> shards = new ArrayList<>();
        for (int k : new int[] {0, 2}) {
            Path d = dir.resolve("shard-" + k);
            ok("history", file, "--runs", runs, "--seed", 3, "--shard", k + "/3", "--out", d);
            shards.add(d);
        }
        Path killed = dir.resolve("shard-1");
        Jobs.killPartWay(killed, "runs.csv", 4000, List.of("history", file.toString(), "--runs", "" + runs, "--seed", "3", "--shard", "1/3", "--threads", "1",
                "--out", killed.toString()));
        List<Path> all = List.of(shards.get(0), killed, shards.get(1));
        Path out = dir.resolve("merged");
        refused(out, all, killed + " (shard 1/3) is incomplete", "finish it with: escalation history --resume " + killed);
        ok("history", "--resume", killed, "--threads", 2);
        String was = Files.readString(file);
        Files.writeString(file, was + "# edited\n");
        refused(out, all, "the history file " + file.toAbsolutePath() + " changed since the history check started");
        Files.writeString(file, was);

        ok(merge(out, all).toArray());
        Path whole = dir.resolve("whole");
        ok("history", file, "--runs", runs, "--seed", 3, "--out", whole);
        Jobs.assertSameResults(whole, out);
    }
}
