package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped scenario's direct Iran-Israel track, probed with one dated Israeli strike on Iran: a strike of
 * the size of 26 Oct 2024 is absorbed, as then, while one that kills hundreds takes the track to war
 * ({@code war_at}), and at war Iran answers within days, no longer held back by fear of Israel's
 * counter-blow ({@link AnsweringRule}'s {@code war_delay} and {@code war_deterrence}). A strike by the
 * United States is answered, when it is, by Iran's warned salvo at US bases (the answer of 8 Jan 2020).
 */
class DirectTrackTest {
    private static final int SEEDS = 300;
    private static final int STRIKE_DAY = 12;

    @TempDir
    Path dir;

    private static final String PROBE = """
            extends: %s
            name: direct-track-probe
            calendar:
              start: 2025-06-01
              end: 2025-07-15
              events:
                - date: 2025-06-13
                  name: "A strike on Iran"
                  effects:
                    - perform: {actor: %s, action: %s, salvo: %d, killed: %d, injured: %d}
              shocks: []
            fronts:
              lebanon: {state: ceasefire}
            actors:
              us:
                actions:
                  merge:
                    - {id: strike_iran, label: "strikes on Iranian sites", rung: iran_territory, target: iran, weapon: air_munition, salvo: 14, front: iran_israel}
            """;

    private Theatre probe(String striker, String action, int salvo, int killed, int injured, String... overrides) {
        String autumn = Path.of("scenarios/autumn-2024-iraq.yaml").toAbsolutePath().toString().replace('\\', '/');
        return Runs.theatre(dir, PROBE.formatted(autumn, striker, action, salvo, killed, injured), overrides);
    }

    /** Per run: the days from the strike to Iran's first strike on {@code target}, or -1 when it never came. */
    private static double[] answerLags(Theatre t, int target) {
        int iran = t.index("iran");
        double[] out = new double[SEEDS];
        List<Integer> seeds = Runs.seeds(SEEDS);
        for (int i = 0; i < SEEDS; i++) {
            RunRecord r = Runs.run(t, seeds.get(i));
            out[i] = -1;
            for (int k = 0; k < r.strikes.size(); k++) {
                if (r.strikes.attacker(k) == iran && r.strikes.target(k) == target && r.strikes.day(k) >= STRIKE_DAY) {
                    out[i] = r.strikes.day(k) - STRIKE_DAY;
                    break;
                }
            }
        }
        return out;
    }

    private static double answeredShare(double[] lags) {
        int n = 0;
        for (double l : lags) if (l >= 0) n++;
        return n / (double) lags.length;
    }

    @Test
    void aStrikeTheTrackAbsorbsIsRarelyAnsweredAndAWarIsAnsweredWithinDays() {
        Theatre limited = probe("israel", "strike_iran", 20, 4, 0);      // the size of 26 Oct 2024: ~20 targets, 4 killed
        Theatre war = probe("israel", "strike_iran", 200, 300, 800);    // far past the track's war_at of 100
        Theatre warNoFronts = probe("israel", "strike_iran", 200, 300, 800, "mechanisms.fronts=false");
        int israel = war.index("israel");
        double[] small = answerLags(limited, israel);
        double[] large = answerLags(war, israel);
        double[] largeNoFronts = answerLags(warNoFronts, israel);
        assertTrue(answeredShare(small) < 0.2, "a limited strike is absorbed, as on 26 Oct 2024: answered in " + answeredShare(small));
        assertTrue(answeredShare(large) > 0.7, "a strike that takes the track to war is answered: " + answeredShare(large));
        List<Double> lags = new ArrayList<>();
        for (double l : large) if (l >= 0) lags.add(l);
        double median = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(Runs.toArray(lags));
        assertTrue(median <= 2, "at war the answer comes within days (war_delay 1), not after the usual 20: median " + median);
        assertTrue(answeredShare(largeNoFronts) < answeredShare(large) - 0.3,
                "without the fronts there is no war to lift the fear of a counter-blow: " + answeredShare(largeNoFronts) + " against " + answeredShare(large));
    }

    @Test
    void aUsStrikeIsAnsweredByTheWarnedSalvoAtUsBases() {
        Theatre t = probe("us", "strike_iran", 14, 0, 0);
        int iran = t.index("iran");
        int us = t.index("us");
        int answers = 0;
        int killed = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            for (int k = 0; k < r.strikes.size(); k++) {
                if (r.strikes.attacker(k) != iran || r.strikes.day(k) < STRIKE_DAY) continue;
                if (r.strikes.target(k) != us) continue;
                assertEquals(16, r.strikes.launched(k), "the salvo of 8 Jan 2020");
                answers++;
                killed += r.strikes.killed(k);
            }
        }
        assertTrue(answers > 10, "Iran answers the United States in some runs: " + answers);
        assertTrue(killed <= answers / 10, "warned, the bases lose almost no one: " + killed + " killed in " + answers + " answers");
    }
}
