package escalation.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A single-node Slurm cluster on this machine, for tests: its own munge daemon (own key and socket),
 * slurmctld and slurmd, each started in the foreground as a child process, with the configuration,
 * state and logs under one folder; accounting off, {@code proctrack/linuxproc}, {@code task/none},
 * the node as {@code slurmd -C} finds it. {@link #close()} cancels every job of the cluster, waits for
 * the queue to empty, and stops each daemon by its process id.
 */
final class LocalSlurm implements AutoCloseable {
    static final List<String> BINARIES = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scancel");

    private final Path dir;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** The binaries Slurm needs that are not found on PATH (or in /usr/sbin). */
    static List<String> missing() {
        List<String> out = new ArrayList<>();
        for (String b : BINARIES) {
            if (which(b) == null) out.add(b);
        }
        return out;
    }

    static Path which(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Starts the cluster in {@code dir} and waits (at most {@code timeoutSeconds}) until its node is idle. */
    static LocalSlurm start(Path dir, long timeoutSeconds) throws Exception {
        LocalSlurm s = new LocalSlurm(dir);
        try {
            s.boot(timeoutSeconds);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private void boot(long timeoutSeconds) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        Path key = dir.resolve("munge.key");
        byte[] k = new byte[1024];
        new java.security.SecureRandom().nextBytes(k);
        Files.write(key, k);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path socket = dir.resolve("munge.socket");
        daemons.add(daemon(logs.resolve("munged.out"), which("munged").toString(), "--foreground", "--force",
                "--socket=" + socket, "--pid-file=" + dir.resolve("munged.pid"), "--key-file=" + key,
                "--seed-file=" + dir.resolve("munge.seed"), "--log-file=" + logs.resolve("munged.log")));
        await(() -> Files.exists(socket), 20, "munged to create its socket");

        String node = command(which("slurmd").toString(), "-C").lines().filter(l -> l.startsWith("NodeName=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("slurmd -C did not describe this node"));
        String name = node.split("\\s+")[0].substring("NodeName=".length());
        String user = System.getProperty("user.name");
        String text = String.join("\n",
                "ClusterName=escalationtest",
                "SlurmctldHost=" + name + "(127.0.0.1)",
                "SlurmUser=" + user,
                "SlurmdUser=" + user,
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket,
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + logs.resolve("slurmctld.log"),
                "SlurmdLogFile=" + logs.resolve("slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core_Memory",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "MpiDefault=none",
                "ReturnToService=2",
                "SchedulerType=sched/backfill",
                node + " NodeAddr=127.0.0.1 State=UNKNOWN",
                "PartitionName=test Nodes=" + name + " Default=YES MaxTime=INFINITE State=UP",
                "");
        Files.writeString(conf, text);
        daemons.add(daemon(logs.resolve("slurmctld.out"), which("slurmctld").toString(), "-D", "-i", "-f", conf.toString()));
        await(() -> run("sinfo", "-h").code() == 0, 30, "slurmctld to answer");
        daemons.add(daemon(logs.resolve("slurmd.out"), which("slurmd").toString(), "-D", "-f", conf.toString(), "-N", name));
        await(() -> run("sinfo", "-h", "-o", "%t").out().trim().startsWith("idle"), timeoutSeconds, "the node to be idle");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process daemon(Path log, String... cmd) throws IOException {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SLURM_CONF", conf.toString());
        return b.start();
    }

    record Run(int code, String out) { }

    /** Runs a Slurm client command (or a script) against this cluster, bounded to a minute. */
    Run run(String... cmd) {
        try {
            List<String> c = new ArrayList<>(List.of(cmd));
            Path found = which(c.get(0));
            if (found != null && !c.get(0).contains("/")) c.set(0, found.toString());
            ProcessBuilder b = new ProcessBuilder(c).redirectErrorStream(true);
            b.environment().putAll(env());
            Process p = b.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out: " + c);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, e.toString());
        }
    }

    /** What a client of this cluster needs in its environment. */
    Map<String, String> env() {
        return Map.of("SLURM_CONF", conf.toString());
    }

    private static String command(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Waits until {@code done}, polling; fails with the daemons' logs after {@code seconds}. */
    void await(BooleanSupplier done, long seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            for (Process d : daemons) {
                if (!d.isAlive()) throw new IllegalStateException("a Slurm daemon (" + d.info().command().orElse("?") + ") ended while waiting for "
                        + what + "\n" + logs());
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("waited " + seconds + " s for " + what + " in vain\n" + logs());
            Thread.sleep(250);
        }
    }

    /** The queue, and the end of each daemon's log, for a failure message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        b.append(run("squeue").out());
        try (var files = Files.list(dir.resolve("log"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                b.append("--- ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    /** True when the queue holds none of the jobs in {@code ids} (or any job, with no ids given). */
    boolean idle(String... ids) {
        Run r = ids.length == 0 ? run("squeue", "-h") : run("squeue", "-h", "-j", String.join(",", ids));
        return r.code() == 0 && r.out().isBlank();
    }

    @Override public void close() {
        try {
            if (daemons.size() == 3 && daemons.stream().allMatch(Process::isAlive)) {
                run("scancel", "--user=" + System.getProperty("user.name"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!idle() && System.nanoTime() < deadline) Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (int i = daemons.size() - 1; i >= 0; i--) stop(daemons.get(i));
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
