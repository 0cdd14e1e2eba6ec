package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.model.Theatre;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The replays of earlier periods (scenarios/history/april-2024-exchange and iraq-campaign-2024) against
 * their own targets: what they reproduce, by the lenient check (covered) and the strict one (point
 * inside), what they reproduce only because of a value fitted for the period, and the limits
 * docs/validation.md reports.
 */
class ReplayTest {
    static final Path APRIL = Path.of("scenarios", "history", "april-2024-exchange-targets.yaml");
    static final Path CAMPAIGN = Path.of("scenarios", "history", "iraq-campaign-2024-targets.yaml");
    private static final int RUNS = 300;
    private static final long SEED = 20240413;

    static Validation.Result check(Path targets, String... overrides) throws Exception {
        HistoryFile h = HistoryFile.load(targets, List.of(overrides));
        return Validation.run(new Theatre(h.scenario().scenario(), true), h.targets(), h.weekly(), SEED, RUNS, 2);
    }

    private static Validation.Check target(Validation.Result r, String id) {
        return r.checks().stream().filter(c -> c.target().id().equals(id)).findFirst().orElseThrow();
    }

    private static String table(Validation.Result r) {
        return r.checks().stream().map(c -> c.target().id() + " " + c.target().observed() + " vs " + c.low() + "-" + c.high()
                + " median " + c.median()).collect(Collectors.joining("\n"));
    }

    @Test
    void theAprilReplayWithTheAutumnParametersCoversEveryTarget() throws Exception {
        Validation.Result r = check(APRIL);
        assertEquals(3, r.checks().size());
        assertTrue(r.allCovered(), table(r));
        assertTrue(target(r, "iran-salvo-apr-intercepted").pointInside(), table(r));
        assertTrue(target(r, "iran-salvo-apr-killed").pointInside(), table(r));
        Validation.Check lag = target(r, "israel-reply-apr-lag");
        assertTrue(lag.median() < target(HistoryTest.check(), "israel-reply-oct-lag").median(),
                "a smaller provocation, while fewer fronts are at war, is answered sooner than October's: " + lag);
    }

    @Test
    void theObservationLayerTellsClaimsFromInterceptions() throws Exception {
        Validation.Check share = target(check(CAMPAIGN), "intercepted-nov23-sep24");
        assertTrue(share.pointInside(), "the share of claims the IDF reported intercepting: " + share);
        Validation.Check launches = target(check(CAMPAIGN, "mechanisms.observation=false"), "intercepted-nov23-sep24");
        assertTrue(launches.low() > share.target().high(), "without it every launch reaches Israel's defences: " + launches);
    }

    @Test
    void theCampaignReplayReproducesTheClaimedCounts() throws Exception {
        Validation.Result r = check(CAMPAIGN);
        for (String id : List.of("claims-nov23-sep24", "claims-2024-07", "pace-oct-over-sep-2024")) {
            Validation.Check c = target(r, id);
            assertTrue(c.covered() && c.pointInside(), id + " point inside:\n" + table(r));
        }
        assertTrue(target(r, "claims-2024-09").covered() && target(r, "claims-2024-10-01-15").covered(), table(r));
    }

    @Test
    void theStrikeOnKataibHezbollahsCommandersBringsTheAugustLull() throws Exception {
        Validation.Result r = check(CAMPAIGN);
        for (String id : List.of("claims-nov23-sep24", "claims-2024-07", "claims-2024-08")) {
            assertTrue(target(r, id).pointInside(), id + " inside:\n" + table(r));
        }
        Validation.Check with = target(r, "claims-2024-08");
        Validation.Check without = target(check(CAMPAIGN, "calendar.events.1.enabled=false"), "claims-2024-08");
        assertTrue(without.median() > 1.15 * with.median() && !without.pointInside(),
                "without the strike of 30 Jul 2024 August's count rises out of the record's reach: " + without + " against " + with);
    }

    @Test
    void withoutTheKillingOfNasrallahTheCampaignHasNoOctoberSurge() throws Exception {
        Validation.Check with = target(check(CAMPAIGN), "claims-2024-10-01-15");
        Validation.Check october = target(check(CAMPAIGN, "calendar.events.6.enabled=false"), "claims-2024-10-01-15");
        assertTrue(october.median() < 0.7 * with.median(), "October stays nearer the summer's pace: " + october + " against " + with);
    }

    @Test
    void pointInsideIsStricterThanCovered() {
        Figure f = new Figure("x", "x", "41", "31", "51", "attacks", "s", "p", "d", "claims", "f.csv", 2);
        Target t = new Target("x", Target.Kind.COUNT, List.of("a"), List.of("b"), "weapons", java.time.LocalDate.of(2024, 10, 1),
                java.time.LocalDate.of(2024, 11, 25), null, null, 41, 31, 51, f);
        double[] low = new double[100];
        for (int i = 0; i < low.length; i++) low[i] = 18 + (15.0 * i) / 99;
        Validation.Check c = Validation.check(t, low);
        assertTrue(c.covered(), "the range 31-51 meets 18-33: " + c);
        assertFalse(c.pointInside(), "but 41 is outside it: " + c);
        double[] around = new double[100];
        for (int i = 0; i < around.length; i++) around[i] = 30 + (20.0 * i) / 99;
        Validation.Check d = Validation.check(t, around);
        assertTrue(d.covered() && d.pointInside(), d.toString());
    }
}
