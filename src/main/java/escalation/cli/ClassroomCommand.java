package escalation.cli;

import escalation.classroom.ClassSession;
import escalation.classroom.ClassroomServer;
import escalation.classroom.SessionLog;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation classroom FILE --play israel,kh}: students take actors' chairs from their browsers. */
@Command(name = "classroom", mixinStandardHelpOptions = true,
        description = {"Serves a crisis for a class to play from browsers.",
                "Starts a web server and prints the join address and code for students and the projector page for the "
                        + "instructor. Each played chair chooses once a turn; every other actor is run by its rules. The session "
                        + "log (session.json) is saved after every turn and the debrief (debrief.json) at the end, in a new folder "
                        + "under results/. With --replay, replays a saved session and prints the fingerprint of its final state."})
final class ClassroomCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "Scenario file (YAML) or shipped scenario name.")
    Path file;

    @Option(names = "--play", split = ",", paramLabel = "ACTOR", description = "The chairs open for play (actor ids, comma-separated).")
    List<String> play = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the session's run (default 1).")
    int seed;

    @Option(names = "--turn-days", paramLabel = "D", defaultValue = "7", description = "Days a turn covers (default 7).")
    int turnDays;

    @Option(names = "--timer", paramLabel = "S", defaultValue = "0", description = "Seconds a turn stays open (default 0: until everyone decides or the instructor closes it).")
    int timer;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1; the room's network address to let students in).")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port (default 8080; 0 for any free one).")
    int port;

    @Option(names = "--debrief-runs", paramLabel = "N", defaultValue = "1000", description = "Model runs the class is set against (default 1000).")
    int debriefRuns;

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/<time>-classroom/.")
    Path out;

    @Option(names = "--replay", paramLabel = "SESSION", description = "Replay a saved session.json instead of serving one.")
    Path replay;

    @Override public Integer call() throws Exception {
        ScenarioLoader.Resolved resolved;
        try {
            resolved = new ScenarioLoader().loadResolved(file, List.of());
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        Records.Scenario scenario = resolved.scenario();
        Theatre theatre = new Theatre(scenario);
        // The resolved scenario's hash: parents named by extends: count too.
        String hash = (String) Outputs.scenario(resolved, file, new com.fasterxml.jackson.databind.ObjectMapper()).get("sha256");
        if (replay != null) return replay(theatre, hash);
        List<String> problems = new ArrayList<>();
        for (String a : play) {
            if (!Arrays.asList(theatre.actorIds).contains(a)) problems.add("--play: no actor '" + a + "'; actors: " + String.join(", ", theatre.actorIds));
        }
        if (play.isEmpty()) problems.add("--play: name at least one chair, e.g. --play " + theatre.actorIds[0]);
        if (turnDays < 1 || turnDays > theatre.days) problems.add("--turn-days: from 1 to " + theatre.days);
        if (timer < 0 || timer > 3600) problems.add("--timer: from 0 to 3600 seconds");
        if (port < 0 || port > 65535) problems.add("--port: from 0 to 65535");
        if (debriefRuns < 1 || debriefRuns > 100_000) problems.add("--debrief-runs: from 1 to 100000");
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("escalation classroom: " + p));
            return EscalationCommand.INVALID;
        }
        ResultsFolder results;
        try {
            results = Outputs.newFolder(out, scenario.name(), "", "-classroom");
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
        try (Interruption.Listening stop = Interruption.listen(); ResultsFolder owned = results) {
            return serve(owned.path(), scenario, theatre, hash, stop);
        }
    }

    /**
     * Serves the session until Ctrl-C, SIGTERM or SIGHUP (or 10 minutes after the crisis ends). A stop
     * saves the log of every closed turn and closes the server; the folder's lock goes with the folder.
     * Exit code 0 once the crisis is over, {@link ExitCode#INTERRUPTED} when stopped before.
     */
    private int serve(Path folder, Records.Scenario scenario, Theatre theatre, String hash, Interruption.Listening stop) throws Exception {
        SessionLog log = new SessionLog(file.getFileName().toString(), hash, seed, play, turnDays);
        ClassSession session = new ClassSession(theatre, log);
        try (ClassroomServer server = new ClassroomServer(session, new InetSocketAddress(InetAddress.getByName(bind), port),
                folder, timer, debriefRuns)) {
            server.start();
            String host = server.address().getAddress().getHostAddress() + ":" + server.address().getPort();
            System.out.println(scenario.title() + ": a classroom session, seed " + seed + ", chairs " + String.join(", ", play));
            System.out.println("Students: open http://" + host + "/ and enter the join code " + server.joinCode());
            System.out.println("Projector: http://" + host + "/instructor?key=" + server.instructorKey());
            System.out.println("The session is saved in " + folder + "; stop with Ctrl-C.");
            System.out.flush();
            long closeAt = Long.MAX_VALUE;
            while (!stop.requested() && System.nanoTime() < closeAt) {
                if (closeAt == Long.MAX_VALUE && server.debrief() != null) {
                    System.out.println("The crisis is over; the debrief is in " + folder.resolve("debrief.json")
                            + ". The pages stay open for 10 minutes; stop with Ctrl-C.");
                    System.out.flush();
                    closeAt = System.nanoTime() + 600_000_000_000L;
                }
                Thread.sleep(100);
            }
            boolean over = server.debrief() != null;
            server.save();
            if (!over) {
                System.err.println("Stopped; the session's closed turns are saved in " + folder.resolve("session.json")
                        + " (replay them with --replay).");
            }
            return over ? ExitCode.OK : ExitCode.INTERRUPTED;
        }
    }

    private int replay(Theatre theatre, String hash) throws IOException {
        SessionLog saved;
        try {
            saved = SessionLog.read(replay);
        } catch (IOException e) {
            System.err.println("escalation classroom: " + replay + " is not a session log (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return EscalationCommand.INVALID;
        }
        if (!hash.equals(saved.scenarioSha256)) {
            System.err.println("escalation classroom: " + replay + " was played on another scenario (SHA-256 " + saved.scenarioSha256
                    + ", this file's is " + hash + ")");
            return EscalationCommand.INVALID;
        }
        ClassSession s = ClassSession.replay(theatre, saved);
        s.ticker().forEach(l -> System.out.println(l.text() + (l.reason() == null || l.reason().isEmpty() ? "" : "  Player: \"" + l.reason() + "\"")));
        System.out.println("Replayed " + saved.turns.size() + " turns to " + theatre.date(Math.min(s.day(), theatre.days - 1))
                + "; state fingerprint " + s.fingerprint());
        return 0;
    }

}
