package escalation.model;

import sim.field.network.Edge;
import sim.field.network.Network;

/**
 * The land supply route (Iran - Iraq - Syria - Lebanon in the domain brief) as a MASON network of
 * regions whose edges carry a capacity in [0, 1]. Strikes cut capacity; it recovers linearly over
 * the link's repair time. Resupply that flows over the corridor is throttled by the weakest link
 * on the path from the patron's region to the receiver's.
 */
public final class SupplyCorridor {
    private final Network network = new Network(true);
    private final double[] capacity;
    private final double[] repairPerDay;
    /** Per (from node, to node), the links of the path, or null when there is none. */
    private final int[][][] paths;

    SupplyCorridor(Theatre t) {
        for (String n : t.nodes) network.addNode(n);
        capacity = new double[t.linkIds.length];
        repairPerDay = new double[t.linkIds.length];
        for (int l = 0; l < capacity.length; l++) {
            capacity[l] = 1;
            repairPerDay[l] = 1 / t.linkRepairDays[l];
            network.addEdge(t.nodes[t.linkFrom[l]], t.nodes[t.linkTo[l]], l);
        }
        paths = new int[t.nodes.length][t.nodes.length][];
        for (int from = 0; from < t.nodes.length; from++) {
            for (int to = 0; to < t.nodes.length; to++) paths[from][to] = path(t, from, to);
        }
    }

    /** Breadth-first path over the MASON network, as link indexes. */
    private int[] path(Theatre t, int from, int to) {
        if (from == to) return new int[0];
        int n = t.nodes.length;
        int[] viaLink = new int[n];
        int[] prev = new int[n];
        java.util.Arrays.fill(prev, -2);
        prev[from] = -1;
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int cur = queue.poll();
            sim.util.Bag out = network.getEdgesOut(t.nodes[cur]);
            for (int k = 0; k < out.numObjs; k++) {
                Edge e = (Edge) out.objs[k];
                int next = java.util.Arrays.asList(t.nodes).indexOf((String) e.getTo());
                if (prev[next] == -2) {
                    prev[next] = cur;
                    viaLink[next] = (Integer) e.info;
                    queue.add(next);
                }
            }
        }
        if (prev[to] == -2) return null;
        java.util.List<Integer> links = new java.util.ArrayList<>();
        for (int cur = to; cur != from; cur = prev[cur]) links.add(0, viaLink[cur]);
        return links.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Share of full flow that gets from node {@code from} to node {@code to} today. */
    double throughput(int from, int to) {
        if (from < 0 || to < 0) return 1;
        int[] p = paths[from][to];
        if (p == null) return 0;
        double min = 1;
        for (int l : p) min = Math.min(min, capacity[l]);
        return min;
    }

    void strike(int link, double damage) {
        capacity[link] = Math.max(0, capacity[link] - damage);
    }

    void repair() {
        for (int l = 0; l < capacity.length; l++) capacity[l] = Math.min(1, capacity[l] + repairPerDay[l]);
    }

    public double capacity(int link) {
        return capacity[link];
    }

    public Network network() {
        return network;
    }
}
