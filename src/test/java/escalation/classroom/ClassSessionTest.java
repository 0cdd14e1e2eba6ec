package escalation.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.model.Theatre;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A played session: choices enter the model as decisions, a log replays it exactly, refusals leave it going. */
class ClassSessionTest {
    static final Theatre AUTUMN = Scenarios.theatre(Path.of("scenarios/autumn-2024-iraq.yaml"));

    /** Kata'ib Hezbollah's strikes the scenario's calendar dates in its first weeks (the Golan drone, 3 Oct 2024). */
    static final int DATED_KH_STRIKES = 1;

    static ClassSession session(int seed) {
        return new ClassSession(AUTUMN, new SessionLog("autumn-2024-iraq", "-", seed, List.of("israel", "kh", "iran", "us"), 7));
    }

    private static int attacksBy(ClassSession s, String actor) {
        return s.record().byAttacker(s.record().attacks, s.index(actor));
    }

    @Test
    void aPlayersChoiceIsTakenOnTheTurnsFirstDayAndHoldingMeansNothingElse() {
        ClassSession s = session(3);
        assertNull(s.choose("kh", 0, "strike_israel", "they killed our commander"));
        assertNull(s.choose("israel", 0, "hold", ""));
        assertEquals(7, s.closeTurn());
        // The calendar's dated drone strike of 3 Oct 2024 (day 6) is history, not the chair's decision: it stays.
        assertEquals(1 + DATED_KH_STRIKES, attacksBy(s, "kh"), "one chosen strike, and no initiative of the rule beside it");
        assertTrue(s.ticker().stream().anyMatch(l -> l.day() == 0 && "kh".equals(l.actor()) && l.text().contains("The player in this chair chose it")));
        assertEquals(0, attacksBy(s, "israel"), "a holding state does not answer");
        assertTrue(s.ticker().stream().anyMatch(l -> "kh".equals(l.actor()) && "they killed our commander".equals(l.reason())
                && l.text().contains("The player in this chair chose it")), "the player's reason is in the ticker beside the model's words");
    }

    @Test
    void aChairNobodyChoseForIsRunByTheModel() {
        int played = 0;
        int modelled = 0;
        for (int seed = 1; seed <= 20; seed++) {
            ClassSession held = session(seed);
            ClassSession free = session(seed);
            for (int turn = 0; turn < 4; turn++) {
                held.choose("kh", turn, "hold", null);
                held.closeTurn();
                free.closeTurn();
            }
            played += attacksBy(held, "kh") - DATED_KH_STRIKES;
            modelled += attacksBy(free, "kh");
        }
        assertEquals(0, played);
        assertTrue(modelled > 20, "Kata'ib Hezbollah's rule acts when nobody holds its chair: " + modelled + " attacks in 20 runs of 4 weeks");
    }

    @Test
    void theSavedLogReplaysTheSameStateAndAnotherChoiceDoesNot(@TempDir Path dir) throws Exception {
        ClassSession s = session(5);
        for (int turn = 0; turn < 6; turn++) {
            s.choose("kh", turn, turn % 2 == 0 ? "strike_israel" : "model", "turn " + turn);
            s.choose("israel", turn, turn == 2 ? "strike_kh" : "model", null);
            if (turn == 3) assertNull(s.shock(0));
            if (turn == 1) assertNull(s.lever(0, 0.2));
            s.closeTurn();
        }
        Path file = dir.resolve("session.json");
        s.log().save(file);
        ClassSession again = ClassSession.replay(AUTUMN, SessionLog.read(file));
        assertEquals(s.fingerprint(), again.fingerprint());
        assertEquals(s.ticker(), again.ticker());

        SessionLog other = SessionLog.read(file);
        other.turns.set(2, new SessionLog.Turn(2, other.turns.get(2).day(), List.of(), List.of()));
        assertNotEquals(s.fingerprint(), ClassSession.replay(AUTUMN, other).fingerprint(), "the fingerprint sees a different path");
    }

    @Test
    void rewindingToATurnIsReplayingTheTurnsBeforeIt() {
        ClassSession s = session(8);
        String[] atTurn = new String[5];
        for (int turn = 0; turn < 5; turn++) {
            atTurn[turn] = s.fingerprint();
            s.choose("iran", turn, turn == 1 ? "hold" : "model", null);
            s.closeTurn();
        }
        s.rewind(2);
        assertEquals(2, s.turn());
        assertEquals(atTurn[2], s.fingerprint());
        assertEquals(2, s.log().turns.size());
    }

    @Test
    void aLeverShowsItsValueNowThroughTurnsAndRewinds() {
        ClassSession s = session(4);
        assertEquals(0.75, s.leverValue(0), "Israel answers attacks: the scenario's reliability");
        s.closeTurn();
        assertNull(s.lever(0, 0.2));
        assertEquals(0.2, s.leverValue(0), "queued for the next turn, shown at once");
        s.closeTurn();
        assertNotNull(s.lever(0, 7));
        assertEquals(0.2, s.leverValue(0), "a refused value changes nothing");
        s.rewind(2);
        assertEquals(0.2, s.leverValue(0), "the turn that set it is kept");
        s.rewind(1);
        assertEquals(0.75, s.leverValue(0), "rewound before the turn that set it");
    }

    @Test
    void refusedChoicesSayWhyAndChangeNothing() {
        ClassSession s = session(2);
        assertNotNull(s.choose("kh", 1, "strike_israel", null), "a choice for a turn not open");
        assertNotNull(s.choose("kh", 0, "strike_kh", null), "an action of another actor's repertoire");
        assertNotNull(s.choose("hezbollah", 0, "hold", null), "a chair not open for play");
        assertNotNull(s.lever(0, 7), "a lever beyond its range");
        assertTrue(!s.hasChosen("kh"));
        assertEquals("x".repeat(ClassSession.MAX_REASON), ClassSession.clean("x".repeat(5000) + "\u0000"));
    }

    @Test
    void previewingTheModelsChoiceChangesNothingOfWhatFollows() {
        for (int seed = 1; seed <= 6; seed++) {
            ClassSession previewed = session(seed);
            ClassSession plain = session(seed);
            for (int turn = 0; turn < 8; turn++) {
                String kh = turn % 3 == 0 ? "strike_israel" : "model";
                for (String chair : List.of("israel", "kh", "iran", "us")) previewed.preview(chair);
                previewed.choose("kh", turn, kh, "r" + turn);
                previewed.preview("israel");
                previewed.choose("israel", turn, turn == 4 ? "hold" : "model", null);
                previewed.preview("iran");
                if (turn == 2) assertNull(previewed.shock(0));
                previewed.preview("us");
                plain.choose("kh", turn, kh, "r" + turn);
                plain.choose("israel", turn, turn == 4 ? "hold" : "model", null);
                if (turn == 2) assertNull(plain.shock(0));
                previewed.closeTurn();
                plain.closeTurn();
                assertEquals(plain.fingerprint(), previewed.fingerprint(), "seed " + seed + " turn " + turn);
            }
            assertEquals(plain.ticker(), previewed.ticker());
            assertEquals(plain.log().turns, previewed.log().turns);
        }
    }

    @Test
    void lettingTheModelDecideDoesWhatThePreviewSaid() {
        int lines = 0;
        for (int seed = 1; seed <= 10; seed++) {
            ClassSession s = session(seed);
            for (int turn = 0; turn < 6; turn++) {
                s.choose("israel", turn, turn % 2 == 0 ? "hold" : "model", null);
                ClassSession.Preview p = s.preview("kh");
                assertEquals(turn, p.turn());
                assertEquals(7, p.days());
                s.choose("kh", turn, "model", null);
                int before = s.ticker().size();
                s.closeTurn();
                List<ClassSession.Line> done = s.ticker().subList(before, s.ticker().size()).stream().filter(l -> "kh".equals(l.actor())).toList();
                assertEquals(done.size(), p.lines().size(), "seed " + seed + " turn " + turn);
                for (int k = 0; k < done.size(); k++) {
                    assertEquals(done.get(k).date(), p.lines().get(k).date());
                    assertTrue(done.get(k).text().contains(p.lines().get(k).what()), done.get(k).text() + " / " + p.lines().get(k).what());
                }
                lines += p.lines().size();
                for (ClassSession.PreviewLine l : p.lines()) {
                    if (l.what().contains("launch")) assertTrue(!l.why().isEmpty(), "a strike of the rules has its reason: " + l);
                }
            }
        }
        assertTrue(lines > 10, "the rules do something in Kata'ib Hezbollah's chair over 10 runs of 6 weeks: " + lines + " lines");
    }
}
