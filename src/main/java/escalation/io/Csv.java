package escalation.io;

/** RFC 4180 CSV cells: quoted only when needed; numbers in a locale-independent form. */
public final class Csv {
    private Csv() { }

    public static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    public static String row(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            Object c = cells[i];
            b.append(c instanceof Double d ? num(d) : c instanceof Number n ? n.toString() : cell(c == null ? "" : c.toString()));
        }
        return b.append('\n').toString();
    }
}
