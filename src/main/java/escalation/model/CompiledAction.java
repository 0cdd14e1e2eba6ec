package escalation.model;

/** An action of an actor's repertoire, with every reference resolved to an index. */
public record CompiledAction(int index, String id, String label, int rung, int target, int weapon, int salvo,
                             int[] corridorLinks, double damage, int[] via, double credibility, double relayPressure) {
    public boolean launchesWeapons() {
        return weapon >= 0;
    }
}
