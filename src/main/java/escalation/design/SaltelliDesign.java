package escalation.design;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The sampling plan of Saltelli et al. (2010) for first-order and total Sobol indices: two matrices A
 * and B of N base samples each, taken from one Sobol sequence of dimension 2k (the first k
 * coordinates give A's row, the last k give B's), and for each factor i the matrix AB_i, which is A
 * with column i taken from B. Points come in blocks of k + 2 per base sample j: A_j, B_j, AB_1j, ...,
 * AB_kj, so the first n blocks are a complete smaller design (for convergence).
 *
 * <p>The sequence's first point (all zeros) is skipped, as is usual: it sits on every range's lower end.
 */
public final class SaltelliDesign implements Design {
    private final int k;
    private final int samples;
    private final SobolSequenceGenerator sequence;

    public SaltelliDesign(int factors, int samples) {
        if (factors < 1 || 2 * factors > 1000) throw new IllegalArgumentException("a Sobol design takes 1 to 500 factors");
        if (samples < 2) throw new IllegalArgumentException("a Sobol design needs at least 2 base samples");
        this.k = factors;
        this.samples = samples;
        this.sequence = new SobolSequenceGenerator(2 * factors);
    }

    @Override public int factors() {
        return k;
    }

    /** N, the number of base samples. */
    public int samples() {
        return samples;
    }

    /** Points per base sample: k + 2. */
    public int block() {
        return k + 2;
    }

    @Override public long size() {
        return (long) samples * (k + 2);
    }

    @Override public double[] unit(long index) {
        int j = (int) (index / (k + 2));
        int role = (int) (index % (k + 2));
        double[] row;
        synchronized (sequence) {
            row = sequence.skipTo(j + 1);
        }
        double[] u = new double[k];
        for (int f = 0; f < k; f++) {
            boolean fromB = role == 1 || (role >= 2 && role - 2 == f);
            u[f] = row[fromB ? k + f : f];
        }
        return u;
    }

    /** What a point is in its block: 0 for A, 1 for B, 2 + i for AB_i. */
    public int role(long index) {
        return (int) (index % (k + 2));
    }

    @Override public String kind() {
        return "sobol";
    }
}
