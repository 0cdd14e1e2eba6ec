package escalation.history;

import escalation.scenario.Node;
import escalation.scenario.Problem;
import escalation.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an observed-figures CSV: a header naming at least {@link #COLUMNS}, then one figure per
 * row. Cells may be quoted ("a, b") with doubled quotes inside; lines starting with # are comments.
 */
public final class ObservedFigures {
    private ObservedFigures() { }

    public static final List<String> COLUMNS = List.of("id", "quantity", "value", "low", "high", "unit",
            "source", "publication", "published", "range_rule");

    /** The largest observed-figures file read. */
    public static final long MAX_BYTES = 4L << 20;

    public static List<Figure> read(Path csv) throws IOException, ScenarioException {
        String name = csv.toString();
        if (!Files.isRegularFile(csv)) throw single(name, "no such file");
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw single(name, "expected a CSV file (named .csv); other files are not read");
        }
        if (Files.size(csv) > MAX_BYTES) throw single(name, "file is larger than the limit of " + MAX_BYTES + " bytes");
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw single(name, "file is not valid UTF-8 text (save it as UTF-8 CSV)");
        }
        // A spreadsheet's UTF-8 byte order mark is not part of the first column's name.
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) lines.set(0, lines.get(0).substring(1));
        List<Problem> problems = new ArrayList<>();
        List<Figure> out = new ArrayList<>();
        List<String> header = null;
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells;
            try {
                cells = cells(line);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(new Node.Position(name, i + 1, 1), "", e.getMessage()));
                continue;
            }
            if (header == null) {
                header = cells;
                for (int k = 0; k < COLUMNS.size(); k++) {
                    at[k] = header.indexOf(COLUMNS.get(k));
                    if (at[k] < 0) problems.add(new Problem(new Node.Position(name, i + 1, 1), "", "missing column '" + COLUMNS.get(k) + "'"));
                }
                if (!problems.isEmpty()) throw new ScenarioException(problems);
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(new Problem(new Node.Position(name, i + 1, 1), "", "expected " + header.size() + " cells, found " + cells.size()));
                continue;
            }
            String[] v = new String[COLUMNS.size()];
            for (int k = 0; k < v.length; k++) v[k] = cells.get(at[k]).strip();
            for (int k : new int[] {0, 2, 3, 4, 6, 7, 8}) {
                if (v[k].isEmpty()) {
                    problems.add(new Problem(new Node.Position(name, i + 1, 1), COLUMNS.get(k), "empty '" + COLUMNS.get(k)
                            + "': every figure needs its id, value, range and source"));
                }
            }
            out.add(new Figure(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], name, i + 1));
        }
        if (header == null) problems.add(new Problem(new Node.Position(name, 1, 1), "", "empty file: expected a header row"));
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    private static ScenarioException single(String name, String message) {
        return new ScenarioException(List.of(new Problem(new Node.Position(name, 1, 1), "", message)));
    }

    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted cell");
        out.add(cell.toString());
        return out;
    }
}
