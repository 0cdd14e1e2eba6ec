package escalation.hardening;

import escalation.cli.EscalationCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The command line, run in this process or in a child JVM, as a user would run it. */
final class Cli {
    static final Path PRIMER = Path.of("scenarios", "deterrence-primer.yaml");
    static final Path AUTUMN = Path.of("scenarios", "autumn-2024-iraq.yaml");

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() { }

    /** Runs the command in this process; standard output and error are captured. */
    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = EscalationCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Starts the command in a child JVM (its own process, its own signals); output goes to files in {@code logs}. */
    static Process start(Path logs, List<String> jvm, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EscalationCommand.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(logs.resolve("stdout.txt").toFile())
                .redirectError(logs.resolve("stderr.txt").toFile()).start();
    }

    static Process start(Path logs, String... args) throws IOException {
        return start(logs, List.of(), args);
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file under {@code root}, relative, sorted. */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Waits until {@code file} exists and holds at least {@code bytes} bytes, while {@code p} lives. */
    static void awaitSize(Process p, Path file, long bytes, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!(Files.exists(file) && Files.size(file) >= bytes)) {
            if (!p.isAlive()) throw new AssertionError("the process ended (code " + p.exitValue() + ") before " + file + " reached " + bytes + " bytes");
            if (System.currentTimeMillis() > deadline) throw new AssertionError(file + " did not reach " + bytes + " bytes in time");
            Thread.sleep(10);
        }
    }

    static String path(File f) {
        return f.toString();
    }
}
