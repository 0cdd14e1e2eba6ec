package escalation.model;

/**
 * The state of the supply corridor in one run: each link's capacity in [0, 1]. Strikes cut it; it
 * recovers linearly over the link's repair time. Resupply that flows over the corridor is throttled
 * by the weakest link on the path from the patron's region to the receiver's. A severed link (the fall of
 * the regime that held it: Assad's, 8 Dec 2024) falls to 0 and is never repaired.
 */
public final class SupplyCorridor {
    private final CorridorTopology topology;
    private final double[] capacity;
    private final double[] repairPerDay;
    /** True while every link is at full capacity: nothing to repair or throttle. */
    private boolean intact = true;
    /** Bumped whenever a capacity changes; a path's remembered throughput is good while it holds. */
    private int version;
    private final double[][] remembered;
    private final int[][] rememberedAt;

    SupplyCorridor(Theatre t) {
        topology = t.corridor;
        capacity = new double[t.linkIds.length];
        repairPerDay = new double[t.linkIds.length];
        remembered = new double[t.nodes.length][t.nodes.length];
        rememberedAt = new int[t.nodes.length][t.nodes.length];
        for (int[] row : rememberedAt) java.util.Arrays.fill(row, -1);
        for (int l = 0; l < capacity.length; l++) {
            capacity[l] = 1;
            repairPerDay[l] = 1 / t.linkRepairDays[l];
        }
    }

    /** Share of full flow that gets from node {@code from} to node {@code to} today. */
    double throughput(int from, int to) {
        if (from < 0 || to < 0) return 1;
        int[] p = topology.links(from, to);
        if (p == null) return 0;
        if (intact) return 1;
        if (rememberedAt[from][to] == version) return remembered[from][to];
        double min = 1;
        for (int l : p) {
            if (capacity[l] < min) min = capacity[l];
        }
        remembered[from][to] = min;
        rememberedAt[from][to] = version;
        return min;
    }

    void sever(int link) {
        capacity[link] = 0;
        repairPerDay[link] = 0;
        intact = false;
        version++;
    }

    void strike(int link, double damage) {
        capacity[link] = Math.max(0, capacity[link] - damage);
        if (capacity[link] < 1) intact = false;
        version++;
    }

    void repair() {
        if (intact) return;
        boolean all = true;
        boolean changed = false;
        for (int l = 0; l < capacity.length; l++) {
            double before = capacity[l];
            capacity[l] = Math.min(1, before + repairPerDay[l]);
            changed |= capacity[l] != before;
            all &= capacity[l] >= 1;
        }
        intact = all;
        // A corridor left with only severed links and links at full capacity no longer changes: the
        // throughputs remembered for it stay good.
        if (changed) version++;
    }

    public double capacity(int link) {
        return capacity[link];
    }

    public CorridorTopology topology() {
        return topology;
    }
}
