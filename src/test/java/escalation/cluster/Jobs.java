package escalation.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.cli.EscalationCommand;
import escalation.io.ManifestIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Commands run as a user runs them, and the comparison of a merged folder with a one-machine one. */
final class Jobs {
    static final Path AUTUMN = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toAbsolutePath();
    static final Path PRIMER = Scenarios.SHIPPED.resolve("deterrence-primer.yaml").toAbsolutePath();
    static final Path PRIMER_EXPERIMENT = Scenarios.SHIPPED.resolve("experiments").resolve("primer-one-at-a-time.yaml").toAbsolutePath();
    /** A horizon of three months for the primer: runs that take a fraction of a millisecond. */
    static final String SHORT = "calendar.end=2025-03-31";
    /** A history check of runs of a few weeks (the April 2024 exchange). */
    static final Path APRIL = Path.of("scenarios", "history", "april-2024-exchange-targets.yaml").toAbsolutePath();

    record Result(int code, String out, String err) { }

    private Jobs() { }

    /** Runs the command in this process, its output captured. */
    static synchronized Result run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) a[i] = args[i].toString();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = EscalationCommand.execute(a);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Runs the command; fails the test, with its error output, unless it succeeds. */
    static Result ok(Object... args) {
        Result r = run(args);
        assertEquals(0, r.code(), () -> "escalation " + List.of(args) + " failed:\n" + r.err());
        return r;
    }

    /** The arguments of {@code escalation merge --out OUT SHARD...}. */
    static List<Object> merge(Path out, List<Path> shards) {
        List<Object> args = new ArrayList<>(List.of("merge", "--out", out));
        args.addAll(shards);
        return args;
    }

    /** Asserts that the merge is refused with exit code 2, that its message holds each of {@code says}, and that nothing was written. */
    static void refused(Path out, List<Path> shards, String... says) {
        Result r = run(merge(out, shards).toArray());
        assertEquals(2, r.code(), r.err());
        for (String s : says) assertTrue(r.err().contains(s), "the message says '" + s + "':\n" + r.err());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertFalse(Files.exists(out), "nothing was written");
    }

    /** The command line that starts escalation in a child JVM with these JVM options. */
    static List<String> childJvm(String... jvm) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvm));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EscalationCommand.class.getName());
        return cmd;
    }

    /**
     * Runs {@code args} in a child JVM writing to {@code out}, and kills it (SIGKILL) once it has a checkpoint
     * and {@code table} under {@code out} holds more than {@code bytes}: a shard stopped part way.
     */
    static void killPartWay(Path out, String table, long bytes, List<String> args) throws Exception {
        List<String> cmd = childJvm();
        cmd.addAll(args);
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Path csv = out.resolve(table);
            while (!(Files.exists(out.resolve(".checkpoint")) && Files.exists(csv) && Files.size(csv) > bytes)) {
                assertTrue(p.isAlive(), "the shard ended before it could be killed: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "the shard did not start");
                Thread.sleep(20);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Every file under {@code root}, relative, sorted. */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /**
     * Asserts that {@code merged} holds the same files, byte for byte, as {@code whole}, the manifests
     * aside; and that the manifests agree on every field that says what the job is.
     */
    static void assertSameResults(Path whole, Path merged) throws Exception {
        List<Path> expected = files(whole);
        assertEquals(expected, files(merged), "the merged folder holds the same files");
        for (Path f : expected) {
            if (f.toString().equals("manifest.json")) continue;
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f + " is byte-identical");
        }
        assertEquals(ManifestIdentity.of(ManifestIdentity.read(whole.resolve("manifest.json"))),
                ManifestIdentity.of(ManifestIdentity.read(merged.resolve("manifest.json"))),
                "the manifests agree on what the job is");
    }
}
