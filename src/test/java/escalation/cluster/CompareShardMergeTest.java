package escalation.cluster;

import static escalation.cluster.Jobs.PRIMER;
import static escalation.cluster.Jobs.SHORT;
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
 * Shards of a comparison (common random numbers: run i of every variant with the seed it has in the
 * whole comparison), merged, give the files one machine writes for the whole comparison: every variant's
 * runs.csv and tables, comparison.csv, comparison-totals.csv (the paired differences' sums), charts and
 * compare.html. Shards of different comparisons, a missing one, one twice or an unfinished one are
 * refused with exit code 2, saying which and how to run it, and nothing is written.
 */
class CompareShardMergeTest {
    private static final String VARIANT = "reliable=actors.state.response.reliability=0.9";

    /** Runs the comparison's shards K/N into dir/shard-K, K in the order given. */
    private static List<Path> shards(Path dir, int n, long runs, long seed, int... order) {
        List<Path> out = new ArrayList<>();
        for (int k : order) {
            Path d = dir.resolve("shard-" + k);
            Jobs.Result r = ok("compare", PRIMER, "--variant", VARIANT, "--set", SHORT, "--runs", runs, "--seed", seed,
                    "--shard", k + "/" + n, "--threads", 1 + k % 2, "--out", d);
            assertTrue(r.out().contains("Wrote shard " + k + "/" + n), r.out());
            out.add(d);
        }
        return out;
    }

    @Test
    void comparisonShardsMergeToTheBytesOfTheWholeComparison(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        String table = ok("compare", PRIMER, "--variant", VARIANT, "--set", SHORT, "--runs", 1001, "--seed", 5, "--threads", 2,
                "--out", whole).out().split("Wrote ")[0];
        // Uneven shards (1001 runs in 4), given out of order.
        List<Path> shards = shards(dir, 4, 1001, 5, 2, 0, 3, 1);
        for (Path s : shards) {
            assertFalse(Files.exists(s.resolve("compare.html")) || Files.exists(s.resolve("comparison.csv")), "a shard writes no statistics of its own");
        }
        assertTrue(Files.readString(shards.get(0).resolve("variants/reliable/runs.csv")).lines().skip(1).findFirst().orElseThrow()
                .startsWith("500,"), "shard 2/4 runs the whole comparison's runs 500 to 749");
        Path merged = dir.resolve("merged");
        Jobs.Result r = ok(merge(merged, shards).toArray());
        Jobs.assertSameResults(whole, merged);
        assertTrue(Files.exists(merged.resolve("compare.html")) && Files.exists(merged.resolve("charts")), "report and charts are there");
        assertEquals(1001, Files.lines(merged.resolve("variants/baseline/runs.csv")).count() - 1, "every run once");
        assertTrue(r.out().startsWith(table), "the merge prints the comparison's table: " + r.out());
    }

    @Test
    void shardsOfDifferentComparisonsAMissingOneOneTwiceOrAKilledOneAreRefused(@TempDir Path dir) throws Exception {
        long runs = 30_000;
        List<Path> shards = shards(dir, 3, runs, 1, 0, 2);
        Path out = dir.resolve("merged");
        Path other = dir.resolve("other");
        ok("compare", PRIMER, "--variant", "reliable=actors.state.response.reliability=0.8", "--set", SHORT, "--runs", runs, "--seed", 1,
                "--shard", "1/3", "--out", other);
        refused(out, List.of(shards.get(0), other, shards.get(1)), other + " is a shard of another job");
        refused(out, List.of(shards.get(0), shards.get(1)), "shard 1/3 (runs 10000 to 19999) is missing",
                "run it with: escalation compare " + PRIMER + " --variant " + VARIANT + " --set " + SHORT + " --runs " + runs
                        + " --seed 1 --shard 1/3 --out " + dir.resolve("shard-1"));
        refused(out, List.of(shards.get(0), shards.get(0), shards.get(1)), "shard 0/3 is given twice");
        assertEquals(2, run("compare", PRIMER, "--variant", VARIANT, "--runs", 2, "--shard", "0/3", "--out", dir.resolve("x")).code(),
                "more shards than runs");
        assertFalse(Files.exists(dir.resolve("x")));
        Path tables = dir.resolve("tables-0");
        ok("compare", PRIMER, "--variant", VARIANT, "--set", SHORT, "--runs", 30, "--no-report", "--shard", "0/2", "--out", tables);
        refused(out, List.of(tables), "run it with: escalation compare " + PRIMER + " --variant " + VARIANT + " --set " + SHORT
                + " --runs 30 --seed 1 --no-report --shard 1/2 --out " + dir.resolve("shard-1"));

        Path killed = dir.resolve("shard-1");
        Jobs.killPartWay(killed, "variants/reliable/runs.csv", 100_000, List.of("compare", PRIMER.toString(), "--variant", VARIANT, "--set", SHORT, "--runs", "" + runs, "--seed", "1",
                "--shard", "1/3", "--threads", "1", "--out", killed.toString()));
        List<Path> all = List.of(shards.get(0), killed, shards.get(1));
        refused(out, all, killed + " (shard 1/3) is incomplete", "finish it with: escalation compare --resume " + killed);
        ok("compare", "--resume", killed, "--threads", 2);
        ok(merge(out, all).toArray());
        Path whole = dir.resolve("whole");
        ok("compare", PRIMER, "--variant", VARIANT, "--set", SHORT, "--runs", runs, "--seed", 1, "--out", whole, "--threads", 2);
        Jobs.assertSameResults(whole, out);
    }
}
