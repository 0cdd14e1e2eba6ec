package escalation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.history.Target;
import escalation.history.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history check as one JSON object, for scripts: what {@code escalation history --json} prints and
 * {@code summary.json} holds. Values are in each statistic's unit (days after {@code from} for dates
 * and lags); {@code censored_at} is the value a run without an event takes, and each target's
 * {@code text} gives the same cells as the printed table.
 */
public final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryJson() { }

    public static String of(String title, String scenario, Validation.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("scenario", scenario);
        m.put("runs", r.runs());
        m.put("failed_runs", r.failed());
        m.put("seed", r.seed());
        List<Object> targets = new ArrayList<>();
        for (Validation.Check c : r.checks()) targets.add(target(c));
        m.put("targets", targets);
        m.put("target_count", r.checks().size());
        m.put("covered", r.coveredCount());
        m.put("points_inside", r.pointInsideCount());
        Validation.WholeRecord w = r.wholeRecord();
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("matching_runs", w.matching());
        whole.put("runs", w.runs());
        whole.put("share", number(w.share()));
        whole.put("interval_95", List.of(number(w.interval()[0]), number(w.interval()[1])));
        whole.put("interval_method", "Wilson score");
        m.put("whole_record", whole);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of numbers and text always serialise", e);
        }
    }

    private static Map<String, Object> target(Validation.Check c) {
        Target t = c.target();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("statistic", t.kind().key);
        m.put("from", t.from().toString());
        m.put("to", t.to().toString());
        m.put("observed", number(t.observed()));
        m.put("observed_low", number(t.low()));
        m.put("observed_high", number(t.high()));
        m.put("observed_censored", t.observedCensored());
        m.put("median", number(c.median()));
        m.put("q05", number(c.low()));
        m.put("q95", number(c.high()));
        m.put("mean", number(c.mean()));
        m.put("censored_at", t.kind().censors() ? number(t.censoredValue()) : null);
        m.put("censored_share", c.censoredShare());
        m.put("in_range_share", c.inRangeShare());
        m.put("undefined_runs", c.undefined());
        m.put("covered", c.covered());
        m.put("point_inside", c.pointInside());
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("observed", t.format(t.observed()));
        text.put("observed_low", t.format(t.low()));
        text.put("observed_high", t.format(t.high()));
        text.put("median", t.format(c.median()));
        text.put("q05", t.format(c.low()));
        text.put("q95", t.format(c.high()));
        m.put("text", text);
        return m;
    }

    /** Whole numbers as integers, NaN (no value) as null: JSON has no NaN. */
    private static Object number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v;
        return v;
    }
}
