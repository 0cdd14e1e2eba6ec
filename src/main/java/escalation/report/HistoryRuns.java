package escalation.report;

import escalation.history.Target;
import escalation.history.Validation;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A history check's {@code runs.csv}: one row per run, in run order, with the run's value of each
 * target's statistic and its weekly series. It grows as runs finish and is covered by the checkpoint,
 * so an interrupted check resumes from the rows it holds: numbers are written in Java's shortest
 * exact form and read back to the same doubles, so the resumed check's files are those of an
 * uninterrupted one.
 */
public final class HistoryRuns implements AutoCloseable {
    public static final String RUNS = "runs.csv";

    private final StreamedTable table;
    private final int targets;
    private final List<Validation.Sample> read;

    private HistoryRuns(StreamedTable table, int targets, List<Validation.Sample> read) {
        this.table = table;
        this.targets = targets;
        this.read = read;
    }

    /** Starts a new {@code runs.csv} in {@code folder}. */
    public static HistoryRuns create(ResultsFolder folder, List<Target> targets) throws IOException {
        return new HistoryRuns(StreamedTable.create(folder, RUNS, header(targets)), targets.size(), List.of());
    }

    /**
     * Reopens {@code runs.csv} at a checkpoint's mark, after checking that it holds exactly what the mark
     * covers, and reads its rows; the first row is run {@code first} (0 but for a shard).
     */
    public static HistoryRuns resume(ResultsFolder folder, List<Target> targets, StreamedTable.Mark mark, long first)
            throws IOException, StreamedTable.Mismatch {
        StreamedTable t = StreamedTable.resume(folder, RUNS, header(targets), mark);
        try {
            return new HistoryRuns(t, targets.size(), List.copyOf(read(t.file(), targets.size(), first, mark.rows())));
        } catch (IOException | RuntimeException | StreamedTable.Mismatch e) {
            t.close();
            throw e;
        }
    }

    /**
     * Checks, reading only, that a finished check's (a shard's) {@code runs.csv} in {@code dir} holds exactly
     * the rows its checkpoint covers, runs {@code first} on, and reads them.
     */
    public static List<Validation.Sample> check(Path dir, List<Target> targets, StreamedTable.Mark mark, long first)
            throws IOException, StreamedTable.Mismatch {
        Path file = dir.resolve(RUNS);
        StreamedTable.check(file, header(targets), mark);
        return read(file, targets.size(), first, mark.rows());
    }

    /** Appends the rows of a shard's {@code runs.csv} in {@code dir}, streamed; returns how many. */
    public long append(Path dir) throws IOException {
        return table.append(dir.resolve(RUNS));
    }

    private static List<Validation.Sample> read(Path file, int targets, long first, long rows) throws IOException, StreamedTable.Mismatch {
        List<Validation.Sample> samples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (long i = 0; i < rows; i++) samples.add(parse(in.readLine(), first + i, i, targets, file));
        }
        return samples;
    }

    /** The samples of the rows the folder held when resumed. */
    public List<Validation.Sample> samples() {
        return read;
    }

    private static String header(List<Target> targets) {
        List<Object> cells = new ArrayList<>(List.of("run", "seed", "status"));
        targets.forEach(t -> cells.add(t.id()));
        cells.add("weekly");
        return Csv.row(cells.toArray());
    }

    /** One run's row; a run that threw has status {@code error} and no values. */
    public void row(long run, int seed, Validation.Sample s) throws IOException {
        StringBuilder b = new StringBuilder(128).append(run).append(',').append(seed).append(',').append(s.failed() ? "error" : "ok");
        if (s.failed()) {
            b.append(",".repeat(targets + 1));
        } else {
            for (double v : s.values()) b.append(',').append(number(v));
            b.append(',');
            if (s.weekly() != null) {
                for (int k = 0; k < s.weekly().length; k++) b.append(k == 0 ? "" : " ").append(number(s.weekly()[k]));
            }
        }
        table.row(b.append('\n').toString());
    }

    /** Makes every row so far durable and says how far the table goes. */
    public StreamedTable.Mark mark() throws IOException {
        return table.mark();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double value(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private static Validation.Sample parse(String line, long run, long row, int targets, Path file) throws StreamedTable.Mismatch {
        String[] cells = line == null ? new String[0] : line.split(",", -1);
        if (cells.length != targets + 4 || !cells[0].equals(Long.toString(run))) {
            throw StreamedTable.mismatch(file + ": row " + (row + 1) + " is not run " + run + " with " + targets + " statistics");
        }
        if (cells[2].equals("error")) return Validation.Sample.FAILED;
        try {
            double[] values = new double[targets];
            for (int k = 0; k < targets; k++) values[k] = value(cells[3 + k]);
            String w = cells[3 + targets];
            double[] weekly = null;
            if (!w.isEmpty()) {
                String[] parts = w.split(" ");
                weekly = new double[parts.length];
                for (int k = 0; k < parts.length; k++) weekly[k] = value(parts[k]);
            }
            return new Validation.Sample(values, weekly);
        } catch (NumberFormatException e) {
            throw StreamedTable.mismatch(file + ": row " + (row + 1) + " holds a value that is not a number");
        }
    }

    @Override public void close() throws IOException {
        table.close();
    }
}
