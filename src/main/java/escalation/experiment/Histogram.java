package escalation.experiment;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** Exact counts of a non-negative integer total per run; memory grows with the largest value, not with runs. */
final class Histogram {
    private long[] counts = new long[8];
    private int max = -1;
    private long n;
    private double sum;
    private double sumOfSquares;

    void add(int value) {
        if (value >= counts.length) counts = Arrays.copyOf(counts, Math.max(value + 1, counts.length * 2));
        counts[value]++;
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
        return java.util.stream.IntStream.rangeClosed(0, max).filter(v -> counts[v] > 0).asLongStream().toArray();
    }

    long[] countsOfValues() {
        return java.util.stream.IntStream.rangeClosed(0, max).filter(v -> counts[v] > 0).mapToLong(v -> counts[v]).toArray();
    }

    double[] meanInterval() {
        return Statistics.meanInterval(n, sum, sumOfSquares);
    }

    double quantile(double q) {
        return Statistics.quantile(values(), countsOfValues(), q);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(max);
        for (int v = 0; v <= max; v++) out.writeLong(counts[v]);
        out.writeLong(n);
        out.writeDouble(sum);
        out.writeDouble(sumOfSquares);
    }

    void read(DataInput in) throws IOException {
        max = in.readInt();
        counts = new long[Math.max(8, max + 1)];
        for (int v = 0; v <= max; v++) counts[v] = in.readLong();
        n = in.readLong();
        sum = in.readDouble();
        sumOfSquares = in.readDouble();
    }
}
