package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.experiment.BatchRunner;
import escalation.experiment.Seeds;
import escalation.history.HistoryFile;
import escalation.history.Validation;
import escalation.io.FolderLock;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.slurm.Estimate;
import escalation.slurm.SlurmJob;
import escalation.study.Experiment;
import escalation.study.ExperimentFile;
import escalation.study.ExperimentModel;
import escalation.study.ScenarioModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation slurm batch|compare|history|experiment ...}: a ready-to-submit Slurm job folder that runs the command as N shards and merges them. */
@Command(name = "slurm", mixinStandardHelpOptions = true, subcommands = {SlurmCommand.BatchJob.class, SlurmCommand.CompareJob.class,
        SlurmCommand.HistoryJob.class, SlurmCommand.ExperimentJob.class},
        description = {"Writes a Slurm job folder that runs a batch, comparison, history check or experiment as an array of N shards and merges them.",
                "The folder holds array.sh (one task per shard, logs %A_%a), merge.sh (runs when every task has succeeded), "
                        + "submit.sh (submits both) and resubmit.sh (submits again only the shards that did not finish, then the "
                        + "merge). --time and --mem come from a quick bench of the scenario on this machine unless given. The merged "
                        + "results/ hold the bytes the command writes on one machine (see docs/cluster.md)."})
final class SlurmCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(System.err);
        return EscalationCommand.INVALID;
    }

    /** What every job asks of the cluster. */
    static final class Cluster {
        @Option(names = "--shards", paramLabel = "N", required = true, description = "Array tasks: the job is cut into N shards.")
        int shards;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The job folder to write (must not exist).")
        Path out;

        @Option(names = "--cpus", paramLabel = "C", defaultValue = "1", description = "CPUs per task, and its threads (default ${DEFAULT-VALUE}).")
        int cpus;

        @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (#SBATCH --partition).")
        String partition;

        @Option(names = "--account", paramLabel = "A", description = "Slurm account (#SBATCH --account).")
        String account;

        @Option(names = "--module", paramLabel = "M", description = "An environment module to load before Java, e.g. Java/17.")
        String module;

        @Option(names = "--time", paramLabel = "T", description = "A task's time limit (Slurm's form, e.g. 30, 1:30:00, 2-00:00:00); default from a bench.")
        String time;

        @Option(names = "--mem", paramLabel = "M", description = "A task's memory (e.g. 2G, 1500M); default from a bench.")
        String mem;

        @Option(names = "--java", paramLabel = "PATH", defaultValue = "java", description = "The java of the cluster's nodes (default ${DEFAULT-VALUE}, from PATH).")
        String javaPath;

        @Option(names = "--jar", paramLabel = "JAR", description = "The escalation jar the tasks run (default: this one), on a file system the nodes share.")
        Path jar;

        List<String> problems(long units, String what) {
            List<String> p = new ArrayList<>();
            if (shards < 1 || shards > escalation.cluster.Shard.MAX_COUNT) p.add("--shards must be in [1, " + escalation.cluster.Shard.MAX_COUNT + "]");
            else if (shards > units) p.add("--shards " + shards + ": more shards than the " + units + " " + what);
            p.addAll(Bounds.threads(cpus));
            if (time != null && !Estimate.validTime(time)) p.add("--time " + time + " is not a Slurm time (minutes, H:MM:SS or D-HH:MM:SS)");
            if (mem != null && Estimate.parseMemMb(mem) < 0) p.add("--mem " + mem + " is not a memory size (e.g. 2G or 1500M, at least 64M)");
            if (jar != null && !Files.isRegularFile(jar)) p.add("--jar " + jar + ": no such file");
            if (Files.exists(out)) p.add(out + " already exists; job folders are never overwritten");
            return p;
        }

        /** How the tasks start escalation: this jar (or these classes), by absolute path. */
        List<String> launcher() throws Exception {
            Path source = jar != null ? jar : Path.of(EscalationCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) return List.of(javaPath, "-jar", source.toAbsolutePath().normalize().toString());
            List<String> cp = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) cp.add(Path.of(e).toAbsolutePath().normalize().toString());
            return List.of(javaPath, "-cp", String.join(File.pathSeparator, cp), EscalationCommand.class.getName());
        }

        /** Writes the job folder; returns the exit code. */
        int write(String name, String kind, List<String> command, Bench bench, long unitsPerShard, long runsPerShard, long totalRuns)
                throws Exception {
            return write(name, kind, command, bench, unitsPerShard, runsPerShard, totalRuns, 0);
        }

        /** As the other {@code write}, for a merge that holds {@code mergeBytes} besides what it streams (a history check's statistics). */
        int write(String name, String kind, List<String> command, Bench bench, long unitsPerShard, long runsPerShard, long totalRuns,
                  long mergeBytes) throws Exception {
            int heap = Estimate.heapMb(bench.liveBytes(), cpus);
            int memMb = mem != null ? Estimate.parseMemMb(mem) : Estimate.memMb(heap);
            if (mem != null) heap = Math.max(256, memMb * 2 / 3 - 128);
            String taskTime = time != null ? time : Estimate.time(bench.secondsPerRun(), runsPerShard, cpus);
            // The merge streams the shards' rows: a small heap, time for reading every row twice.
            String mergeTime = Estimate.slurmTime(Math.max(1800, (long) Math.ceil(totalRuns * 20e-6 * Estimate.MARGIN) / 60 * 60 + 600));
            int mergeHeap = (int) Math.min(Integer.MAX_VALUE, Math.max(kind.equals("experiment") ? Math.max(1024, heap) : 512,
                    256 + mergeBytes * 3 / 2 / (1 << 20)));
            SlurmJob.Resources r = new SlurmJob.Resources(taskTime, memMb, heap, mergeTime, Estimate.memMb(mergeHeap), mergeHeap,
                    partition, account, module);
            Path dir = out.toAbsolutePath().normalize();
            SlurmJob job = new SlurmJob("escalation-" + ResultsFolder.safeName(name), dir, kind, shards, launcher(), command, cpus, r);
            try (ResultsFolder folder = ResultsFolder.createExactly(dir)) {
                Map<String, String> scripts = new LinkedHashMap<>();
                scripts.put(SlurmJob.ARRAY, job.arrayScript());
                scripts.put(SlurmJob.MERGE, job.mergeScript());
                scripts.put(SlurmJob.SUBMIT, job.submitScript());
                scripts.put(SlurmJob.RESUBMIT, job.resubmitScript());
                for (Map.Entry<String, String> s : scripts.entrySet()) {
                    Path p = folder.write(s.getKey(), s.getValue());
                    try {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: run the scripts with bash
                    }
                }
                Files.createDirectories(dir.resolve(SlurmJob.LOGS));
                Files.createDirectories(dir.resolve(SlurmJob.SHARDS));
                Map<String, Object> m = Outputs.manifest();
                m.put("kind", "slurm-job");
                m.put("job", kind);
                m.put("command", String.join(" ", command));
                m.put("shards", shards);
                m.put("units_per_shard", unitsPerShard);
                m.put("runs_per_shard", runsPerShard);
                m.put("bench_seconds_per_run", bench.secondsPerRun());
                m.put("bench_runs", bench.runs());
                m.put("time", taskTime);
                m.put("mem_mb", memMb);
                m.put("heap_mb", heap);
                m.put("launcher", job.launcher());
                Outputs.writeManifest(folder, m);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return Outputs.taken(e);
            } catch (FolderLock.Busy e) {
                System.err.println("escalation: " + e.getMessage());
                return ExitCode.BUSY;
            }
            String share = kind.equals("experiment") ? unitsPerShard + " design points (" + runsPerShard + " runs)" : runsPerShard + " runs";
            System.out.printf(java.util.Locale.ROOT, "Bench: %.4f s a run (%d runs on this machine); each task: at most %s, --time=%s --mem=%dM%n",
                    bench.secondsPerRun(), bench.runs(), share, taskTime, memMb);
            System.out.println("Wrote the job folder " + dir + ". Submit it with: " + dir.resolve(SlurmJob.SUBMIT));
            System.out.println("Shards that fail or are killed: " + dir.resolve(SlurmJob.RESUBMIT) + " submits only those again, then the merge; "
                    + "the results go to " + dir.resolve(SlurmJob.RESULTS));
            return 0;
        }
    }

    /** What a quick bench of one run measured. */
    record Bench(double secondsPerRun, int runs, long liveBytes) {
        /** Times runs (after one to warm up) for about a second and a half, or 200 runs. */
        static Bench of(ExperimentModel.Prepared model, long seed) throws Exception {
            model.run(Seeds.of(seed, 0));
            long start = System.nanoTime();
            int n = 0;
            while (n < 200 && (n < 3 || System.nanoTime() - start < 1_500_000_000L)) model.run(Seeds.of(seed, ++n));
            double perRun = (System.nanoTime() - start) / 1e9 / n;
            Runtime rt = Runtime.getRuntime();
            System.gc();
            return new Bench(perRun, n, rt.totalMemory() - rt.freeMemory());
        }
    }

    private static int refuse(List<String> problems) {
        problems.forEach(p -> System.err.println("escalation: " + p));
        return EscalationCommand.INVALID;
    }

    /** The runs, master seed and overrides of a job shared out by runs (a batch, a comparison, a history check). */
    static final class Replications {
        @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
                description = "Replications (of each variant, in a comparison; default ${DEFAULT-VALUE}).")
        long runs;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (of every variant, in a comparison; repeatable).")
        List<String> overrides = new ArrayList<>();

        /** What is wrong with these values for a command of at most {@code maxRuns} runs shared out over the cluster's shards. */
        List<String> problems(long maxRuns, Cluster cluster) {
            List<String> problems = new ArrayList<>(Bounds.runs(runs, maxRuns));
            problems.addAll(Bounds.masterSeed(seed));
            problems.addAll(cluster.problems(runs, "runs"));
            return problems;
        }

        List<String> runsAndSeed() {
            return List.of("--runs", Long.toString(runs), "--seed", Long.toString(seed));
        }

        List<String> sets() {
            List<String> out = new ArrayList<>();
            for (String o : overrides) out.addAll(List.of("--set", o));
            return out;
        }

        /** The runs of the largest shard. */
        long perShard(Cluster cluster) {
            return (runs + cluster.shards - 1) / cluster.shards;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Writes a Slurm job that runs `escalation batch FILE --runs N --seed S` as N shards and merges them.")
    static final class BatchJob implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "Scenario file (YAML) or shipped scenario name.")
        Path file;

        @Mixin
        Replications replications;

        @Option(names = "--precision", paramLabel = "H", defaultValue = "0.02", description = "As batch's --precision (default ${DEFAULT-VALUE}).")
        double precision;

        @Option(names = "--no-report", description = "Skip charts and report.html (tables only).")
        boolean noReport;

        @Mixin
        Cluster cluster;

        @Override public Integer call() throws Exception {
            List<String> problems = replications.problems(BatchCommand.MAX_RUNS, cluster);
            if (!(precision > 0 && precision < 0.5)) problems.add("--precision must be in (0, 0.5)");
            if (!problems.isEmpty()) return refuse(problems);
            Path abs = file.toAbsolutePath().normalize();
            ScenarioLoader.Resolved resolved;
            try {
                resolved = new ScenarioLoader().loadResolved(abs, replications.overrides);
            } catch (ScenarioException e) {
                return Outputs.invalid(abs, e);
            }
            Theatre theatre = new Theatre(resolved.scenario());
            BatchRunner.Replication model = BatchRunner.model(theatre);
            Bench bench = Bench.of(s -> {
                model.run(s);
                return null;
            }, replications.seed);
            List<String> command = new ArrayList<>(List.of("batch", abs.toString()));
            command.addAll(replications.runsAndSeed());
            command.addAll(replications.sets());
            if (precision != 0.02) command.addAll(List.of("--precision", Double.toString(precision)));
            if (noReport) command.add("--no-report");
            long perShard = replications.perShard(cluster);
            return cluster.write(resolved.scenario().name(), "batch", command, bench, perShard, perShard, replications.runs);
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Writes a Slurm job that runs `escalation compare FILE... --runs N --seed S` as N shards and merges them.")
    static final class CompareJob implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", converter = ScenarioArgument.class,
                description = "Scenario files (YAML) or shipped scenario names; the first is the baseline.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--variant", paramLabel = "NAME=PATH=VALUE[,PATH=VALUE...]", description = "A variant of the one FILE (repeatable), as compare's.")
        List<String> variants = new ArrayList<>();

        @Mixin
        Replications replications;

        @Option(names = "--no-report", description = "Skip charts and compare.html (tables only).")
        boolean noReport;

        @Mixin
        Cluster cluster;

        @Override public Integer call() throws Exception {
            List<String> problems = replications.problems(BatchCommand.MAX_RUNS, cluster);
            if (!problems.isEmpty()) return refuse(problems);
            CompareCommand c = new CompareCommand();
            c.files = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
            c.variants = variants;
            c.overrides = replications.overrides;
            CompareCommand.Prepared prepared = c.prepare();
            if (prepared == null) return EscalationCommand.INVALID;
            List<BatchRunner.Replication> models = prepared.theatres().stream().map(BatchRunner::model).toList();
            Bench bench = Bench.of(s -> {
                for (BatchRunner.Replication m : models) m.run(s);
                return null;
            }, replications.seed);
            List<String> command = new ArrayList<>(List.of("compare"));
            c.files.forEach(f -> command.add(f.toString()));
            for (String v : variants) command.addAll(List.of("--variant", v));
            command.addAll(replications.sets());
            command.addAll(replications.runsAndSeed());
            if (noReport) command.add("--no-report");
            long perShard = replications.perShard(cluster);
            return cluster.write("compare", "compare", command, bench, perShard, perShard, replications.runs * models.size());
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Writes a Slurm job that runs `escalation history FILE --runs N --seed S` as N shards and merges them.")
    static final class HistoryJob implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "History check (YAML) or shipped name.")
        Path file;

        @Mixin
        Replications replications;

        @Mixin
        Cluster cluster;

        @Override public Integer call() throws Exception {
            List<String> problems = replications.problems(HistoryCommand.MAX_RUNS, cluster);
            if (!problems.isEmpty()) return refuse(problems);
            Path abs = file.toAbsolutePath().normalize();
            HistoryFile h;
            try {
                h = HistoryFile.load(abs, replications.overrides);
            } catch (ScenarioException e) {
                return Outputs.invalid(abs, e);
            }
            Theatre theatre = new Theatre(h.scenario().scenario(), true);
            BatchRunner.Replication model = BatchRunner.model(theatre);
            Validation.Sampler sampler = new Validation.Sampler(theatre, h.targets(), h.weekly());
            Validation.Sample[] last = {Validation.Sample.FAILED};
            Bench bench = Bench.of(s -> {
                last[0] = sampler.of(model.run(s));
                return null;
            }, replications.seed);
            // The merge holds every run's statistics, as a check run whole does: a value a target and one a week.
            long perRun = 96 + 8L * (h.targets().size() + (last[0].weekly() == null ? 0 : last[0].weekly().length));
            List<String> command = new ArrayList<>(List.of("history", abs.toString()));
            command.addAll(replications.runsAndSeed());
            command.addAll(replications.sets());
            long perShard = replications.perShard(cluster);
            long runs = replications.runs;
            return cluster.write(h.scenario().scenario().name(), "history", command, bench, perShard, perShard, runs, runs * perRun);
        }
    }

    @Command(name = "experiment", mixinStandardHelpOptions = true,
            description = "Writes a Slurm job that runs `escalation experiment FILE` as N shards of its design points and merges them.")
    static final class ExperimentJob implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Experiment file (YAML).")
        Path file;

        @Option(names = "--no-report", description = "Skip charts and report.html (tables only).")
        boolean noReport;

        @Mixin
        Cluster cluster;

        @Override public Integer call() throws Exception {
            Path abs = file.toAbsolutePath().normalize();
            ExperimentFile f;
            try {
                f = ExperimentFile.load(abs);
            } catch (ScenarioException e) {
                return Outputs.invalid(abs, e);
            }
            Experiment e = Experiment.of(f);
            List<String> problems = cluster.problems(e.points(), "design points");
            if (!problems.isEmpty()) return refuse(problems);
            Bench bench = Bench.of(new ScenarioModel(f).at(e.unit(0), e.policy(0)), f.seed());
            List<String> command = new ArrayList<>(List.of("experiment", abs.toString()));
            if (noReport) command.add("--no-report");
            long perShard = (e.points() + cluster.shards - 1) / cluster.shards;
            return cluster.write(f.scenario().scenario().name(), "experiment", command, bench, perShard, perShard * e.replications(), e.runs());
        }
    }
}
