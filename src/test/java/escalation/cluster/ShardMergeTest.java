package escalation.cluster;

import static escalation.cluster.Jobs.PRIMER;
import static escalation.cluster.Jobs.PRIMER_EXPERIMENT;
import static escalation.cluster.Jobs.SHORT;
import static escalation.cluster.Jobs.merge;
import static escalation.cluster.Jobs.ok;
import static escalation.cluster.Jobs.refused;
import static escalation.cluster.Jobs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of a batch or an experiment, merged, give the files one machine writes for the whole job;
 * a merge that cannot give them (shards of different jobs, one missing, one twice, one unfinished or
 * damaged) is refused with exit code 2, says which shard and how to run it, and writes nothing.
 */
class ShardMergeTest {
    /** Runs the batch's shards K/N into dir/shard-K, K in the order given. */
    private static List<Path> batchShards(Path dir, int n, long runs, long seed, int... order) {
        List<Path> out = new ArrayList<>();
        for (int k : order) {
            Path d = dir.resolve("shard-" + k);
            ok("batch", PRIMER, "--runs", runs, "--seed", seed, "--set", SHORT, "--shard", k + "/" + n, "--threads", 1 + k % 2, "--out", d);
            out.add(d);
        }
        return out;
    }

    @Test
    void batchShardsMergeToTheBytesOfTheWholeBatchReportAndChartsIncluded(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        ok("batch", PRIMER, "--runs", 1001, "--seed", 5, "--set", SHORT, "--threads", 2, "--out", whole);
        // Uneven shards (1001 runs in 3), given out of order.
        List<Path> shards = batchShards(dir, 3, 1001, 5, 2, 0, 1);
        for (Path s : shards) assertFalse(Files.exists(s.resolve("report.html")), "a shard writes no statistics of its own");
        Path merged = dir.resolve("merged");
        ok(merge(merged, shards).toArray());
        Jobs.assertSameResults(whole, merged);
        assertTrue(Files.exists(merged.resolve("report.html")) && Files.exists(merged.resolve("charts")), "report and charts are there");
        assertEquals(1001, Files.lines(merged.resolve("runs.csv")).count() - 1, "every run once");
    }

    @Test
    void shardRangesCoverEveryRunOnceInOrder() {
        for (long total : new long[] {1, 7, 1000, 1_000_003}) {
            for (int n = 1; n <= Math.min(total, 70); n += 3) {
                long next = 0;
                for (int k = 0; k < n; k++) {
                    Shard s = new Shard(k, n);
                    assertEquals(next, s.from(total), "shard " + s + " starts where the one before ends");
                    long size = s.to(total) - s.from(total);
                    assertTrue(size == total / n || size == total / n + 1, "shards differ in size by at most one: " + size);
                    next = s.to(total);
                }
                assertEquals(total, next, "the shards of " + total + " cover every unit");
            }
        }
        assertEquals(2, run("batch", PRIMER, "--runs", 10, "--shard", "4/4", "--out", "x").code(), "K counts from 0 to N-1");
        assertEquals(2, run("batch", PRIMER, "--runs", 10, "--shard", "two", "--out", "x").code());
        assertEquals(2, run("batch", PRIMER, "--runs", 3, "--shard", "0/4", "--out", "x").code(), "more shards than runs");
        assertFalse(Files.exists(Path.of("x")));
    }

    @Test
    void experimentShardsMergeToTheBytesOfTheWholeExperiment(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        ok("experiment", PRIMER_EXPERIMENT, "--threads", 2, "--out", whole);
        List<Object> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged")));
        for (int k : new int[] {3, 1, 0, 2}) {
            ok("experiment", PRIMER_EXPERIMENT, "--shard", k + "/4", "--threads", 1 + k % 2, "--out", dir.resolve("e" + k));
            args.add(dir.resolve("e" + k));
        }
        ok(args.toArray());
        Jobs.assertSameResults(whole, dir.resolve("merged"));
    }

    @Test
    void shardsOfDifferentJobsAMissingOneOrOneTwiceAreRefused(@TempDir Path dir) throws Exception {
        List<Path> shards = batchShards(dir, 3, 90, 1, 0, 1, 2);
        Path out = dir.resolve("merged");
        Path other = dir.resolve("other");
        ok("batch", PRIMER, "--runs", 90, "--seed", 2, "--set", SHORT, "--shard", "1/3", "--out", other);
        refused(out, List.of(shards.get(0), other, shards.get(2)), other + " is a shard of another job", "seed: 2");
        Path changed = dir.resolve("changed");
        ok("batch", PRIMER, "--runs", 90, "--seed", 1, "--set", "calendar.end=2025-03-30", "--shard", "1/3", "--out", changed);
        refused(out, List.of(shards.get(0), changed, shards.get(2)), changed + " is a shard of another job", "scenario");
        Path ofFour = dir.resolve("of-four");
        ok("batch", PRIMER, "--runs", 90, "--seed", 1, "--set", SHORT, "--shard", "1/4", "--out", ofFour);
        refused(out, List.of(shards.get(0), ofFour, shards.get(2)), "of the same N");
        refused(out, List.of(shards.get(0), shards.get(2)), "shard 1/3 (runs 30 to 59) is missing",
                "run it with: escalation batch " + PRIMER + " --runs 90 --seed 1 --set " + SHORT + " --shard 1/3 --out " + dir.resolve("shard-1"));
        refused(out, List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2)), "shard 1/3 is given twice");
        Path experiment = dir.resolve("experiment");
        ok("experiment", PRIMER_EXPERIMENT, "--shard", "0/30", "--out", experiment);
        refused(out, List.of(shards.get(0), shards.get(1), experiment), "not shards of one job");
        refused(out, List.of(dir.resolve("nowhere")), "manifest.json is missing");
        Path whole = dir.resolve("whole");
        ok("batch", PRIMER, "--runs", 30, "--set", SHORT, "--out", whole);
        refused(out, List.of(whole), "not a shard");
        // The merge of the right shards still works after all this.
        ok(merge(out, shards).toArray());
    }

    @Test
    void aKilledShardIsRefusedAsIncompleteAndResumingItCompletesTheJob(@TempDir Path dir) throws Exception {
        long runs = 60_000;
        List<Path> shards = batchShards(dir, 3, runs, 4, 0, 2);
        Path killed = dir.resolve("shard-1");
        Jobs.killPartWay(killed, "runs.csv", 200_000, List.of("batch", PRIMER.toString(), "--runs", "" + runs, "--seed", "4", "--set", SHORT, "--shard", "1/3",
                "--threads", "1", "--out", killed.toString()));
        List<Path> all = List.of(shards.get(0), killed, shards.get(1));
        Path out = dir.resolve("merged");
        refused(out, all, killed + " (shard 1/3) is incomplete", "finish it with: escalation batch --resume " + killed);
        ok("batch", "--resume", killed, "--threads", 2);
        // A shard whose rows were changed after it finished is damaged, and refused.
        Path copy = dir.resolve("damaged");
        Files.createDirectories(copy);
        for (Path f : Jobs.files(shards.get(1))) Files.copy(shards.get(1).resolve(f), copy.resolve(f));
        try (RandomAccessFile f = new RandomAccessFile(copy.resolve("runs.csv").toFile(), "rw")) {
            f.seek(f.length() - 3);
            int b = f.read();
            f.seek(f.length() - 3);
            f.write(b == '1' ? '2' : '1');
        }
        refused(out, List.of(shards.get(0), killed, copy), copy + " (shard 2/3) is damaged", "rm -r " + copy);

        ok(merge(out, all).toArray());
        Path whole = dir.resolve("whole");
        ok("batch", PRIMER, "--runs", runs, "--seed", 4, "--set", SHORT, "--out", whole);
        Jobs.assertSameResults(whole, out);
    }

    @Test
    void anExperimentShardStoppedPartWayIsRefusedUntilResumed(@TempDir Path dir) throws Exception {
        List<Path> shards = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Path d = dir.resolve("e" + k);
            Jobs.Result r = run("experiment", PRIMER_EXPERIMENT, "--shard", k + "/2", "--out", d, "--no-report", "--stop-after", k == 1 ? 2 : 1000);
            assertEquals(k == 1 ? 130 : 0, r.code(), r.err());
            shards.add(d);
        }
        Path out = dir.resolve("merged");
        refused(out, shards, shards.get(1) + " (shard 1/2) is incomplete", "escalation experiment --resume " + shards.get(1));
        ok("experiment", "--resume", shards.get(1));
        ok(merge(out, shards).toArray());
        Path whole = dir.resolve("whole");
        ok("experiment", PRIMER_EXPERIMENT, "--out", whole, "--no-report");
        Jobs.assertSameResults(whole, out);
    }

    @Test
    void sixtyFourShardsMergeInASmallHeap(@TempDir Path dir) throws Exception {
        int n = 64;
        long runs = 64 * 150;
        List<String> cmd = Jobs.childJvm("-Xmx48m");
        cmd.addAll(List.of("merge", "--out", dir.resolve("merged").toString()));
        for (int k = 0; k < n; k++) {
            Path d = dir.resolve("s" + k);
            ok("batch", PRIMER, "--runs", runs, "--seed", 9, "--set", SHORT, "--shard", k + "/" + n, "--out", d, "--no-report");
            cmd.add(d.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("merge.log").toFile()).start();
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the merge ends");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("merge.log")));
        } finally {
            p.destroyForcibly();
        }
        Path whole = dir.resolve("whole");
        ok("batch", PRIMER, "--runs", runs, "--seed", 9, "--set", SHORT, "--out", whole, "--no-report");
        Jobs.assertSameResults(whole, dir.resolve("merged"));
    }
}
