package escalation.design;

import ec.util.MersenneTwisterFast;

/**
 * Morris's elementary-effects design (Morris 1991): r trajectories on a grid of p levels per factor
 * (p even), each of k + 1 points. A trajectory starts at a random grid point and moves one factor at a
 * time, in a random order, by Delta = p / (2 (p - 1)) up or down, so that consecutive points differ
 * in one factor only. Each trajectory is drawn from (seed, trajectory) alone.
 */
public final class MorrisDesign implements Design {
    private final int k;
    private final int trajectories;
    private final int levels;
    private final long seed;

    public MorrisDesign(int factors, int trajectories, int levels, long seed) {
        if (factors < 1 || trajectories < 2 || levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("a Morris design needs factors, at least 2 trajectories and an even number of levels");
        }
        this.k = factors;
        this.trajectories = trajectories;
        this.levels = levels;
        this.seed = seed;
    }

    @Override public int factors() {
        return k;
    }

    @Override public long size() {
        return (long) trajectories * (k + 1);
    }

    public int trajectories() {
        return trajectories;
    }

    /** The step between a trajectory's consecutive points, in unit coordinates. */
    public double delta() {
        return levels / (2.0 * (levels - 1));
    }

    /** One trajectory: its k + 1 points, and which factor moves from point s to s + 1 (and by +Delta or -Delta). */
    public record Trajectory(double[][] points, int[] moved, int[] direction) { }

    public Trajectory trajectory(int t) {
        MersenneTwisterFast r = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), t, 0x3022});
        int half = levels / 2;
        double[] x = new double[k];
        int[] dir = new int[k];
        for (int f = 0; f < k; f++) {
            dir[f] = r.nextBoolean() ? 1 : -1;
            int level = r.nextInt(half) + (dir[f] > 0 ? 0 : half);
            x[f] = (double) level / (levels - 1);
        }
        int[] order = new int[k];
        for (int i = 0; i < k; i++) order[i] = i;
        for (int i = k - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double[][] points = new double[k + 1][];
        int[] direction = new int[k];
        points[0] = x.clone();
        for (int s = 0; s < k; s++) {
            int f = order[s];
            x[f] += dir[f] * delta();
            x[f] = Math.min(1, Math.max(0, x[f]));
            direction[s] = dir[f];
            points[s + 1] = x.clone();
        }
        return new Trajectory(points, order, direction);
    }

    @Override public double[] unit(long index) {
        return trajectory((int) (index / (k + 1))).points()[(int) (index % (k + 1))];
    }

    @Override public String kind() {
        return "morris";
    }
}
