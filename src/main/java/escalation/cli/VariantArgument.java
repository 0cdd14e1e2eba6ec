package escalation.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A variant given on the command line: {@code NAME=PATH=VALUE[,PATH=VALUE...]}, e.g.
 * {@code credible=actors.israel.response.reliability=0.95,actors.us.attention=1}. The first
 * {@code =} ends the name; overrides are separated by commas outside brackets, braces and quotes,
 * so a YAML list such as {@code by=[kh, nujaba]} stays one value.
 */
record VariantArgument(String name, List<String> overrides) {
    /** Names become folder names and CSV cells: letters, digits and {@code _ . -}, starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    static VariantArgument parse(String text) {
        String usage = "expected NAME=PATH=VALUE[,PATH=VALUE...], e.g. credible=actors.israel.response.reliability=0.95";
        int eq = text.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("--variant '" + text + "': no '=' after the name; " + usage);
        String name = text.substring(0, eq).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--variant '" + text + "': '" + name + "' is not a usable name "
                    + "(letters, digits, '_', '.', '-', starting with a letter or digit); " + usage);
        }
        List<String> overrides = new ArrayList<>();
        for (String part : split(text.substring(eq + 1), text)) {
            String o = part.strip();
            int e = o.indexOf('=');
            if (e <= 0) {
                throw new IllegalArgumentException("--variant '" + text + "': '" + o + "' is not PATH=VALUE; " + usage);
            }
            overrides.add(o);
        }
        if (overrides.isEmpty()) throw new IllegalArgumentException("--variant '" + text + "': no override given; " + usage);
        return new VariantArgument(name, List.copyOf(overrides));
    }

    private static List<String> split(String s, String whole) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (quote != 0 || depth != 0) {
            throw new IllegalArgumentException("--variant '" + whole + "': unbalanced " + (quote != 0 ? "quote" : "brackets"));
        }
        parts.add(s.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }
}
