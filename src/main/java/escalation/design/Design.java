package escalation.design;

/**
 * A design: a finite sequence of points in the unit hypercube, one coordinate per factor. Points are
 * computed from their index alone (never stored), so a design of a million points takes no memory,
 * and every thread, and a resumed experiment, sees the same point for the same index.
 *
 * <pre>
 * Design d = new LatinHypercube(3, 100, 7);   // 100 points over 3 factors, seed 7
 * double[] u = d.unit(42);                    // point 42, each coordinate in [0, 1]
 * </pre>
 */
public interface Design {
    /** The number of factors. */
    int factors();

    /** The number of points. */
    long size();

    /** Point {@code index}'s unit coordinates, one per factor, each in [0, 1]; safe to call from any thread. */
    double[] unit(long index);

    /** The design's name in files and reports. */
    String kind();
}
