package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host state ({@link HostRule}): warnings relayed through it raise its alarm; while the alarm is
 * at or above deal_at it strikes deals at deal_rate a day with the faction that attacked most, which
 * then suspends its attacks for deal_days and resumes under the added pressure.
 */
class HostRuleTest {
    private static final int SEEDS = 300;
    /** 2025-03-21: the state's warning reaches the host. */
    private static final int WARNING_DAY = 20;
    private static final int DEAL_DAYS = 30;

    @TempDir
    Path dir;

    private static final String HOST = """
            name: host
            calendar:
              start: 2025-03-01
              end: 2025-06-30
              events:
                - {date: 2025-03-21, name: a warning through the host, effects: [{perform: {actor: state, action: warn}}]}
            mechanisms: {winter: false, learning: false}
            weapons:
              rocket: {name: rocket}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: 1, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
                actions: [{id: warn, rung: threat, target: militia, via: [host], relay_pressure: 0.1, credibility: 0}]
              host:
                name: Host
                kind: host_state
                alignment: neutral
                leverage: 0
                rule: {kind: host, deal_at: 0.5, deal_rate: 0.2, deal_pressure: 2, deal_days: 30}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
              restraint:
                - {by: host, restrained: [militia], strength: 0.3}
            """;

    /** The days of the deals the host struck in one run. */
    private static List<Integer> deals(Theatre t, int seed, RunRecord[] record) {
        List<Integer> days = new ArrayList<>();
        Observer o = new Observer() {
            @Override public void occurred(Occurrence occurrence) {
                if (occurrence.kind() == Occurrence.Kind.DEAL) {
                    assertEquals(t.index("host"), occurrence.actor());
                    assertEquals(t.index("militia"), occurrence.target());
                    days.add(occurrence.day());
                }
            }
        };
        record[0] = Runs.runThrough(t, seed, t.days - 1, o).world().record;
        return days;
    }

    @Test
    void alarmedHostsStrikeDealsThatSuspendTheFactionsAttacks() {
        Theatre t = Runs.theatre(dir, HOST);
        int militia = t.index("militia");
        int runsWithDeal = 0;
        int resumed = 0;
        RunRecord[] record = new RunRecord[1];
        for (int seed : Runs.seeds(SEEDS)) {
            List<Integer> days = deals(t, seed, record);
            RunRecord r = record[0];
            for (int d : days) {
                assertTrue(d > WARNING_DAY, "no alarm, no deal before the warning: day " + d);
                // The faction decided the deal's day before it; from the next day it holds for deal_days in all.
                assertEquals(0, Runs.strikes(r, militia, -1, d + 1, d + DEAL_DAYS - 1), "seed " + seed + ": suspended after the deal");
            }
            if (!days.isEmpty()) {
                runsWithDeal++;
                int d = days.get(0);
                if (Runs.strikes(r, militia, -1, d + DEAL_DAYS, d + DEAL_DAYS + 29) > 0) resumed++;
            }
        }
        // The alarm of one relayed warning stays above 0.5 for about ten days: 1 - 0.8^9 of the runs deal.
        double share = runsWithDeal / (double) SEEDS;
        assertTrue(share > 0.75 && share < 0.97, "deals in some runs: " + share);
        assertTrue(resumed > 0.95 * runsWithDeal, "the faction resumes after the suspension: " + resumed + " of " + runsWithDeal);

        // Deals cut the faction's attacks in the weeks after the warning, against the same world without them.
        Theatre noDeals = Runs.theatre(dir, HOST, "mechanisms.host_deals=false");
        for (int seed : Runs.seeds(20)) assertTrue(deals(noDeals, seed, record).isEmpty(), "host_deals off: no deal");
        double[] with = Runs.perSeed(t, SEEDS, r -> Runs.strikes(r, militia, -1, WARNING_DAY + 1, WARNING_DAY + 40));
        double[] without = Runs.perSeed(noDeals, SEEDS, r -> Runs.strikes(r, militia, -1, WARNING_DAY + 1, WARNING_DAY + 40));
        double p = Runs.mannWhitney(with, without);
        assertTrue(Runs.mean(with) < 0.6 * Runs.mean(without) && p < 0.01,
                "attacks in the 40 days after the warning: " + Runs.mean(without) + " without deals, " + Runs.mean(with) + " with, p=" + p);
    }

    @Test
    void strikesLandingOnTheHostsTerritoryAlarmItToo() {
        String struck = HOST
                .replace("mechanisms: {winter: false, learning: false}",
                        "mechanisms: {winter: false, learning: false}\ncorridor: {nodes: [iraq, syria]}")
                .replace("name: a warning through the host, effects: [{perform: {actor: state, action: warn}}]",
                        "name: a strike, effects: [{perform: {actor: state, action: %s}}]")
                .replace("  rocket: {name: rocket}", "  rocket: {name: rocket}\n  air_munition: {name: air munition}")
                .replace("    name: Militia\n", "    name: Militia\n    region: iraq\n")
                .replace("    name: Host\n", "    name: Host\n    region: iraq\n")
                .replace("actions: [{id: warn, rung: threat, target: militia, via: [host], relay_pressure: 0.1, credibility: 0}]",
                        "arsenal: {air_munition: {stock: 100}}\n    actions:\n"
                                + "      - {id: strike_in_iraq, rung: iraq_strike, target: militia, weapon: air_munition}\n"
                                + "      - {id: strike_in_syria, rung: iraq_strike, target: militia, weapon: air_munition, where: syria}");
        Theatre inIraq = Runs.theatre(dir, struck.formatted("strike_in_iraq"));
        Theatre inSyria = Runs.theatre(dir, struck.formatted("strike_in_syria"));
        RunRecord[] record = new RunRecord[1];
        int withDeal = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            if (!deals(inIraq, seed, record).isEmpty()) withDeal++;
            assertTrue(deals(inSyria, seed, record).isEmpty(), "a strike elsewhere does not alarm the host");
        }
        assertTrue(withDeal > 0.75 * SEEDS, "a strike on its territory alarms it into deals: " + withDeal + " of " + SEEDS);
    }
}
