package escalation.report;

import escalation.experiment.Aggregate;
import escalation.experiment.BatchSummary;
import escalation.experiment.Statistics;
import escalation.io.Checkpoint;
import escalation.io.Csv;
import escalation.io.StreamedTable;
import escalation.io.ResultsFolder;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a batch's results folder. {@code runs.csv} grows one row per run, in run order, as
 * runs finish; a checkpoint (the aggregates and how many rows of {@code runs.csv} they cover) is
 * written atomically now and then, so an interrupted batch can be resumed to exactly the files an
 * uninterrupted one writes. Every other file is written whole, atomically, at the end.
 */
public final class BatchFiles implements AutoCloseable {
    public static final String RUNS = "runs.csv";
    public static final String OUTCOMES = "outcomes.csv";
    public static final String DAILY = "daily.csv";
    public static final String TOTALS = "totals.csv";
    public static final String MANIFEST = "manifest.json";
    public static final String REPORT = "report.html";
    public static final String CHECKPOINT = Checkpoint.NAME;

    private final ResultsFolder folder;
    private final Path dir;
    private final Theatre theatre;
    private final StreamedTable runs;

    private BatchFiles(ResultsFolder folder, Theatre theatre, StreamedTable runs) {
        this.folder = folder;
        this.dir = folder.path();
        this.theatre = theatre;
        this.runs = runs;
    }

    /** Starts a new {@code runs.csv} in {@code folder}. */
    public BatchFiles(ResultsFolder folder, Theatre theatre) throws IOException {
        this(folder, theatre, StreamedTable.create(folder, RUNS, header(theatre)));
    }

    /** Reopens {@code runs.csv} at a checkpoint's mark, after checking that it holds exactly what the mark covers. */
    public static BatchFiles resume(ResultsFolder folder, Theatre theatre, StreamedTable.Mark mark)
            throws IOException, StreamedTable.Mismatch {
        return new BatchFiles(folder, theatre, StreamedTable.resume(folder, RUNS, header(theatre), mark));
    }

    /** Checks, reading only, that {@code runs.csv} in {@code dir} starts with what {@code mark} covers, before anything is resumed. */
    public static void verify(Path dir, Theatre theatre, StreamedTable.Mark mark) throws IOException, StreamedTable.Mismatch {
        StreamedTable.verify(dir.resolve(RUNS), header(theatre), mark);
    }

    /** Checks, reading only, that a finished batch's (a shard's) {@code runs.csv} holds exactly the rows its checkpoint covers. */
    public static void check(Path dir, Theatre theatre, StreamedTable.Mark mark) throws IOException, StreamedTable.Mismatch {
        StreamedTable.check(dir.resolve(RUNS), header(theatre), mark);
    }

    /** Appends the rows of another batch's (a shard's) {@code runs.csv}, streamed; returns how many. */
    public long append(Path otherDir) throws IOException {
        folder.guard();
        return runs.append(otherDir.resolve(RUNS));
    }

    public Path dir() {
        return dir;
    }

    private static String header(Theatre theatre) {
        StringBuilder b = new StringBuilder("run,seed,status,error,max_level,end_level,end_state");
        for (var t : theatre.scenario.thresholds()) b.append(',').append(t.id()).append("_date");
        for (String a : theatre.actorIds) b.append(',').append(a).append("_attacks,").append(a).append("_weapons,")
                .append(a).append("_killed,").append(a).append("_killed_suffered");
        return b.append('\n').toString();
    }

    /** One run's row; {@code record} is null for a run that threw. */
    public void row(long run, int seed, RunRecord r, Throwable error) throws IOException {
        StringBuilder b = new StringBuilder(256);
        b.append(run).append(',').append(seed).append(',');
        if (r == null) {
            b.append("error,").append(Csv.cell(describe(error))).append(",,,");
            for (int k = 0; k < theatre.thresholdRung.length; k++) b.append(',');
            for (int a = 0; a < theatre.actors; a++) b.append(",,,,");
        } else {
            int end = r.endLevel(RunRecord.END_WINDOW);
            b.append("ok,,").append(r.maxLevel()).append(',').append(end).append(',').append(levelId(end));
            for (int d : r.thresholdDay) b.append(',').append(d < 0 ? "" : theatre.date(d).toString());
            for (int a = 0; a < theatre.actors; a++) {
                b.append(',').append(r.byAttacker(r.attacks, a)).append(',').append(r.byAttacker(r.weapons, a))
                        .append(',').append(r.byAttacker(r.killed, a)).append(',').append(r.byTarget(r.killed, a));
            }
        }
        runs.row(b.append('\n').toString());
    }

    /** The error and where it was thrown, on one line. */
    static String describe(Throwable error) {
        StackTraceElement[] at = error.getStackTrace();
        String text = String.valueOf(error).replace('\n', ' ').replace('\r', ' ');
        return at.length == 0 ? text : text + " at " + at[0];
    }

    private String levelId(int level) {
        return level == 0 ? "calm" : theatre.scenario.ladder().get(level - 1).id();
    }

    /**
     * Makes every row so far durable and records, sealed, the aggregates that cover them, how far
     * runs.csv goes and what its bytes hash to, and the identity of the batch ({@code identity}).
     */
    public void checkpoint(Aggregate aggregate, long runsDone, String identity) throws IOException {
        StreamedTable.Mark mark = mark();
        new Checkpoint(identity, List.of(mark), runsDone, Checkpoint.state(aggregate::write)).write(folder);
    }

    /** Makes every row of runs.csv so far durable and says how far it goes (for a checkpoint covering several tables). */
    public StreamedTable.Mark mark() throws IOException {
        return runs.mark();
    }

    /** Reads the aggregates of a checkpoint into {@code aggregate}; false when they do not fit this scenario's. */
    public static boolean restore(Checkpoint cp, Aggregate aggregate) {
        return cp.restore(aggregate::read) && aggregate.runs() + aggregate.failed() == cp.done();
    }

    /** The tables of a finished batch. */
    public void tables(BatchSummary s, Aggregate aggregate, double precision) throws IOException {
        StringBuilder o = new StringBuilder("outcome,name,runs,crossed,probability,low,high,median_first_crossing,half_width,runs_needed,enough\n");
        for (BatchSummary.OutcomeEstimate e : s.outcomes()) {
            double half = (e.high() - e.low()) / 2;
            long needed = Statistics.runsNeeded(e.probability(), precision);
            o.append(Csv.row(e.id(), e.name(), s.runs(), e.crossed(), e.probability(), e.low(), e.high(),
                    e.medianDay() < 0 ? "" : s.dates().get(e.medianDay()).toString(), half, needed, half <= precision));
        }
        long[] ends = aggregate.endLevelCounts();
        for (int level = 0; level < ends.length; level++) {
            double[] ci = Statistics.wilson(ends[level], s.runs(), Statistics.Z95);
            double p = s.runs() == 0 ? Double.NaN : (double) ends[level] / s.runs();
            double half = (ci[1] - ci[0]) / 2;
            o.append(Csv.row("end_state:" + levelId(level), "End state: " + s.levelNames().get(level), s.runs(), ends[level],
                    p, ci[0], ci[1], "", half, Statistics.runsNeeded(p, precision), half <= precision));
        }
        write(OUTCOMES, o.toString());

        StringBuilder d = new StringBuilder("date,statistic,value\n");
        for (int day = 0; day < s.dates().size(); day++) {
            String date = s.dates().get(day).toString();
            d.append(Csv.row(date, "level_mean", s.meanLevel()[day]));
            for (int k = 0; k < BatchSummary.QUANTILES.length; k++) {
                d.append(Csv.row(date, "level_p" + Math.round(100 * BatchSummary.QUANTILES[k]), s.levelQuantiles()[day][k]));
            }
            long[] counts = aggregate.levelCounts(day);
            for (int level = 0; level < counts.length; level++) {
                d.append(Csv.row(date, "share_" + levelId(level), s.runs() == 0 ? Double.NaN : (double) counts[level] / s.runs()));
            }
            int week = s.weekStarts().indexOf(s.dates().get(day));
            for (int a = 0; week >= 0 && a < s.actorIds().size(); a++) {
                d.append(Csv.row(date, "weekly_attacks_mean_" + s.actorIds().get(a), s.weeklyAttacks()[a][week]));
            }
        }
        write(DAILY, d.toString());

        StringBuilder t = new StringBuilder("attacker,target,metric,mean,low,high,p5,p50,p95\n");
        for (BatchSummary.MetricEstimate m : s.metrics()) {
            t.append(Csv.row(m.attacker(), m.target(), m.metric(), m.mean(), m.low(), m.high(), m.p5(), m.p50(), m.p95()));
        }
        write(TOTALS, t.toString());
    }

    public void write(String name, String content) throws IOException {
        folder.write(name, content);
    }

    public ResultsFolder folder() {
        return folder;
    }

    /** Removes the checkpoint of a finished batch. */
    public void forgetCheckpoint() throws IOException {
        Checkpoint.forget(folder);
    }

    @Override public void close() throws IOException {
        runs.close();
    }

    /** The rows of runs.csv, for tests. */
    public static List<String> runRows(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve(RUNS));
    }
}
