package escalation.cluster;

import static escalation.cluster.Jobs.PRIMER;
import static escalation.cluster.Jobs.PRIMER_EXPERIMENT;
import static escalation.cluster.Jobs.ok;
import static escalation.cluster.Jobs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job folder `escalation slurm` writes: what the scripts ask of Slurm, and the refusals of bad options (without a cluster). */
class SlurmScriptsTest {
    @Test
    void theScriptsAskForAnArrayOfNTasksAndAMergeAfterIt(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job");
        String out = ok("slurm", "batch", PRIMER, "--runs", 1000, "--seed", 3, "--shards", 8, "--out", job, "--partition", "short",
                "--account", "proj42", "--module", "Java/17", "--cpus", 2).out();
        assertTrue(out.contains("Submit it with: " + job.toAbsolutePath().resolve("submit.sh")), out);
        String array = Files.readString(job.resolve("array.sh"));
        for (String line : List.of("#SBATCH --array=0-7", "#SBATCH --output=" + job.toAbsolutePath().resolve("logs") + "/shard-%A_%a.log",
                "#SBATCH --partition=short", "#SBATCH --account=proj42", "module load Java/17", "#SBATCH --cpus-per-task=2",
                "batch " + PRIMER + " --runs 1000 --seed 3 --shard \"$K/$N\"", "--resume \"$DIR\"")) {
            assertTrue(array.contains(line), "array.sh holds '" + line + "':\n" + array);
        }
        assertTrue(array.matches("(?s).*#SBATCH --time=\\d\\d:\\d\\d:00\n.*"), "a time from the bench:\n" + array);
        assertTrue(array.matches("(?s).*#SBATCH --mem=\\d+M\n.*"), "a memory from the bench:\n" + array);
        String submit = Files.readString(job.resolve("submit.sh"));
        assertTrue(submit.contains("--dependency=afterok:$array merge.sh"), submit);
        String merge = Files.readString(job.resolve("merge.sh"));
        assertTrue(merge.contains(" merge --out \"$JOB/results\""), merge);
        assertTrue(Files.readString(job.resolve("resubmit.sh")).contains("--array=\"$todo\""));
        for (String s : List.of("array.sh", "merge.sh", "submit.sh", "resubmit.sh")) {
            assertTrue(Files.isExecutable(job.resolve(s)), s + " is executable");
            Process p = new ProcessBuilder("bash", "-n", job.resolve(s).toString()).redirectErrorStream(true).start();
            String err = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), s + " is valid bash: " + err);
        }

        Path plain = dir.resolve("plain");
        ok("slurm", "experiment", PRIMER_EXPERIMENT, "--shards", 4, "--out", plain, "--time", "2:00:00", "--mem", "3G");
        String e = Files.readString(plain.resolve("array.sh"));
        assertTrue(e.contains("#SBATCH --time=2:00:00\n") && e.contains("#SBATCH --mem=3072M\n"), "given --time and --mem are kept:\n" + e);
        assertTrue(e.contains("experiment " + PRIMER_EXPERIMENT + " --shard"), e);
        assertFalse(e.contains("--partition") || e.contains("--account") || e.contains("module load"), "no site lines unless given");
    }

    /** Runs a job folder's tasks and merge as Slurm would (each task with its SLURM_ARRAY_TASK_ID), one after another, here. */
    private static void runTasksAndMerge(Path job, int n) throws Exception {
        for (int k = n - 1; k >= 0; k--) bash(job, "array.sh", Integer.toString(k));
        bash(job, "merge.sh", null);
    }

    private static void bash(Path job, String script, String task) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", job.resolve(script).toString()).redirectErrorStream(true)
                .redirectOutput(job.resolve(script + "-" + task + ".log").toFile());
        b.environment().remove("SLURM_ARRAY_TASK_ID");
        if (task != null) b.environment().put("SLURM_ARRAY_TASK_ID", task);
        Process p = b.start();
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " ends");
            assertEquals(0, p.exitValue(), script + " " + task + ": " + Files.readString(job.resolve(script + "-" + task + ".log")));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void comparisonAndHistoryJobsRunAsShardsAndMergeToTheOneMachineBytes(@TempDir Path dir) throws Exception {
        Path compare = dir.resolve("compare-job");
        String variant = "reliable=actors.state.response.reliability=0.9";
        ok("slurm", "compare", PRIMER, "--variant", variant, "--set", Jobs.SHORT, "--runs", 300, "--seed", 2, "--shards", 3,
                "--out", compare, "--time", "10", "--mem", "1G");
        String array = Files.readString(compare.resolve("array.sh"));
        assertTrue(array.contains("compare " + PRIMER + " --variant " + variant + " --set " + Jobs.SHORT + " --runs 300 --seed 2 --shard \"$K/$N\"")
                && array.contains("compare --resume \"$DIR\""), array);
        runTasksAndMerge(compare, 3);
        Path whole = dir.resolve("compare-whole");
        ok("compare", PRIMER, "--variant", variant, "--set", Jobs.SHORT, "--runs", 300, "--seed", 2, "--out", whole);
        Jobs.assertSameResults(whole, compare.resolve("results"));

        Path history = dir.resolve("history-job");
        ok("slurm", "history", Jobs.APRIL, "--runs", 120, "--seed", 4, "--shards", 4, "--out", history, "--time", "10", "--mem", "1G");
        String h = Files.readString(history.resolve("array.sh"));
        assertTrue(h.contains("history " + Jobs.APRIL + " --runs 120 --seed 4 --shard \"$K/$N\"") && h.contains("history --resume \"$DIR\""), h);
        runTasksAndMerge(history, 4);
        whole = dir.resolve("history-whole");
        ok("history", Jobs.APRIL, "--runs", 120, "--seed", 4, "--out", whole);
        Jobs.assertSameResults(whole, history.resolve("results"));
    }

    @Test
    void badOptionsAreRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job");
        for (List<Object> bad : List.<List<Object>>of(
                List.of("--shards", 0), List.of("--shards", 2000), List.of("--shards", 4, "--time", "soon"),
                List.of("--shards", 4, "--mem", "lots"), List.of("--shards", 4, "--cpus", 0))) {
            List<Object> args = new java.util.ArrayList<>(List.of("slurm", "batch", PRIMER, "--runs", 1000, "--out", job));
            args.addAll(bad);
            Jobs.Result r = run(args.toArray());
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("escalation: "), r.err());
            assertFalse(Files.exists(job), "nothing written for " + bad);
        }
        Files.createDirectories(job);
        assertEquals(2, run("slurm", "batch", PRIMER, "--shards", 2, "--out", job).code(), "an existing job folder is never overwritten");
        assertEquals(2, run("slurm", "batch", PRIMER, "--shards", 2, "--set", "actors.nobody.x=1", "--out", dir.resolve("j2")).code());
        assertFalse(Files.exists(dir.resolve("j2")));
    }
}
