package escalation.model;

/**
 * An action of an actor's repertoire, with every reference resolved to an index: {@code front} and
 * {@code where} are -1 when the action names no front and lands in the target's own region.
 */
public record CompiledAction(int index, String id, String label, int rung, int target, int weapon, int salvo,
                             int[] corridorLinks, double damage, int[] via, double credibility, double relayPressure,
                             int front, int where, double cost, boolean leaders, double evacuated) {
    public boolean launchesWeapons() {
        return weapon >= 0;
    }
}
