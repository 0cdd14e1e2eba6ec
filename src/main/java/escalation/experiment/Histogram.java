package escalation.experiment;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts of a non-negative integer total per run. Values below {@link #DENSE} are counted in
 * an array (memory grows with the largest value, not with runs); larger ones, which only extreme
 * scenarios produce, in a sorted map, so that a total of a billion does not ask for a billion counts.
 */
final class Histogram {
    static final int DENSE = 1 << 16;
    private long[] counts = new long[8];
    private final TreeMap<Integer, Long> large = new TreeMap<>();
    private int max = -1;
    private long n;
    private double sum;
    private double sumOfSquares;

    void add(int value) {
        if (value < DENSE) {
            if (value >= counts.length) counts = Arrays.copyOf(counts, Math.min(DENSE, Math.max(value + 1, counts.length * 2)));
            counts[value]++;
        } else {
            large.merge(value, 1L, Long::sum);
        }
        max = Math.max(max, value);
        n++;
        sum += value;
        sumOfSquares += (double) value * value;
    }

    long n() {
        return n;
    }

    boolean allZero() {
        return max <= 0;
    }

    /** Values that occurred, ascending. */
    long[] values() {
        long[] dense = java.util.stream.IntStream.range(0, Math.min(counts.length, max + 1)).filter(v -> counts[v] > 0).asLongStream().toArray();
        long[] out = Arrays.copyOf(dense, dense.length + large.size());
        int i = dense.length;
        for (int v : large.keySet()) out[i++] = v;
        return out;
    }

    long[] countsOfValues() {
        long[] dense = java.util.stream.IntStream.range(0, Math.min(counts.length, max + 1)).filter(v -> counts[v] > 0).mapToLong(v -> counts[v]).toArray();
        long[] out = Arrays.copyOf(dense, dense.length + large.size());
        int i = dense.length;
        for (long c : large.values()) out[i++] = c;
        return out;
    }

    double[] meanInterval() {
        return Statistics.meanInterval(n, sum, sumOfSquares);
    }

    double quantile(double q) {
        return Statistics.quantile(values(), countsOfValues(), q);
    }

    /** Below this, doubles hold every whole number exactly. */
    static final double EXACT = 0x1p53;

    /** Adds another histogram's counts and sums. */
    void absorb(Histogram o) {
        if (o.max >= 0) {
            int dense = Math.min(o.max + 1, DENSE);
            if (dense > counts.length) counts = Arrays.copyOf(counts, dense);
            for (int v = 0; v < dense && v < o.counts.length; v++) counts[v] += o.counts[v];
        }
        o.large.forEach((v, c) -> large.merge(v, c, Long::sum));
        max = Math.max(max, o.max);
        n += o.n;
        sum += o.sum;
        sumOfSquares += o.sumOfSquares;
    }

    /** The sums are whole numbers below 2^53, so they are exact whatever the order they were added in. */
    boolean exact() {
        return sum < EXACT && sumOfSquares < EXACT;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(max);
        int dense = Math.min(max + 1, DENSE);
        for (int v = 0; v < dense; v++) out.writeLong(counts[v]);
        out.writeInt(large.size());
        for (Map.Entry<Integer, Long> e : large.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        out.writeLong(n);
        out.writeDouble(sum);
        out.writeDouble(sumOfSquares);
    }

    void read(DataInput in) throws IOException {
        max = in.readInt();
        if (max < -1) throw new IOException("a histogram with a negative largest value");
        int dense = Math.min(max + 1, DENSE);
        counts = new long[Math.max(8, dense)];
        for (int v = 0; v < dense; v++) counts[v] = in.readLong();
        int k = in.readInt();
        if (k < 0) throw new IOException("a histogram with a negative number of values");
        large.clear();
        for (int i = 0; i < k; i++) large.put(in.readInt(), in.readLong());
        n = in.readLong();
        sum = in.readDouble();
        sumOfSquares = in.readDouble();
    }
}
