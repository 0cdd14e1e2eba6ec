package escalation.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import escalation.model.Theatre;
import escalation.model.World;
import escalation.scenario.Records;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@link ClassSession} to a room: the JDK's HTTP server, JSON requests, and server-sent events
 * that tell every page when the session moved. Students join with the join code and a chair the
 * instructor opened; each gets a token that acts for its chair alone. The instructor's key (printed on
 * the console, never served) closes turns, sets the timer, moves levers, fires shocks, rewinds and
 * ends the session. Every request is bounded ({@link #MAX_BODY} bytes, typed fields, known options) and a
 * refused one gets a 4xx answer with the reason while the session goes on. Nothing a client sends names a
 * file or a scenario. The log is saved after every turn; the debrief is computed once, at the end.
 */
public final class ClassroomServer implements AutoCloseable {
    public static final int MAX_BODY = 4096;
    /** A chair whose page has been gone this long may be taken by a new client with the join code. */
    static final long DROPPED_AFTER_MS = 10_000;
    /** How often an event stream with nothing to say writes a comment. */
    static final long HEARTBEAT_MS = 2_000;
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ClassSession session;
    private final Path folder;
    private final int debriefRuns;
    private final HttpServer http;
    /** Each open event stream holds a worker: a room's pages, with as many left for their requests. */
    static final int MAX_STREAMS = 150;
    private final ExecutorService workers = Executors.newFixedThreadPool(2 * MAX_STREAMS);
    private int streams;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom secure = new SecureRandom();
    private final String joinCode;
    private final String instructorKey;
    private final Object lock = new Object();
    /** Per chair, its client; tokens are the clients' secrets. */
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final Map<String, Seat> byToken = new HashMap<>();
    private long version;
    private int turnSeconds;
    private ScheduledFuture<?> turnTimer;
    private long turnDeadline;
    private Debrief.Result debrief;
    /** Previews by chair, good while the session's {@link #version} is {@link #previewedAt}. */
    private final Map<String, ClassSession.Preview> previews = new HashMap<>();
    private long previewedAt = -1;
    private ProjectorMap.Geometry map;
    private boolean mapDone;

    private static final class Seat {
        final String actor;
        String token;
        String name;
        int streams;
        /** True once its last event stream closed, until it opens another: its page is gone. */
        boolean gone;
        /** When its client was last heard from (a request, or its event stream closing). */
        long lastSeen;

        Seat(String actor) {
            this.actor = actor;
        }
    }

    public ClassroomServer(ClassSession session, InetSocketAddress bind, Path folder, int turnSeconds, int debriefRuns) throws IOException {
        this.session = session;
        this.folder = folder;
        this.turnSeconds = turnSeconds;
        this.debriefRuns = debriefRuns;
        joinCode = random(6);
        instructorKey = random(20);
        for (String a : session.log().played) seats.put(a, new Seat(a));
        http = HttpServer.create(bind, 64);
        http.setExecutor(workers);
        http.createContext("/", this::page);
        http.createContext("/api/join", e -> api(e, this::join));
        http.createContext("/api/choose", e -> api(e, this::choose));
        http.createContext("/api/instructor", e -> api(e, this::instruct));
        http.createContext("/api/state", e -> get(e, this::state));
        http.createContext("/api/chairs", e -> get(e, q -> chairs()));
        http.createContext("/api/preview", e -> get(e, this::preview));
        http.createContext("/api/map", e -> get(e, q -> map()));
        http.createContext("/api/events", this::events);
    }

    /**
     * Saves the empty session log, so that the folder holds one from the start, and runs a first turn on a
     * copy of the run (a preview, which leaves the session untouched) and builds the views once, so that
     * the first turn the room plays is not also the first the program runs; then starts serving.
     */
    public void start() {
        synchronized (lock) {
            saveLog();
            if (!session.log().played.isEmpty()) session.preview(session.log().played.get(0));
            try {
                json.writeValueAsBytes(state(Map.of("key", instructorKey)));
            } catch (IOException | Refused e) {
                throw new IllegalStateException(e);
            }
            armTimer();
        }
        http.start();
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    public String joinCode() {
        return joinCode;
    }

    public String instructorKey() {
        return instructorKey;
    }

    /** Saves the session log (the closed turns) as session.json in the session's folder, as after every turn. */
    public void save() {
        synchronized (lock) {
            saveLog();
        }
    }

    private void saveLog() {
        try {
            session.log().save(folder.resolve("session.json"));
        } catch (IOException e) {
            System.err.println("cannot save the session log in " + folder + ": " + e.getMessage());
        }
    }

    /** The fingerprint of the session's model state now (see {@link ClassSession#fingerprint}). */
    public String fingerprint() {
        synchronized (lock) {
            return session.fingerprint();
        }
    }

    /** True once the chair has chosen for this turn, or the turn has closed. */
    public boolean decided(String actor, int turn) {
        synchronized (lock) {
            return session.turn() > turn || session.turn() == turn && session.hasChosen(actor);
        }
    }

    /** The debrief, once the session is over; null before. */
    public Debrief.Result debrief() {
        synchronized (lock) {
            return debrief;
        }
    }

    private String random(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(CODE_LETTERS.charAt(secure.nextInt(CODE_LETTERS.length())));
        return b.toString();
    }

    // ------------------------------------------------------------------ requests

    /** A refusal: the status and the reason the client is told. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private interface Handler {
        Object handle(JsonNode body) throws Refused;
    }

    private interface Getter {
        Object handle(Map<String, String> query) throws Refused;
    }

    private void api(HttpExchange e, Handler h) throws IOException {
        try {
            if (!e.getRequestMethod().equals("POST")) throw new Refused(405, "POST only");
            JsonNode body = readBody(e);
            Object answer;
            synchronized (lock) {
                answer = h.handle(body);
            }
            send(e, 200, json.writeValueAsBytes(answer), "application/json");
        } catch (Refused r) {
            refuse(e, r);
        } finally {
            e.close();
        }
    }

    private void get(HttpExchange e, Getter g) throws IOException {
        try {
            Object answer;
            synchronized (lock) {
                answer = g.handle(query(e.getRequestURI()));
            }
            send(e, 200, json.writeValueAsBytes(answer), "application/json");
        } catch (Refused r) {
            refuse(e, r);
        } finally {
            e.close();
        }
    }

    private void refuse(HttpExchange e, Refused r) throws IOException {
        ObjectNode o = json.createObjectNode().put("error", r.getMessage());
        send(e, r.status, json.writeValueAsBytes(o), "application/json");
    }

    private JsonNode readBody(HttpExchange e) throws IOException, Refused {
        InputStream in = e.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            // Read (a bounded part of) the rest, so that the client hears the refusal rather than a reset.
            byte[] sink = new byte[8192];
            for (int read = 0, n; read < (1 << 20) && (n = in.read(sink)) > 0; read += n) { }
            throw new Refused(413, "a message is at most " + MAX_BODY + " bytes");
        }
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) throw new Refused(400, "expected a JSON object");
            return n;
        } catch (IOException bad) {
            throw new Refused(400, "not JSON: expected a JSON object");
        }
    }

    private static String text(JsonNode body, String field, int max) throws Refused {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new Refused(400, "'" + field + "' must be text");
        if (v.asText().length() > max) throw new Refused(400, "'" + field + "' is at most " + max + " characters");
        return v.asText();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return q;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) q.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private void send(HttpExchange e, int status, byte[] body, String type) throws IOException {
        e.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        e.getResponseHeaders().set("Cache-Control", "no-store");
        e.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    // ------------------------------------------------------------------ students

    private Object join(JsonNode body) throws Refused {
        if (!joinCode.equals(text(body, "code", 16))) throw new Refused(403, "wrong join code");
        String actor = text(body, "actor", 64);
        Seat seat = actor == null ? null : seats.get(actor);
        if (seat == null) throw new Refused(404, "that chair is not open for play; open: " + String.join(", ", seats.keySet()));
        String token = text(body, "token", 64);
        String name = ClassSession.clean(text(body, "name", 64));
        boolean rejoin = token != null && token.equals(seat.token);
        boolean free = seat.token == null
                || (seat.streams == 0 && System.currentTimeMillis() - seat.lastSeen > DROPPED_AFTER_MS);
        if (!rejoin && !free) throw new Refused(409, "that chair is taken");
        if (!rejoin) {
            if (seat.token != null) byToken.remove(seat.token);
            seat.token = random(24);
            byToken.put(seat.token, seat);
        }
        seat.name = name.isEmpty() ? actor : name;
        seat.lastSeen = System.currentTimeMillis();
        seat.gone = false;
        changed();
        return Map.of("token", seat.token, "actor", actor, "name", seat.name);
    }

    private Seat seat(String token) throws Refused {
        Seat s = token == null ? null : byToken.get(token);
        if (s == null) throw new Refused(403, "unknown token: join first");
        s.lastSeen = System.currentTimeMillis();
        return s;
    }

    private Object choose(JsonNode body) throws Refused {
        Seat s = seat(text(body, "token", 64));
        JsonNode turn = body.get("turn");
        if (turn == null || !turn.isInt()) throw new Refused(400, "'turn' must be a whole number");
        String refused = session.choose(s.actor, turn.asInt(), text(body, "option", 64), text(body, "reason", 1000));
        if (refused != null) throw new Refused(409, refused);
        changed();
        if (everyoneChose()) closeTurn();
        return Map.of("ok", true, "turn", session.turn());
    }

    /** True when every chair whose page is open has chosen (a chair whose page is gone is the model's until it comes back). */
    private boolean everyoneChose() {
        boolean anyone = false;
        for (Seat s : seats.values()) {
            if (s.token == null || s.gone) continue;
            anyone = true;
            if (!session.hasChosen(s.actor)) return false;
        }
        return anyone;
    }

    // ------------------------------------------------------------------ instructor

    private Object instruct(JsonNode body) throws Refused {
        if (!instructorKey.equals(text(body, "key", 64))) throw new Refused(403, "wrong instructor key");
        String command = text(body, "command", 32);
        if (command == null) throw new Refused(400, "'command' is missing");
        JsonNode value = body.get("value");
        switch (command) {
            case "close" -> closeTurn();
            case "timer" -> {
                if (value == null || !value.isInt() || value.asInt() < 0 || value.asInt() > 3600) {
                    throw new Refused(400, "'value' must be seconds from 0 (no timer) to 3600");
                }
                turnSeconds = value.asInt();
                armTimer();
            }
            case "lever", "shock" -> {
                JsonNode index = body.get("index");
                if (index == null || !index.isInt()) throw new Refused(400, "'index' must be a whole number");
                String r = command.equals("lever")
                        ? (value == null || !value.isNumber() ? "'value' must be a number" : session.lever(index.asInt(), value.asDouble()))
                        : session.shock(index.asInt());
                if (r != null) throw new Refused(409, r);
            }
            case "rewind" -> {
                if (value == null || !value.isInt() || value.asInt() < 0 || value.asInt() > session.turn()) {
                    throw new Refused(400, "'value' must be a turn from 0 to " + session.turn());
                }
                session.rewind(value.asInt());
                debrief = null;
                armTimer();
            }
            case "finish" -> {
                while (!session.finished()) closeTurn();
            }
            default -> throw new Refused(400, "unknown command '" + command + "'; expected close, timer, lever, shock, rewind or finish");
        }
        changed();
        return Map.of("ok", true, "turn", session.turn());
    }

    /** Closes the open turn (held under the lock): runs it, saves the log, and debriefs once the calendar ends. */
    private void closeTurn() {
        if (session.finished()) return;
        session.closeTurn();
        saveLog();
        if (session.finished()) {
            try {
                debrief = Debrief.of(session, debriefRuns, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
                java.nio.file.Files.write(folder.resolve("debrief.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(debrief));
            } catch (Exception e) {
                System.err.println("cannot write the debrief in " + folder + ": " + e.getMessage());
            }
        }
        armTimer();
        changed();
    }

    private void armTimer() {
        if (turnTimer != null) turnTimer.cancel(false);
        turnTimer = null;
        turnDeadline = 0;
        if (turnSeconds <= 0 || session.finished()) return;
        int turnAtStart = session.turn();
        turnDeadline = System.currentTimeMillis() + turnSeconds * 1000L;
        turnTimer = timer.schedule(() -> {
            synchronized (lock) {
                if (session.turn() == turnAtStart) closeTurn();
            }
        }, turnSeconds, TimeUnit.SECONDS);
    }

    private void changed() {
        version++;
        lock.notifyAll();
    }

    // ------------------------------------------------------------------ views

    private Object state(Map<String, String> q) throws Refused {
        boolean instructor = instructorKey.equals(q.get("key"));
        Seat seat = instructor ? null : seat(q.get("token"));
        Theatre t = session.theatre();
        World w = session.world();
        ObjectNode o = json.createObjectNode();
        o.put("version", version).put("title", t.scenario.title()).put("turn", session.turn()).put("day", session.day())
                .put("days", t.days).put("turn_days", session.log().turnDays).put("finished", session.finished())
                .put("date", t.date(Math.min(session.day(), t.days - 1)).toString())
                .put("level", w.level()).put("level_name", w.level() == 0 ? "none" : t.rungNames[w.level() - 1])
                .put("seconds_left", turnDeadline == 0 ? -1 : Math.max(0, (turnDeadline - System.currentTimeMillis()) / 1000));
        ArrayNode chairs = o.putArray("chairs");
        for (Seat s : seats.values()) {
            chairs.addObject().put("actor", s.actor).put("name", t.actorNames[session.index(s.actor)])
                    .put("player", s.token == null ? null : s.name).put("connected", s.streams > 0)
                    .put("chosen", session.hasChosen(s.actor));
        }
        ArrayNode levels = o.putArray("levels");
        for (int d = 0; d < session.day() && d < t.days; d++) levels.add(session.record().dailyLevel[d]);
        ArrayNode rungs = o.putArray("rungs");
        for (String r : t.rungNames) rungs.add(r);
        ArrayNode ticker = o.putArray("ticker");
        List<ClassSession.Line> lines = session.ticker();
        for (int k = Math.max(0, lines.size() - 40); k < lines.size(); k++) {
            ClassSession.Line l = lines.get(k);
            ticker.addObject().put("date", l.date()).put("text", l.text()).put("reason", l.reason());
        }
        if (instructor) {
            o.put("join_code", joinCode);
            ArrayNode strikes = o.putArray("strikes");
            for (ClassSession.Strike k : session.strikes()) {
                strikes.addObject().put("day", k.day()).put("actor", t.actorIds[k.actor()]).put("target", t.actorIds[k.target()])
                        .put("rung", k.rung()).put("hit", k.hit()).put("killed", k.killed());
            }
            ArrayNode levers = o.putArray("levers");
            List<Records.Lever> ls = t.scenario.classroom().levers();
            for (int k = 0; k < ls.size(); k++) {
                Records.Lever l = ls.get(k);
                levers.addObject().put("name", l.name()).put("min", l.min()).put("max", l.max()).put("step", l.step())
                        .put("value", session.leverValue(k)).put("meaning", l.meaning());
            }
            ArrayNode shocks = o.putArray("shocks");
            t.scenario.classroom().shocks().forEach(s -> shocks.add(s.name()));
        } else {
            int a = session.index(seat.actor);
            o.put("actor", seat.actor).put("actor_name", t.actorNames[a]).put("chosen", session.hasChosen(seat.actor));
            ArrayNode options = o.putArray("options");
            for (ClassSession.Option op : session.options(seat.actor)) {
                options.addObject().put("id", op.id()).put("label", op.label()).put("target", op.target()).put("rung", op.rung())
                        .put("salvo", op.salvo()).put("available", op.available());
            }
            ObjectNode situation = o.putObject("situation");
            situation.put("pressure", w.pressure(a)).put("propensity", w.propensity(a));
            ArrayNode toward = situation.putArray("adversaries");
            for (int j : t.targetsOf[a]) {
                toward.addObject().put("actor", t.actorNames[j]).put("grievance", w.grievance(a, j))
                        .put("belief_retaliates", w.beliefs.retaliation(a, j)).put("believed_severity", w.beliefs.severity(a, j));
            }
            // What was done to it: the last lines, most recent last, where it is the target.
            ArrayNode done = situation.putArray("done_to_you");
            List<ClassSession.Line> all = session.ticker();
            List<ClassSession.Line> mine = new java.util.ArrayList<>();
            for (int k = all.size() - 1; k >= 0 && mine.size() < 8; k--) {
                if (seat.actor.equals(all.get(k).target())) mine.add(0, all.get(k));
            }
            mine.forEach(l -> done.addObject().put("date", l.date()).put("text", l.text()));
            ArrayNode stocks = situation.putArray("stocks");
            for (int k = 0; k < t.weapons; k++) {
                if (w.stock(a, k) > 0) stocks.addObject().put("weapon", t.weaponNames[k]).put("stock", Math.floor(w.stock(a, k)));
            }
        }
        if (debrief != null) o.set("debrief", json.valueToTree(debrief));
        return o;
    }

    /**
     * What the model's rules would do in the asking client's chair this turn, and why ("let the model
     * decide" before the player commits to it). Computed on a copy of the run; kept until the session moves.
     */
    private Object preview(Map<String, String> q) throws Refused {
        Seat seat = seat(q.get("token"));
        if (session.finished()) throw new Refused(409, "the session is over");
        if (previewedAt != version) {
            previews.clear();
            previewedAt = version;
        }
        return previews.computeIfAbsent(seat.actor, session::preview);
    }

    /** The projector's map, projected once; {"map": null} for a scenario without places. */
    private Object map() {
        if (!mapDone) {
            map = ProjectorMap.of(session.theatre());
            mapDone = true;
        }
        return Map.of("map", map == null ? Map.of() : map, "geographic", map != null);
    }

    /** The chairs open for play, for the join page: ids and names, nothing else. */
    private Object chairs() {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        Theatre t = session.theatre();
        for (Seat s : seats.values()) out.add(Map.of("actor", s.actor, "name", t.actorNames[session.index(s.actor)]));
        return out;
    }

    /**
     * Server-sent events: "update" with the session's version whenever it moves, and a comment every
     * {@link #HEARTBEAT_MS} ms otherwise, so that a page that went away is noticed within a few seconds.
     */
    private void events(HttpExchange e) throws IOException {
        Map<String, String> q = query(e.getRequestURI());
        Seat seat;
        synchronized (lock) {
            seat = byToken.get(q.get("token"));
            if (seat == null && !instructorKey.equals(q.get("key"))) {
                try (e) {
                    refuse(e, new Refused(403, "unknown token: join first"));
                }
                return;
            }
            if (streams >= MAX_STREAMS) {
                try (e) {
                    refuse(e, new Refused(503, "the classroom has " + MAX_STREAMS + " pages open already"));
                }
                return;
            }
            streams++;
            if (seat != null) {
                seat.streams++;
                seat.gone = false;
            }
            changed();
        }
        e.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        e.getResponseHeaders().set("Cache-Control", "no-store");
        e.sendResponseHeaders(200, 0);
        long seen = -1;
        try (OutputStream out = e.getResponseBody()) {
            while (!closed) {
                long now;
                synchronized (lock) {
                    if (version == seen) lock.wait(HEARTBEAT_MS);
                    now = version;
                }
                String msg = now == seen ? ": still here\n\n" : "event: update\ndata: " + now + "\n\n";
                out.write(msg.getBytes(StandardCharsets.UTF_8));
                out.flush();
                seen = now;
            }
        } catch (IOException | InterruptedException gone) {
            // The page went away: its chair is the model's until it comes back.
        } finally {
            synchronized (lock) {
                streams--;
                if (seat != null && --seat.streams == 0) {
                    seat.lastSeen = System.currentTimeMillis();
                    seat.gone = true;
                    // The others may all have chosen already: the turn need not wait for a page that is gone.
                    if (!closed && everyoneChose()) closeTurn();
                }
                changed();
            }
            e.close();
        }
    }

    // ------------------------------------------------------------------ pages

    private void page(HttpExchange e) throws IOException {
        try (e) {
            String path = e.getRequestURI().getPath();
            String resource = switch (path) {
                case "/", "/join" -> "student.html";
                case "/instructor" -> "instructor.html";
                case "/classroom.js" -> "classroom.js";
                case "/classroom.css" -> "classroom.css";
                default -> null;
            };
            if (resource == null || !e.getRequestMethod().equals("GET")) {
                send(e, 404, "not found".getBytes(StandardCharsets.UTF_8), "text/plain");
                return;
            }
            try (InputStream in = ClassroomServer.class.getResourceAsStream("/classroom/" + resource)) {
                String type = resource.endsWith(".html") ? "text/html" : resource.endsWith(".js") ? "text/javascript" : "text/css";
                send(e, 200, in.readAllBytes(), type);
            }
        }
    }

    private volatile boolean closed;

    @Override public void close() {
        closed = true;
        synchronized (lock) {
            changed();
        }
        http.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
