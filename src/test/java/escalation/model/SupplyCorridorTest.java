package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supply corridor ({@link SupplyCorridor}): resupply over the corridor flows through its weakest
 * link, so a severed link starves an actor whose small stock is what binds its attacks.
 */
class SupplyCorridorTest {
    private static final int SEEDS = 300;
    /** 2025-03-31: the link is severed. */
    private static final int SEVER_DAY = 30;

    @TempDir
    Path dir;

    private static final String CORRIDOR = """
            name: corridor
            calendar:
              start: 2025-03-01
              end: 2025-05-29
              events:
                - {date: 2025-03-31, name: the crossing falls, effects: [{sever: {link: crossing}}]}
            mechanisms: {winter: false, learning: false}
            corridor:
              nodes: [iran, iraq]
              links: [{id: crossing, from: iran, to: iraq, repair_days: 5}]
            weapons:
              drone: {name: drone}
            actors:
              patron:
                name: Patron
                kind: patron
                alignment: axis
                region: iran
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                region: iraq
                arsenal: {drone: {stock: 5, capacity: 5, resupply: 1, via_corridor: true}}
                actions: [{id: drones, rung: harassment, target: state, weapon: drone}]
                rule: {kind: utility, tempo: 3, base: 3, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
            relations:
              patronage:
                - {patron: patron, proxy: militia}
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    @Test
    void aSeveredLinkStarvesTheActorItSupplied() {
        Theatre severed = Runs.theatre(dir, CORRIDOR);
        Theatre open = Runs.theatre(dir, CORRIDOR, "calendar.events.0.enabled=false");
        int militia = severed.index("militia");
        int last = severed.days - 1;
        double[] after = Runs.perSeed(severed, SEEDS, r -> Runs.strikes(r, militia, -1, SEVER_DAY + 1, last));
        double[] afterOpen = Runs.perSeed(open, SEEDS, r -> Runs.strikes(r, militia, -1, SEVER_DAY + 1, last));
        double p = Runs.mannWhitney(after, afterOpen);
        assertTrue(Runs.mean(after) < 0.15 * Runs.mean(afterOpen) && p < 0.01,
                "attacks after the link is severed: " + Runs.mean(afterOpen) + " -> " + Runs.mean(after) + ", p=" + p);
        // The resupply of one drone a day binds: about one attack a day while the link is open.
        assertTrue(Runs.mean(afterOpen) > 0.9 * (last - SEVER_DAY) && Runs.mean(afterOpen) <= last - SEVER_DAY + 5,
                "resupply-bound rate: " + Runs.mean(afterOpen));
        // Nothing arrives after the cut: at most the stock held, whatever the seed.
        for (double a : after) assertTrue(a <= 5, "no more than the five drones held: " + a);

        // Severed for good: no repair, whatever the link's repair time.
        EscalationSim sim = Runs.runThrough(severed, 3, last, null);
        assertEquals(0.0, sim.world().corridor.capacity(0), 0.0);
        // With the corridor mechanism off, the cut changes nothing.
        Theatre off = Runs.theatre(dir, CORRIDOR, "mechanisms.corridor=false");
        double[] afterOff = Runs.perSeed(off, SEEDS, r -> Runs.strikes(r, militia, -1, SEVER_DAY + 1, last));
        assertTrue(Math.abs(Runs.mean(afterOff) / Runs.mean(afterOpen) - 1) < 0.05, "corridor off: " + Runs.mean(afterOff));
    }
}
