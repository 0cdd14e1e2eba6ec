package escalation.io;

import escalation.model.Observer;
import escalation.model.Occurrence;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.model.World;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Watches one run and keeps what the {@code run} command writes: every occurrence for
 * {@code events.csv} (and, as it happens, a readable line for the terminal) and one row per
 * (date, actor) for {@code daily.csv}.
 */
public final class RunLog implements Observer {
    public static final String EVENTS_HEADER = "date,kind,actor,target,action,rung,weapon,salvo,intercepted,hits,killed,injured,rule,probability,draw,description,reason\n";
    public static final String DAILY_HEADER = "date,day,escalation_level,escalation_rung,winter,actor,order,attacks,weapons,intercepted,hits,killed,injured,attacked,killed_suffered,grievance_max,domestic_pressure,propensity,belief_retaliation_min\n";

    private final Theatre theatre;
    private final Narrator narrator;
    private final Consumer<String> live;
    private final StringBuilder events = new StringBuilder(EVENTS_HEADER);
    private final StringBuilder daily = new StringBuilder(DAILY_HEADER);
    private final int[][] previous;

    /** @param live receives each readable line as it happens, or null */
    public RunLog(Theatre theatre, Consumer<String> live) {
        this.theatre = theatre;
        this.narrator = new Narrator(theatre);
        this.live = live;
        previous = new int[theatre.actors][8];
    }

    public static RunLog printingTo(Theatre theatre, PrintStream out) {
        return new RunLog(theatre, out::println);
    }

    @Override public void occurred(Occurrence o) {
        if (live != null) live.accept(narrator.line(o));
        String weapon = o.action() != null && o.action().launchesWeapons() ? theatre.weaponIds[o.action().weapon()] : "";
        events.append(Csv.row(o.date(), o.kind().name().toLowerCase(java.util.Locale.ROOT),
                o.actor() >= 0 ? theatre.actorIds[o.actor()] : "", o.target() >= 0 ? theatre.actorIds[o.target()] : "",
                o.action() == null ? "" : o.action().id(),
                o.action() == null ? "" : theatre.scenario.ladder().get(o.action().rung()).id(), weapon,
                o.salvo(), o.intercepted(), o.hits(), o.killed(), o.injured(),
                o.why() == null ? "" : o.why().rule(), o.why() == null ? "" : (Object) o.why().probability(),
                o.why() == null ? "" : (Object) o.why().draw(), narrator.what(o), narrator.why(o)));
    }

    @Override public void dayEnded(World w) {
        RunRecord r = w.record;
        int level = w.level();
        String rung = level == 0 ? "" : theatre.scenario.ladder().get(level - 1).id();
        for (int a = 0; a < theatre.actors; a++) {
            int[] now = {r.byAttacker(r.attacks, a), r.byAttacker(r.weapons, a), r.byAttacker(r.intercepted, a),
                    r.byAttacker(r.hits, a), r.byAttacker(r.killed, a), r.byAttacker(r.injured, a),
                    r.byTarget(r.attacks, a), r.byTarget(r.killed, a)};
            double grievance = 0;
            double belief = Double.NaN;
            for (int j = 0; j < theatre.actors; j++) {
                grievance = Math.max(grievance, w.grievance(a, j));
                if (theatre.mayTarget[a][j]) {
                    double b = w.beliefs.retaliation(a, j);
                    belief = Double.isNaN(belief) ? b : Math.min(belief, b);
                }
            }
            String order = w.orderFor(a);
            daily.append(Csv.row(w.date, w.day, level, rung, w.winter(), theatre.actorIds[a], order == null ? "" : order,
                    now[0] - previous[a][0], now[1] - previous[a][1], now[2] - previous[a][2], now[3] - previous[a][3],
                    now[4] - previous[a][4], now[5] - previous[a][5], now[6] - previous[a][6], now[7] - previous[a][7],
                    grievance, w.pressure(a), w.propensity(a), belief));
            previous[a] = now;
        }
    }

    public String eventsCsv() {
        return events.toString();
    }

    public String dailyCsv() {
        return daily.toString();
    }
}
