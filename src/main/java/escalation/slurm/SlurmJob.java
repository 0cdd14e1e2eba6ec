package escalation.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slurm job of N shards of one batch, comparison, history check or experiment, and the scripts that run it: an array job with
 * one task per shard ({@code array.sh}), a merge job that waits for the whole array to succeed
 * ({@code merge.sh}), {@code submit.sh} that submits both, and {@code resubmit.sh} that submits again
 * only the shards that are not finished (failed, killed, timed out or never run), then the merge.
 * Nothing is assumed of the cluster beyond Slurm, bash and Java 17: partition, account and module
 * lines are written only when given. Every path in the scripts is absolute.
 *
 * @param name     the job's name in the queue
 * @param dir      the job folder (absolute): scripts, {@code shards/shard-K}, {@code logs/}, {@code results/}
 * @param kind     the command the shards run: "batch", "compare", "history" or "experiment"
 * @param shards   N, the number of array tasks
 * @param launcher how to start escalation: java, its options, and -jar JAR (or -cp ... main class)
 * @param command  the command and its arguments (after the launcher), without --shard and --out
 * @param cpus     CPUs per task (and the command's --threads)
 * @param resources the resources asked for
 */
public record SlurmJob(String name, Path dir, String kind, int shards, List<String> launcher, List<String> command, int cpus,
                       Resources resources) {
    public static final String ARRAY = "array.sh";
    public static final String MERGE = "merge.sh";
    public static final String SUBMIT = "submit.sh";
    public static final String RESUBMIT = "resubmit.sh";
    public static final String SHARDS = "shards";
    public static final String LOGS = "logs";
    public static final String RESULTS = "results";

    /** Time and memory of a shard task and of the merge, and the optional site lines. */
    public record Resources(String time, int memMb, int heapMb, String mergeTime, int mergeMemMb, int mergeHeapMb,
                            String partition, String account, String module) { }

    /** The array job: task K runs shard K/N, resumes it when an earlier try left a checkpoint, and skips it when finished. */
    public String arrayScript() {
        StringBuilder b = header(name, resources.time(), resources.memMb(), "shard-%A_%a.log");
        b.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        b.append("set -euo pipefail\n");
        module(b);
        b.append("K=\"${SLURM_ARRAY_TASK_ID:?this is a Slurm array job: submit it with ").append(dir.resolve(SUBMIT)).append("}\"\n");
        b.append("N=").append(shards).append('\n');
        b.append("DIR=").append(quote(dir.resolve(SHARDS).toString())).append("/shard-$K\n");
        b.append("THREADS=\"${SLURM_CPUS_PER_TASK:-").append(cpus).append("}\"\n");
        b.append("ESCALATION=(").append(join(launcher(resources.heapMb()))).append(")\n");
        b.append("if [ -f \"$DIR/manifest.json\" ] && grep -q '\"complete\" : true' \"$DIR/manifest.json\"; then\n");
        b.append("    echo \"shard $K/$N is already finished in $DIR\"\n    exit 0\nfi\n");
        b.append("# A folder without a checkpoint holds no finished run (a task killed while it started): it is started again.\n");
        b.append("if [ -d \"$DIR\" ] && [ ! -f \"$DIR/.checkpoint\" ]; then rm -rf -- \"$DIR\"; fi\n");
        b.append("if [ -f \"$DIR/.checkpoint\" ]; then\n");
        b.append("    echo \"resuming shard $K/$N in $DIR\"\n");
        b.append("    exec \"${ESCALATION[@]}\" ").append(kind).append(" --resume \"$DIR\" --threads \"$THREADS\"\nfi\n");
        b.append("exec \"${ESCALATION[@]}\" ").append(join(command)).append(" --shard \"$K/$N\" --out \"$DIR\" --threads \"$THREADS\"\n");
        return b.toString();
    }

    /** The merge job: joins the N shards into {@code results/}; a results folder left by a failed merge is made again. */
    public String mergeScript() {
        StringBuilder b = header(name + "-merge", resources.mergeTime(), resources.mergeMemMb(), "merge-%j.log");
        b.append("set -euo pipefail\n");
        module(b);
        b.append("JOB=").append(quote(dir.toString())).append('\n');
        b.append("N=").append(shards).append('\n');
        b.append("if [ -f \"$JOB/results/manifest.json\" ] && grep -q '\"complete\" : true' \"$JOB/results/manifest.json\"; then\n");
        b.append("    echo \"already merged into $JOB/results\"\n    exit 0\nfi\n");
        b.append("# A results folder without a complete manifest is what a merge that failed left: it is made again from the shards.\n");
        b.append("if [ -d \"$JOB/results\" ]; then rm -rf -- \"$JOB/results\"; fi\n");
        b.append("SHARDS=()\nfor ((k = 0; k < N; k++)); do SHARDS+=(\"$JOB/shards/shard-$k\"); done\n");
        b.append("exec ").append(join(launcher(resources.mergeHeapMb()))).append(" merge --out \"$JOB/results\" \"${SHARDS[@]}\"\n");
        return b.toString();
    }

    /** Submits the array, then the merge with {@code --dependency=afterok} on it; records both job ids. */
    public String submitScript() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# Submits the ").append(shards).append(" shards of ").append(kind).append(" '").append(name)
                .append("' as one array job, and the merge as a job that starts when every task has succeeded.\n");
        b.append("set -euo pipefail\ncd ").append(quote(dir.toString())).append('\n');
        b.append("mkdir -p logs shards\n");
        b.append("array=$(sbatch --parsable ").append(ARRAY).append(")\narray=${array%%;*}\n");
        b.append("merge=$(sbatch --parsable --dependency=afterok:$array ").append(MERGE).append(")\nmerge=${merge%%;*}\n");
        b.append("echo \"$array\" > array.jobid\necho \"$merge\" > merge.jobid\n");
        b.append("echo \"Submitted array job $array (").append(shards).append(" tasks) and merge job $merge; logs in ")
                .append(dir.resolve(LOGS)).append(", results in ").append(dir.resolve(RESULTS)).append("\"\n");
        b.append("echo \"If tasks fail or are killed: ").append(dir.resolve(RESUBMIT)).append("\"\n");
        return b.toString();
    }

    /**
     * Finds the shards that are not finished (no folder, or a manifest not marked complete: failed, killed,
     * timed out, never run) and submits an array of only those (each resumes from its checkpoint when it
     * has one), cancels the merge left waiting on the old array, and submits the merge again after them.
     */
    public String resubmitScript() {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# Submits again only the shards that did not finish, then the merge.\n");
        b.append("set -euo pipefail\ncd ").append(quote(dir.toString())).append('\n');
        b.append("N=").append(shards).append('\n');
        b.append("mkdir -p logs shards\n");
        b.append("if [ -f results/manifest.json ] && grep -q '\"complete\" : true' results/manifest.json; then\n");
        b.append("    echo \"the job is finished and merged: ").append(dir.resolve(RESULTS)).append("\"\n    exit 0\nfi\n");
        b.append("if [ -f array.jobid ] && [ -n \"$(squeue -h -j \"$(cat array.jobid)\" -o %i 2>/dev/null)\" ]; then\n");
        b.append("    echo \"array job $(cat array.jobid) still has tasks queued or running; wait for them (squeue -j $(cat array.jobid)), \""
                + " \"or cancel them (scancel $(cat array.jobid)), then run this again\" >&2\n    exit 1\nfi\n");
        b.append("todo=\"\"\nfor ((k = 0; k < N; k++)); do\n");
        b.append("    m=\"shards/shard-$k/manifest.json\"\n");
        b.append("    if ! { [ -f \"$m\" ] && grep -q '\"complete\" : true' \"$m\"; }; then todo=\"$todo${todo:+,}$k\"; fi\ndone\n");
        b.append("if [ -f merge.jobid ]; then scancel \"$(cat merge.jobid)\" 2>/dev/null || true; fi\n");
        b.append("if [ -z \"$todo\" ]; then\n");
        b.append("    echo \"every shard is finished; submitting the merge alone\"\n");
        b.append("    merge=$(sbatch --parsable ").append(MERGE).append(")\nelse\n");
        b.append("    array=$(sbatch --parsable --array=\"$todo\" ").append(ARRAY).append(")\n    array=${array%%;*}\n");
        b.append("    echo \"$array\" > array.jobid\n");
        b.append("    merge=$(sbatch --parsable --dependency=afterok:$array ").append(MERGE).append(")\n");
        b.append("    echo \"resubmitted shards $todo as array job $array\"\nfi\n");
        b.append("merge=${merge%%;*}\necho \"$merge\" > merge.jobid\necho \"merge job $merge\"\n");
        return b.toString();
    }

    private StringBuilder header(String jobName, String time, int memMb, String log) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(jobName).append('\n');
        b.append("#SBATCH --output=").append(dir.resolve(LOGS).resolve(log)).append('\n');
        b.append("#SBATCH --time=").append(time).append('\n');
        b.append("#SBATCH --mem=").append(memMb).append("M\n");
        b.append("#SBATCH --ntasks=1\n");
        if (resources.partition() != null) b.append("#SBATCH --partition=").append(resources.partition()).append('\n');
        if (resources.account() != null) b.append("#SBATCH --account=").append(resources.account()).append('\n');
        return b;
    }

    private void module(StringBuilder b) {
        // Module scripts of some sites read unset variables: loaded with -u off.
        if (resources.module() != null) b.append("set +u\nmodule load ").append(quote(resources.module())).append("\nset -u\n");
    }

    private List<String> launcher(int heapMb) {
        List<String> l = new ArrayList<>();
        l.add(launcher.get(0));
        l.add("-Xmx" + heapMb + "m");
        l.addAll(launcher.subList(1, launcher.size()));
        return l;
    }

    private static String join(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) b.append(b.length() == 0 ? "" : " ").append(quote(a));
        return b.toString();
    }

    /** A word for bash: as it is when plain, else in single quotes. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./=:,+@%-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
