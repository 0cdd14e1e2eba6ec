package escalation.spec;

import escalation.spec.Spec.Bool;
import escalation.spec.Spec.Choice;
import escalation.spec.Spec.Date;
import escalation.spec.Spec.ListOf;
import escalation.spec.Spec.MapOf;
import escalation.spec.Spec.Num;
import escalation.spec.Spec.Obj;
import escalation.spec.Spec.Tagged;
import escalation.spec.Spec.Text;
import escalation.spec.Spec.Value;
import java.util.List;

/**
 * The experiment file, declared once: its keys, types, ranges, defaults and meanings. The validator
 * checks files against it, and {@code docs/experiment-reference.md} and
 * {@code docs/experiment.schema.json} are generated from it (a test fails when they are stale).
 * What needs the scenario (that paths can be set, that actors and thresholds exist) is checked by
 * {@code escalation.study.ExperimentFile}.
 */
public final class ExperimentSpec {
    private ExperimentSpec() { }

    /** What a total may sum, per strike (as history targets measure them). */
    public static final List<String> MEASURES = List.of("attacks", "weapons", "intercepted", "hits", "killed", "injured", "reached", "claims");
    /** The history statistics an outcome may compute (see the history checks). */
    public static final List<String> STATISTICS = List.of("count", "weekly_peak", "peak_week", "ratio", "interception_share", "first_date", "lag");
    /** The keys that give a factor its distribution; exactly one is written. */
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "log_uniform", "normal", "triangular", "levels");
    /** The keys that say what an outcome measures; exactly one is written. */
    public static final List<String> OUTCOME_KINDS = List.of("threshold", "total", "statistic", "max_level", "end_level");

    private static Num number() {
        return new Num(-Double.MAX_VALUE, Double.MAX_VALUE, false);
    }

    private static Num whole(int min, int max) {
        return new Num(min, max, true);
    }

    public static final Obj ROOT = build();

    private static Obj build() {
        Obj factor = new Obj("an uncertain factor", "A value the experiment varies: one scenario path, or several paths moved together "
                + "(they all take the factor's value). Paths are those `--set` takes, or settable paths as dated events write them, "
                + "which name a patronage by its proxy (`relations.patronage.kh.control`) and a restraint by its restrainer "
                + "(`relations.restraint.iraq_gov.strength`). Write one of `path` and `paths`, and one distribution: "
                + "`uniform`, `log_uniform`, `normal`, `triangular` or `levels`.")
                .req("name", new Text(), "The factor's name: a column of every table, so letters, digits and `_`, starting with a letter.")
                .opt("path", new Text(), null, "The scenario path it sets, e.g. `actors.israel.attention`.")
                .opt("paths", new ListOf(new Text(), 1), null, "Several scenario paths that all take the factor's value.")
                .opt("uniform", new ListOf(number(), 2), null, "`[low, high]`: uniform between low and high.")
                .opt("log_uniform", new ListOf(number(), 2), null, "`[low, high]` with 0 < low: uniform on the log scale (for rates and scales).")
                .opt("normal", new ListOf(number(), 2), null, "`[mean, sd]`: normal; designs reach its 0.1% and 99.9% quantiles at most.")
                .opt("triangular", new ListOf(number(), 3), null, "`[low, mode, high]`: triangular.")
                .opt("levels", new ListOf(new Value(), 1), null, "`[a, b, ...]`: discrete, each level equally likely; numbers, true/false or text "
                        + "(a level is written into the scenario as it is written here). Tables show a level as written; the analysis takes a "
                        + "factor of numbers by value, any other by its level's position 0, 1, ...")
                .opt("dummy", new Bool(), false, "True: a factor that sets nothing (write no path). Its indices and effects are those "
                        + "of a factor that does nothing, so they show how much of the others' comes from the runs' own randomness.")
                .opt("whole", new Bool(), false, "True: the value is rounded to a whole number before it is set (days, counts).")
                .opt("baseline", new Value(), "the median (the middle level)", "The factor's value at the baseline of a one-at-a-time design "
                        + "and in listed points that leave it out.");

        Tagged design = new Tagged("a design")
                .variant("full_factorial", new Obj("a full factorial design", "Every combination of levels: a continuous factor takes `levels` "
                        + "values from its range's low end to its high end (evenly spaced on its distribution's scale), a discrete one its own levels.")
                        .opt("levels", whole(2, 1000), 3, "Levels of each continuous factor."))
                .variant("list", new Obj("an explicit list of points", "Points written out, each a mapping of factor names to values; a "
                        + "factor left out takes its baseline.")
                        .req("points", new ListOf(new MapOf("factor names", new Value(), null), 1), "The points."))
                .variant("latin_hypercube", new Obj("a Latin hypercube", "Points spread so that every factor's range, cut into as many slices "
                        + "of equal probability as there are points, has one point in each slice (McKay et al. 1979).")
                        .req("points", whole(1, 100_000_000), "Number of points."))
                .variant("sobol", new Obj("a Saltelli design for Sobol indices", "N base samples from a Sobol sequence give N (k + 2) points for "
                        + "k factors; first-order and total indices are estimated from them (Saltelli et al. 2010, Jansen 1999).")
                        .req("samples", whole(2, 10_000_000), "N, the base samples; a power of 2 suits the Sobol sequence best."))
                .variant("morris", new Obj("a Morris screening design", "r trajectories of k + 1 points on a grid of `levels` levels, each moving "
                        + "one factor at a time (Morris 1991); gives mu*, mu and sigma of the elementary effects (Campolongo et al. 2007).")
                        .req("trajectories", whole(2, 1_000_000), "r, the trajectories.")
                        .opt("levels", whole(2, 1000), 4, "p, the grid's levels per factor (even)."))
                .variant("one_at_a_time", new Obj("a one-at-a-time design", "The baseline, then each factor in turn at each of its levels while "
                        + "the others stay at their baseline; gives a tornado chart.")
                        .opt("levels", whole(2, 1000), 5, "Levels of each continuous factor, from its range's low end to its high end."));

        Obj base = new Obj("a base window", "").req("from", new Date(), "First day.").req("to", new Date(), "Last day.");
        Obj outcome = new Obj("an outcome", "What the experiment measures in each run. Write one of `threshold`, `total`, `statistic`, "
                + "`max_level` and `end_level`. A threshold is yes or no (its mean over runs is a probability); `above` turns any other "
                + "outcome into yes or no.")
                .req("name", new Text(), "The outcome's name: a column of the tables (letters, digits and `_`, starting with a letter).")
                .opt("threshold", new Text(), null, "The id of one of the scenario's thresholds: 1 in a run that crosses it, else 0; "
                        + "the day of the first crossing goes in the column `<name>_date`.")
                .opt("total", new Choice(MEASURES.toArray(String[]::new)), null, "A run's total of this measure over every strike by `by` on `against`.")
                .opt("statistic", new Choice(STATISTICS.toArray(String[]::new)), null, "A history statistic of the strikes by `by` on `against`, "
                        + "with `measure`, `from`, `to`, `base` and `where` as in a history check's targets (see docs/validation.md).")
                .opt("max_level", new Bool(), false, "True: the highest escalation level of the run (0 calm, 1 the ladder's first rung...).")
                .opt("end_level", new Bool(), false, "True: the highest level of the run's last 14 days, its end state.")
                .opt("by", new ListOf(new Text(), 1), "every actor", "Attackers: actor ids or group names (total, statistic).")
                .opt("against", new ListOf(new Text(), 1), "every actor", "Targets: actor ids or group names (total, statistic).")
                .opt("measure", new Choice(MEASURES.toArray(String[]::new)), "attacks", "What a statistic sums per strike.")
                .opt("from", new Date(), "the calendar's start", "A statistic's first day.")
                .opt("to", new Date(), "the calendar's end", "A statistic's last day.")
                .opt("base", base, null, "A ratio's base window.")
                .opt("where", new ListOf(new Text(), 1), "anywhere", "A statistic counts only strikes landing at these corridor nodes.")
                .opt("above", number(), null, "Yes (1) in a run whose value is above this, else no (0).");

        Obj discovery = new Obj("scenario discovery", "Where in factor space an outcome happens: PRIM boxes (Friedman and Fisher 1999) "
                + "and a regression tree (CART) of one outcome's mean per point on the factors.")
                .req("outcome", new Text(), "The outcome's name.")
                .opt("above", number(), null, "A point is a case of interest when the outcome's mean there is above this; without it, the "
                        + "mean itself (a probability for a yes/no outcome) is the point's weight, which must lie in [0, 1].")
                .opt("peel", new Num(0.01, 0.49, false), 0.05, "Share of the box's points peeled at each step.")
                .opt("min_mass", new Num(0.001, 0.99, false), 0.05, "The smallest share of points a box may hold.")
                .opt("min_coverage", new Num(0, 1, false), 0.5, "The chosen box is the densest whose coverage is at least this.")
                .opt("tree_depth", whole(1, 10), 3, "Depth of the regression tree.");

        Obj analysis = new Obj("analysis settings", "")
                .opt("bootstrap", whole(0, 100_000), 1000, "Bootstrap resamples for the intervals of Sobol indices and Morris mu*.")
                .opt("bins", whole(2, 100), 10, "Bins of each factor's range in the response charts.");

        return new Obj("an experiment", "The top level of an experiment file.")
                .opt("title", new Text(), "the scenario's title", "Shown in the report.")
                .req("scenario", new Text(), "The scenario file, relative to this file.")
                .opt("set", new ListOf(new Text(), 1), "none", "Overrides applied to every point, `path=value` as `--set` takes them.")
                .opt("groups", new MapOf("group names", new ListOf(new Text(), 1), null), "none", "Named groups of actors for `by` and `against`.")
                .req("factors", new ListOf(factor, 1), "The uncertain factors.")
                .opt("policies", new MapOf("policy names", new ListOf(new Text(), 0), null), "one policy, `baseline`, with no overrides",
                        "Named sets of overrides (`path=value`), each crossed with every point of the design.")
                .req("design", design, "How the points are chosen.")
                .opt("replications", whole(1, 1_000_000), 1, "Runs per point and policy.")
                .opt("seed", whole(Integer.MIN_VALUE, Integer.MAX_VALUE), 1, "Master seed: the seed of replication r of design point p derives "
                        + "from (seed, p, r) alone; every policy of a point uses the same seeds.")
                .opt("common_random_numbers", new Bool(), false, "True: replication r of every point uses the same seed, derived from (seed, r), "
                        + "so differences between points are not blurred by different draws.")
                .req("outcomes", new ListOf(outcome, 1), "What is measured.")
                .opt("discovery", discovery, "none", discovery.doc)
                .opt("analysis", analysis, "see analysis", "Settings of the analysis.");
    }
}
