package escalation.design;

import ec.util.MersenneTwisterFast;

/**
 * A Latin hypercube of n points (McKay, Beckman and Conover 1979): each factor's range is cut into n
 * slices of equal probability and every slice holds exactly one point, at a random place within it;
 * the slices are matched across factors by independent random permutations drawn from the seed.
 * The permutations take n ints per factor.
 */
public final class LatinHypercube implements Design {
    private final int[][] slice;
    private final long seed;
    private final int n;

    public LatinHypercube(int factors, int points, long seed) {
        if (factors < 1 || points < 1) throw new IllegalArgumentException("a Latin hypercube needs factors and points");
        this.n = points;
        this.seed = seed;
        slice = new int[factors][];
        for (int f = 0; f < factors; f++) {
            MersenneTwisterFast r = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), f, 0x1A7E});
            int[] p = new int[points];
            for (int i = 0; i < points; i++) p[i] = i;
            for (int i = points - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            slice[f] = p;
        }
    }

    @Override public int factors() {
        return slice.length;
    }

    @Override public long size() {
        return n;
    }

    @Override public double[] unit(long index) {
        double[] u = new double[slice.length];
        for (int f = 0; f < u.length; f++) {
            // the place within the slice comes from (seed, point, factor) alone, so any point can be computed on its own
            MersenneTwisterFast r = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), f, (int) index, 0x5EED});
            u[f] = (slice[f][(int) index] + r.nextDouble()) / n;
        }
        return u;
    }

    @Override public String kind() {
        return "latin_hypercube";
    }
}
