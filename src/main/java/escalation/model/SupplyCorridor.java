package escalation.model;

/**
 * The state of the supply corridor in one run: each link's capacity in [0, 1]. Strikes cut it; it
 * recovers linearly over the link's repair time. Resupply that flows over the corridor is throttled
 * by the weakest link on the path from the patron's region to the receiver's.
 */
public final class SupplyCorridor {
    private final CorridorTopology topology;
    private final double[] capacity;
    private final double[] repairPerDay;
    /** True while every link is at full capacity, as it is most days: nothing to repair or throttle. */
    private boolean intact = true;

    SupplyCorridor(Theatre t) {
        topology = t.corridor;
        capacity = new double[t.linkIds.length];
        repairPerDay = new double[t.linkIds.length];
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
        double min = 1;
        for (int l : p) {
            if (capacity[l] < min) min = capacity[l];
        }
        return min;
    }

    void strike(int link, double damage) {
        capacity[link] = Math.max(0, capacity[link] - damage);
        if (capacity[link] < 1) intact = false;
    }

    void repair() {
        if (intact) return;
        boolean all = true;
        for (int l = 0; l < capacity.length; l++) {
            capacity[l] = Math.min(1, capacity[l] + repairPerDay[l]);
            all &= capacity[l] >= 1;
        }
        intact = all;
    }

    public double capacity(int link) {
        return capacity[link];
    }

    public CorridorTopology topology() {
        return topology;
    }
}
