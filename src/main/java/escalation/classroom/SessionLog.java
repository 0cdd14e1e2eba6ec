package escalation.classroom;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a played session needs to be replayed exactly: the scenario (its name and the SHA-256 of its
 * resolved text), the seed, the played chairs, the turn's length, and per turn the players' choices
 * (with their one-line reasons) and the instructor's interventions. Saved as JSON after every turn,
 * by writing a new file and moving it over the old one, so a crash leaves the last whole turn.
 */
public final class SessionLog {
    public record Choice(String actor, String option, String reason) { }

    /** {@code kind} "lever" (lever {@code index} set to {@code value}) or "shock" (shock {@code index}). */
    public record Intervention(String kind, int index, double value) { }

    public record Turn(int turn, int day, List<Choice> choices, List<Intervention> interventions) { }

    @JsonProperty public String scenario;
    @JsonProperty("scenario_sha256") public String scenarioSha256;
    @JsonProperty public int seed;
    @JsonProperty public List<String> played = new ArrayList<>();
    @JsonProperty("turn_days") public int turnDays = 7;
    @JsonProperty public List<Turn> turns = new ArrayList<>();

    public SessionLog() { }

    public SessionLog(String scenario, String scenarioSha256, int seed, List<String> played, int turnDays) {
        this.scenario = scenario;
        this.scenarioSha256 = scenarioSha256;
        this.seed = seed;
        this.played = new ArrayList<>(played);
        this.turnDays = turnDays;
    }

    /** The same session's header, with no turns. */
    SessionLog emptyCopy() {
        return new SessionLog(scenario, scenarioSha256, seed, played, turnDays);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, JSON.writeValueAsString(this) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static SessionLog read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), SessionLog.class);
    }
}
