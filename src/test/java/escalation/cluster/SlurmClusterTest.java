package escalation.cluster;

import static escalation.cluster.Jobs.PRIMER;
import static escalation.cluster.Jobs.PRIMER_EXPERIMENT;
import static escalation.cluster.Jobs.SHORT;
import static escalation.cluster.Jobs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job folders of {@code escalation slurm}, submitted to a real Slurm: a single-node cluster started
 * on this machine ({@link LocalSlurm}). A 4-task array of a batch and of an experiment, merged by the
 * job that depends on the array, gives the bytes of the one-machine runs; a task killed mid-run is
 * submitted again, alone, by resubmit.sh, and the job completes with the same bytes. Skipped where
 * Slurm and munge are not installed (.ci/run installs them).
 */
@Tag("slurm")
class SlurmClusterTest {
    @TempDir
    static Path dir;

    private static LocalSlurm slurm;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @BeforeAll
    static void startCluster() throws Exception {
        List<String> missing = LocalSlurm.missing();
        Assumptions.assumeTrue(missing.isEmpty(), "Slurm is not installed (missing " + missing
                + "): install Debian's slurmctld slurmd slurm-client munge to run the cluster tests");
        slurm = LocalSlurm.start(dir.resolve("cluster"), 120);
    }

    @AfterAll
    static void stopCluster() {
        if (slurm != null) slurm.close();
    }

    /** Runs the job folder's script; fails with its output unless it succeeds. */
    private static String script(Path job, String name) {
        LocalSlurm.Run r = slurm.run("bash", job.resolve(name).toString());
        assertEquals(0, r.code(), name + " failed:\n" + r.out());
        return r.out();
    }

    private static String jobId(Path job, String which) throws Exception {
        return Files.readString(job.resolve(which + ".jobid")).trim();
    }

    /** Waits until the job's results are merged (bounded), failing with the queue and logs otherwise. */
    private static void awaitMerged(Path job, long seconds) throws Exception {
        Path m = job.resolve("results").resolve("manifest.json");
        slurm.await(() -> {
            // A merge whose array failed never starts: say so at once rather than wait out the bound.
            String queue = slurm.run("squeue", "-h", "-o", "%i %r").out();
            if (queue.contains("DependencyNeverSatisfied")) throw new AssertionError("a task failed:\n" + queue + logsOf(job) + slurm.logs());
            try {
                return Files.exists(m) && Files.readString(m).contains("\"complete\" : true");
            } catch (java.io.IOException e) {
                return false;
            }
        }, seconds, "the merged results of " + job);
    }

    private static String logsOf(Path job) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(job.resolve("logs"))) {
            for (Path f : s.sorted().toList()) b.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
        } catch (java.io.IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    @Test
    void aFourTaskArrayOfABatchMergesToTheBytesOfTheOneMachineBatch() throws Exception {
        Path job = dir.resolve("batch-job");
        ok("slurm", "batch", PRIMER, "--runs", 4000, "--seed", 11, "--set", SHORT, "--shards", 4, "--out", job, "--java", JAVA);
        String out = script(job, "submit.sh");
        assertTrue(out.contains("Submitted array job"), out);
        awaitMerged(job, 600);
        assertEquals(4, Files.list(job.resolve("logs")).filter(f -> f.getFileName().toString().startsWith("shard-")).count(),
                "one log per array task (%A_%a)");
        Path whole = dir.resolve("batch-whole");
        ok("batch", PRIMER, "--runs", 4000, "--seed", 11, "--set", SHORT, "--out", whole);
        Jobs.assertSameResults(whole, job.resolve("results"));
    }

    @Test
    void aFourTaskArrayOfAnExperimentMergesToTheBytesOfTheOneMachineExperiment() throws Exception {
        Path job = dir.resolve("experiment-job");
        ok("slurm", "experiment", PRIMER_EXPERIMENT, "--shards", 4, "--out", job, "--java", JAVA);
        script(job, "submit.sh");
        awaitMerged(job, 600);
        Path whole = dir.resolve("experiment-whole");
        ok("experiment", PRIMER_EXPERIMENT, "--out", whole);
        Jobs.assertSameResults(whole, job.resolve("results"));
    }

    @Test
    void aTaskKilledMidRunIsResubmittedAloneAndTheJobCompletes() throws Exception {
        Path job = dir.resolve("killed-job");
        long runs = 40_000;
        ok("slurm", "batch", PRIMER, "--runs", runs, "--seed", 12, "--shards", 4, "--out", job, "--java", JAVA);
        script(job, "submit.sh");
        String array = jobId(job, "array");
        Path shard = job.resolve("shards").resolve("shard-1");
        Path csv = shard.resolve("runs.csv");
        slurm.await(() -> {
            try {
                return Files.exists(shard.resolve(".checkpoint")) && Files.exists(csv) && Files.size(csv) > 100_000;
            } catch (java.io.IOException e) {
                return false;
            }
        }, 300, "task 1 to be running\n" + logsOf(job));
        assertEquals(0, slurm.run("scancel", array + "_1").code(), "task 1 is cancelled");
        slurm.await(() -> slurm.idle(array), 600, "the other tasks to end");
        assertFalse(Files.readString(shard.resolve("manifest.json")).contains("\"complete\" : true"), "the killed shard is unfinished");
        assertFalse(Files.exists(job.resolve("results").resolve("report.html")), "nothing is merged while a shard is missing");

        String again = script(job, "resubmit.sh");
        assertTrue(again.contains("resubmitted shards 1 as array job"), "only the killed shard is submitted again:\n" + again);
        String second = jobId(job, "array");
        awaitMerged(job, 600);
        try (Stream<Path> logs = Files.list(job.resolve("logs"))) {
            List<String> rerun = logs.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("shard-" + second + "_")).toList();
            assertEquals(List.of("shard-" + second + "_1.log"), rerun, "the second array ran task 1 alone");
        }
        assertTrue(Files.readString(job.resolve("logs").resolve("shard-" + second + "_1.log")).contains("resuming shard 1/4"),
                "the resubmitted task resumes from the killed one's checkpoint");
        Path whole = dir.resolve("killed-whole");
        ok("batch", PRIMER, "--runs", runs, "--seed", 12, "--out", whole);
        Jobs.assertSameResults(whole, job.resolve("results"));
    }
}
