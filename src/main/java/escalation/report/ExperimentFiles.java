package escalation.report;

import escalation.io.AppendedFile;
import escalation.io.Checkpoint;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.study.Experiment;
import escalation.study.ExperimentModel;
import escalation.study.Factor;
import escalation.study.Observation;
import escalation.study.PointResult;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The streamed tables of an experiment's results folder. {@code runs.csv} grows one row per run,
 * {@code points.csv}, {@code point-outcomes.csv} and {@code point-actors.csv} rows per point, in order,
 * as points finish; each point's exact means also go to a hidden binary file for the analysis at the
 * end. After each point the five may be checkpointed ({@link Checkpoint}, sealed): how far each goes and
 * what its bytes hash to. A resumed experiment checks every file against its mark, cuts it back to it and
 * goes on from the next point, so its files are byte for byte those of an uninterrupted one.
 */
public final class ExperimentFiles implements AutoCloseable {
    public static final String RUNS = "runs.csv";
    public static final String POINTS = "points.csv";
    public static final String POINT_OUTCOMES = "point-outcomes.csv";
    public static final String POINT_ACTORS = "point-actors.csv";
    public static final String MEANS = ".point-means";
    public static final String CHECKPOINT = Checkpoint.NAME;
    /** The files that grow point by point, in the order a checkpoint records their lengths. */
    public static final List<String> NAMES = List.of(RUNS, POINTS, POINT_OUTCOMES, POINT_ACTORS, MEANS);

    private final ResultsFolder folder;
    private final Experiment e;
    private final ExperimentModel model;
    private final AppendedFile[] files = new AppendedFile[NAMES.size()];
    private long failed;
    private long cellsPoint = -1;
    private String cells;

    /**
     * Starts the tables afresh ({@code from} null) or cuts them back to a checkpoint, after checking that
     * each holds exactly what the checkpoint covers.
     */
    public ExperimentFiles(ResultsFolder folder, Experiment e, ExperimentModel model, Checkpoint from)
            throws IOException, StreamedTable.Mismatch {
        this.folder = folder;
        this.e = e;
        this.model = model;
        if (from != null) {
            if (from.tables().size() != NAMES.size()) throw StreamedTable.mismatch("the checkpoint is not an experiment's");
            failed = failed(from);
            if (failed < 0) throw StreamedTable.mismatch("the checkpoint is not an experiment's");
        }
        try {
            for (int i = 0; i < files.length; i++) {
                Path p = folder.path().resolve(NAMES.get(i));
                files[i] = from == null ? AppendedFile.create(p) : AppendedFile.resume(p, from.tables().get(i));
            }
        } catch (IOException | StreamedTable.Mismatch x) {
            close();
            throw x;
        }
        if (from == null) header();
    }

    /** The runs that failed before a checkpoint, or -1 when its state is not an experiment's. */
    public static long failed(Checkpoint cp) {
        long[] failed = {-1};
        return cp.restore(in -> failed[0] = in.readLong()) && failed[0] >= 0 ? failed[0] : -1;
    }

    /**
     * Checks, reading only, that a finished experiment's (a shard's) files hold exactly what its
     * checkpoint covers; the problems found, empty when none.
     */
    public static List<String> check(Path dir, Checkpoint cp) throws IOException {
        List<String> problems = new ArrayList<>();
        if (cp.tables().size() != NAMES.size() || failed(cp) < 0) return List.of("its checkpoint is not an experiment's");
        for (int i = 0; i < NAMES.size(); i++) {
            try {
                AppendedFile.check(dir.resolve(NAMES.get(i)), cp.tables().get(i));
            } catch (StreamedTable.Mismatch x) {
                problems.add(x.getMessage());
            }
        }
        return problems;
    }

    private void header() throws IOException {
        StringBuilder runs = new StringBuilder("run,point,design_point,policy,replication,seed,status,error");
        StringBuilder points = new StringBuilder("point,design_point,policy");
        for (Factor f : e.factors()) {
            runs.append(',').append(f.name());
            points.append(',').append(f.name());
        }
        points.append(",runs,failed");
        for (int o = 0; o < e.outcomes().size(); o++) {
            String name = e.outcomes().get(o);
            runs.append(',').append(name);
            if (e.dated()[o]) runs.append(',').append(name).append("_date");
            points.append(',').append(name).append(',').append(name).append("_low,").append(name).append("_high");
        }
        files[0].write(runs.append('\n').toString());
        files[1].write(points.append('\n').toString());
        files[2].write("point,outcome,runs,mean,sd,low,high\n");
        files[3].write("point,metric,actor,runs,mean,low,high\n");
    }

    /** The point's factor values as table cells, worked out once per point. */
    private String cells(long point) {
        if (point != cellsPoint) {
            double[] u = e.unit(point);
            StringBuilder b = new StringBuilder();
            for (int f = 0; f < u.length; f++) b.append(',').append(Csv.cell(e.factors().get(f).cell(u[f])));
            cells = b.toString();
            cellsPoint = point;
        }
        return cells;
    }

    public void run(long run, long point, int replication, int seed, Observation o, Throwable error) throws IOException {
        StringBuilder b = new StringBuilder(160);
        b.append(run).append(',').append(point).append(',').append(e.designPoint(point)).append(',')
                .append(Csv.cell(e.policies().get(e.policy(point)))).append(',').append(replication).append(',').append(seed).append(',');
        b.append(o == null ? "error," + Csv.cell(describe(error)) : "ok,");
        b.append(cells(point));
        for (int k = 0; k < e.outcomes().size(); k++) {
            b.append(',');
            if (o != null) b.append(Csv.num(o.values()[k]));
            if (e.dated()[k]) {
                b.append(',');
                if (o != null && o.days()[k] >= 0) b.append(model.date(o.days()[k]));
            }
        }
        files[0].write(b.append('\n').toString());
    }

    /** The error and where it was thrown, on one line. */
    static String describe(Throwable error) {
        return BatchFiles.describe(error);
    }

    public void point(PointResult r) throws IOException {
        long p = r.point();
        failed += r.failed();
        StringBuilder b = new StringBuilder();
        b.append(p).append(',').append(r.designPoint()).append(',').append(Csv.cell(e.policies().get(r.policy()))).append(cells(p))
                .append(',').append(r.runs()).append(',').append(r.failed());
        StringBuilder outcomes = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream means = new DataOutputStream(bytes);
        for (int k = 0; k < e.outcomes().size(); k++) {
            b.append(',').append(Csv.num(r.mean()[k])).append(',').append(Csv.num(r.low()[k])).append(',').append(Csv.num(r.high()[k]));
            outcomes.append(Csv.row(p, e.outcomes().get(k), r.n()[k], r.mean()[k], r.sd()[k], r.low()[k], r.high()[k]));
            means.writeDouble(r.mean()[k]);
        }
        files[1].write(b.append('\n').toString());
        files[2].write(outcomes.toString());
        if (r.actors() != null) {
            StringBuilder a = new StringBuilder();
            for (int m = 0; m < r.actors().length; m++) {
                for (int x = 0; x < r.actors()[m].length; x++) {
                    double[] v = r.actors()[m][x];
                    a.append(Csv.row(p, model.actorMetrics().get(m), model.actors().get(x), r.runs(), v[0], v[1], v[2]));
                }
            }
            files[3].write(a.toString());
        }
        files[4].write(bytes.toByteArray());
    }

    /**
     * Makes everything so far durable and records, sealed, the state after {@code pointsDone} points: how
     * far each file goes and what its bytes hash to, the runs that failed, and the identity of the
     * experiment ({@code identity}, see {@link escalation.io.ManifestIdentity}).
     */
    public void checkpoint(long pointsDone, String identity) throws IOException {
        List<StreamedTable.Mark> marks = new ArrayList<>();
        for (AppendedFile f : files) marks.add(f.mark(pointsDone));
        long failedSoFar = failed;
        new Checkpoint(identity, marks, pointsDone, Checkpoint.state(out -> out.writeLong(failedSoFar))).write(folder);
    }

    /** Every point's exact means, means[point][outcome], read back from the hidden file for the analysis. */
    public double[][] means() throws IOException {
        files[4].sync();
        int m = e.outcomes().size();
        double[][] out = new double[(int) e.points()][m];
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(folder.path().resolve(MEANS)), 1 << 16))) {
            for (double[] row : out) {
                for (int k = 0; k < m; k++) row[k] = in.readDouble();
            }
        }
        return out;
    }

    /** Removes the checkpoint and the hidden means of a finished experiment. */
    public void forget() throws IOException {
        Files.deleteIfExists(folder.path().resolve(CHECKPOINT));
        files[4].close();
        Files.deleteIfExists(folder.path().resolve(MEANS));
    }

    /** Runs that threw, over every point so far (also those before a resume). */
    public long failed() {
        return failed;
    }

    public ResultsFolder folder() {
        return folder;
    }

    @Override public void close() throws IOException {
        for (AppendedFile f : files) {
            if (f != null) f.close();
        }
    }
}
