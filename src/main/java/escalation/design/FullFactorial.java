package escalation.design;

/**
 * Every combination of every factor's levels. A continuous factor's L levels are the unit coordinates
 * 0, 1/(L-1), ..., 1 (its range's ends and the evenly spaced values between, on the scale of its
 * distribution); a discrete factor's levels are its own values. Points vary the last factor fastest.
 */
public final class FullFactorial implements Design {
    private final int[] levels;
    private final boolean[] discrete;
    private final long size;

    /** {@code levels[f]} levels of factor f; {@code discrete[f]} true when they are a discrete factor's own values. */
    public FullFactorial(int[] levels, boolean[] discrete) {
        if (levels.length != discrete.length || levels.length == 0) throw new IllegalArgumentException("one level count per factor");
        long n = 1;
        for (int l : levels) {
            if (l < 1) throw new IllegalArgumentException("a factor needs at least one level");
            n = Math.multiplyExact(n, l);
        }
        this.levels = levels.clone();
        this.discrete = discrete.clone();
        this.size = n;
    }

    @Override public int factors() {
        return levels.length;
    }

    @Override public long size() {
        return size;
    }

    @Override public double[] unit(long index) {
        double[] u = new double[levels.length];
        long rest = index;
        for (int f = levels.length - 1; f >= 0; f--) {
            int l = (int) (rest % levels[f]);
            rest /= levels[f];
            u[f] = coordinate(l, levels[f], discrete[f]);
        }
        return u;
    }

    /** The unit coordinate of level l of n: a discrete level's middle, or the evenly spaced value from 0 to 1. */
    static double coordinate(int l, int n, boolean discrete) {
        if (discrete) return (l + 0.5) / n;
        return n == 1 ? 0.5 : (double) l / (n - 1);
    }

    @Override public String kind() {
        return "full_factorial";
    }
}
