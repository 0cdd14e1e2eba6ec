package escalation.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Bag;

/**
 * The supply corridor's regions and links (Iran - Iraq - Syria - Lebanon in the domain brief) as a
 * MASON network, with the path between every pair of regions found once per scenario. Whether a
 * link is open on a given day is per-run state, in {@link SupplyCorridor}.
 */
public final class CorridorTopology {
    private final Network network = new Network(true);
    private final List<String> nodes;
    /** Per (from node, to node), the links of the path, or null when there is none. */
    private final int[][][] paths;

    CorridorTopology(String[] nodeNames, int[] linkFrom, int[] linkTo) {
        nodes = List.of(nodeNames);
        for (String n : nodeNames) network.addNode(n);
        for (int l = 0; l < linkFrom.length; l++) network.addEdge(nodeNames[linkFrom[l]], nodeNames[linkTo[l]], l);
        paths = new int[nodeNames.length][nodeNames.length][];
        for (int from = 0; from < nodeNames.length; from++) {
            for (int to = 0; to < nodeNames.length; to++) paths[from][to] = path(from, to);
        }
    }

    /** Breadth-first path over the MASON network, as link indexes. */
    private int[] path(int from, int to) {
        if (from == to) return new int[0];
        int[] viaLink = new int[nodes.size()];
        int[] prev = new int[nodes.size()];
        Arrays.fill(prev, -2);
        prev[from] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int cur = queue.poll();
            Bag out = network.getEdgesOut(nodes.get(cur));
            for (int k = 0; k < out.numObjs; k++) {
                Edge e = (Edge) out.objs[k];
                int next = nodes.indexOf((String) e.getTo());
                if (prev[next] == -2) {
                    prev[next] = cur;
                    viaLink[next] = (Integer) e.info;
                    queue.add(next);
                }
            }
        }
        if (prev[to] == -2) return null;
        List<Integer> links = new ArrayList<>();
        for (int cur = to; cur != from; cur = prev[cur]) links.add(0, viaLink[cur]);
        return links.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The links from node {@code from} to node {@code to}, or null when the corridor does not connect them. */
    int[] links(int from, int to) {
        return paths[from][to];
    }

    public Network network() {
        return network;
    }
}
