package escalation.classroom;

import escalation.experiment.BatchRunner;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.ArrayList;
import java.util.List;

/**
 * The class's path set against the model's: a batch of the same scenario with the model in every chair
 * (seeds from the session's seed), and for each threshold the share of model runs that crossed it by
 * the day the class did; the class's highest rung and casualties as percentiles of the model's. Then
 * which of the players' turns moved the outcome most: the session replayed with the model choosing in
 * that one turn, everything else as played, and the change in the highest rung and in the killed.
 */
public final class Debrief {
    public record Threshold(String name, int classDay, String classDate, double modelShareByThen, double modelShareEver) { }

    public record Turn(int turn, String date, String choices, int highestRungIfModel, int killedIfModel, int killedChange) { }

    public record Result(int runs, int classHighestRung, String classHighestRungName, double shareOfRunsAsHigh,
                         int classKilled, double shareOfRunsWithFewerKilled, List<Threshold> thresholds, List<Turn> turns) { }

    private Debrief() { }

    public static Result of(ClassSession played, int runs, int threads) throws Exception {
        Theatre t = played.theatre();
        RunRecord mine = played.record();
        int thresholds = t.thresholdRung.length;
        long[][] crossedBy = new long[thresholds][t.days + 1];
        int[] highest = new int[runs];
        int[] killed = new int[runs];
        BatchRunner.run(t, played.log().seed, 0, runs, threads, (run, seed, r, error) -> {
            if (r == null) return;
            highest[(int) run] = r.maxLevel();
            killed[(int) run] = totalKilled(r);
            for (int k = 0; k < thresholds; k++) {
                if (r.thresholdDay[k] >= 0) crossedBy[k][r.thresholdDay[k]]++;
            }
        });
        List<Threshold> rows = new ArrayList<>();
        for (int k = 0; k < thresholds; k++) {
            long ever = 0;
            for (long c : crossedBy[k]) ever += c;
            int day = mine.thresholdDay[k];
            long byThen = 0;
            if (day >= 0) {
                for (int d = 0; d <= day; d++) byThen += crossedBy[k][d];
            }
            rows.add(new Threshold(t.scenario.thresholds().get(k).name(), day, day >= 0 ? t.date(day).toString() : null,
                    day >= 0 ? (double) byThen / runs : Double.NaN, (double) ever / runs));
        }
        int level = mine.maxLevel();
        int asHigh = 0;
        int fewer = 0;
        int classKilled = totalKilled(mine);
        for (int i = 0; i < runs; i++) {
            if (highest[i] >= level) asHigh++;
            if (killed[i] < classKilled) fewer++;
        }
        return new Result(runs, level, level == 0 ? "none" : t.rungNames[level - 1], (double) asHigh / runs,
                classKilled, (double) fewer / runs, rows, turnInfluence(played));
    }

    /** Per turn with a player's decision: the session replayed with the model choosing in that turn alone. */
    private static List<Turn> turnInfluence(ClassSession played) {
        List<Turn> out = new ArrayList<>();
        SessionLog log = played.log();
        int killed = totalKilled(played.record());
        for (int k = 0; k < log.turns.size(); k++) {
            SessionLog.Turn turn = log.turns.get(k);
            if (turn.choices().stream().allMatch(c -> c.option().equals(ClassSession.MODEL))) continue;
            SessionLog other = log.emptyCopy();
            for (SessionLog.Turn u : log.turns) {
                other.turns.add(u.turn() == turn.turn() ? new SessionLog.Turn(u.turn(), u.day(), List.of(), u.interventions()) : u);
            }
            ClassSession alt = ClassSession.replay(played.theatre(), other);
            int altKilled = totalKilled(alt.record());
            StringBuilder what = new StringBuilder();
            for (SessionLog.Choice c : turn.choices()) {
                if (what.length() > 0) what.append("; ");
                what.append(c.actor()).append(": ").append(c.option());
            }
            out.add(new Turn(turn.turn(), played.theatre().date(Math.min(turn.day(), played.theatre().days - 1)).toString(),
                    what.toString(), alt.record().maxLevel(), altKilled, killed - altKilled));
        }
        out.sort((a, b) -> Integer.compare(Math.abs(b.killedChange()), Math.abs(a.killedChange())));
        return out;
    }

    static int totalKilled(RunRecord r) {
        return RunRecord.total(r.killed);
    }
}
