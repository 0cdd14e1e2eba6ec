package escalation.study;

/** Numbers as tables write them, in a locale-independent form: whole numbers without a point, others to 6 significant digits. */
final class Numbers {
    private Numbers() { }

    static String format(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
