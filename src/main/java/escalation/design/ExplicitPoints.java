package escalation.design;

/** Points given one by one, in unit coordinates (an experiment file lists them in the factors' own units). */
public final class ExplicitPoints implements Design {
    private final double[][] points;
    private final int factors;

    public ExplicitPoints(int factors, double[][] points) {
        for (double[] p : points) {
            if (p.length != factors) throw new IllegalArgumentException("each point needs one coordinate per factor");
        }
        this.factors = factors;
        this.points = points.clone();
    }

    @Override public int factors() {
        return factors;
    }

    @Override public long size() {
        return points.length;
    }

    @Override public double[] unit(long index) {
        return points[(int) index].clone();
    }

    @Override public String kind() {
        return "list";
    }
}
