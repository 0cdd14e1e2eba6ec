package escalation.model;

import ec.util.MersenneTwisterFast;
import escalation.scenario.Records;
import escalation.spec.ScenarioSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mutable state of one run and the three world phases of a day: perceive (calendar, decay,
 * resupply, the mechanisms that set each actor's intensity of action), resolve (salvos, the observation
 * layer, interception, casualties, grievance, learning, answers owed) and record. Actors decide in
 * between, each with its {@link DecisionRule}. Each mechanism of the domain brief lives in a class of
 * its own ({@link Fronts}, {@link RestraintPressure}, {@link Command}, {@link Beliefs}, {@link Debts},
 * {@link SupplyCorridor}, the rules); this class wires them into the day. No I/O and no text: an
 * {@link Observer}, when present, receives {@link Occurrence}s, and only then are {@link Decision}s built.
 */
public final class World {
    public final Theatre theatre;
    final MersenneTwisterFast random;
    final Draws draws;
    private final Observer observer;
    final boolean explaining;

    public int day = -1;
    public LocalDate date;
    private boolean winterToday;
    /** Today's season multiplier on every actor's intensity (the winter tempo, or 1). */
    double season = 1;
    /** The winter season's multipliers on tempo and casualties; settable mid-run. */
    double winterTempo;
    double winterEffectiveness;
    /** Interventions from outside the scenario's calendar, applied at the start of the next day; null when none. */
    private List<Records.Event> interventions;

    // Traits and levers that dated events may change.
    final double[] resolve;
    final double[] eagerness;
    final double[] riskTolerance;
    final double[] solidarity;
    final double[] stake;
    final double[] attention;
    final double[] leverage;
    final double[] control;
    final double[] compliance;
    final double[][] restraintStrength;

    final double[][] stock;
    final double[][] resupply;
    /**
     * The resupplied (actor, weapon) pairs, in actor then weapon order: one flat list, so that a day's
     * resupply is one short loop with no per-actor bookkeeping. Rebuilt when a {@code set:} changes a
     * resupply.
     */
    private int[] resupplyActor = new int[0];
    private int[] resupplyWeapon = new int[0];
    final double[][] capacity;
    private final boolean[][] viaCorridor;
    final double[][] airDefence;
    /** [target][region][weapon]: route-specific interception; the theatre's table, shared, until a run changes it. */
    private double[][][] routeDefence;
    /**
     * [target][attacker region + 1][weapon]: interception probability; the theatre's table, shared,
     * until air defence changes, then the run's own.
     */
    private double[][][] intercept;

    /**
     * Grievance of [holder][toward], stored divided by {@link #grievanceScale}: decaying every entry
     * each day is then one multiplication of the scale (exact, and O(1) instead of O(actors^2)).
     */
    private final double[][] grievance;
    private double grievanceScale = 1;
    final double[] pressure;
    final double[] harmRecent;
    final double[] attacksRecent;
    /** Per host, its alarm: recent threats relayed through it and strikes on its territory ({@link HostRule}). */
    final double[] alarm;
    private final int[] attacksToday;
    /** Per actor, the last day of its suspension of attacks, or -1. */
    final int[] suspendedUntil;
    /** The last day of any suspension: until then the steady part of propensities is recomputed daily. */
    private int lastSuspensionDay = -1;
    public final Beliefs beliefs;
    public final SupplyCorridor corridor;
    public final Fronts fronts;
    public final RestraintPressure restraint;
    public final Command command;
    final Debts debts;

    /** Per patron, its standing order (an index into {@link ScenarioSpec#ORDERS}). */
    final int[] order;
    final int[] orderLockedUntil;

    final DecisionRule[] rules;
    /** Per actor, true when its rule gives orders rather than acts ({@link DecisionRule#acts()} false). */
    private final boolean[] ruleOrders;
    final AnsweringRule[] doctrines;
    private final PatronRule[] patronRules;
    final double[] propensity;
    /** Per actor, the propensity without rivalry, valid while no input of it has changed. */
    private final double[] steadyPropensity;
    /**
     * Per actor, the factors of {@link #steadyPropensity} as last computed: the product up to its
     * patron's order, then its fronts' coupling and its command (1 where the mechanism does not apply).
     * While only restraint moves, the product is rebuilt from them with the day's restraint factor, the
     * same multiplications in the same order, so it is the very number a full recomputation gives.
     */
    private final double[] beforeRestraint;
    private final double[] couplingFactor;
    private final double[] commandFactor;
    /** The actors whose intensity restraint scales (restrainers, and the restraint mechanism on). */
    private final int[] restrainedActors;
    /** Set when attention, an order, control, compliance, restraint, a front or leverage changes. */
    boolean propensityInputsChanged = true;
    private boolean steadyForWinter;
    /** Per actor, the share of its attention its fronts at war leave to this theatre. */
    final double[] attentionShare;
    /** Per actor, attention share times season: what rations answers to attacks that are not direct. */
    final double[] answerPropensity;
    private final Intents[] intents;
    private final Intents[] forced;
    /** The actors that decided on actions today, in actor order, so that resolve visits only them. */
    private final int[] acting;
    private int actingCount;
    /** True when a dated event or intervention forced an action today. */
    private boolean anyForced;
    /** Per actor, true while a player, not its rules, decides for it (the participatory classroom). */
    private final boolean[] played;
    /** Per played actor, the actions its player chose for the next day, moved into its intents when it decides. */
    private final Intents[] chosen;
    private int todayLevel;
    /** Per rivalry: its members' most recent attacks, the member with them, and the most of the others. */
    private final double[] rivalFirst;
    private final double[] rivalSecond;
    private final int[] rivalTop;
    /** The level a sustained rung, once reached, holds every later day at. */
    private int sustainedLevel;

    public final RunRecord record;

    public World(Theatre t, MersenneTwisterFast random, Observer observer) {
        theatre = t;
        this.random = random;
        this.draws = new Draws(random);
        this.observer = observer;
        explaining = observer != null;
        int n = t.actors;
        resolve = new double[n];
        eagerness = new double[n];
        riskTolerance = new double[n];
        solidarity = new double[n];
        stake = new double[n];
        attention = new double[n];
        leverage = new double[n];
        control = t.control.clone();
        compliance = t.compliance.clone();
        restraintStrength = new double[n][];
        stock = deepCopy(t.initialStock);
        resupply = deepCopy(t.resupply);
        capacity = t.stockCapacity;
        viaCorridor = t.viaCorridor;
        airDefence = deepCopy(t.airDefence);
        routeDefence = t.routeDefence;
        intercept = t.initialIntercept;
        listResupplies();
        winterTempo = t.scenario.calendar().winter().tempo();
        winterEffectiveness = t.scenario.calendar().winter().effectiveness();
        grievance = deepCopy(t.initialGrievance);
        pressure = new double[n];
        harmRecent = new double[n];
        attacksRecent = new double[n];
        alarm = new double[n];
        attacksToday = new int[n];
        suspendedUntil = new int[n];
        Arrays.fill(suspendedUntil, -1);
        beliefs = new Beliefs(t.priorAlpha, t.priorBeta);
        corridor = new SupplyCorridor(t);
        fronts = new Fronts(t);
        restraint = new RestraintPressure(t);
        command = new Command(n);
        debts = new Debts(n);
        order = new int[n];
        orderLockedUntil = new int[n];
        rules = new DecisionRule[n];
        ruleOrders = new boolean[n];
        doctrines = new AnsweringRule[n];
        patronRules = new PatronRule[n];
        propensity = new double[n];
        steadyPropensity = new double[n];
        beforeRestraint = new double[n];
        couplingFactor = new double[n];
        commandFactor = new double[n];
        int restrainedCount = 0;
        for (int i = 0; i < n; i++) {
            if (t.restrainedBy[i].length > 0) restrainedCount++;
        }
        restrainedActors = new int[restrainedCount];
        restrainedCount = 0;
        for (int i = 0; i < n; i++) {
            if (t.restrainedBy[i].length > 0) restrainedActors[restrainedCount++] = i;
        }
        attentionShare = new double[n];
        answerPropensity = new double[n];
        intents = new Intents[n];
        forced = new Intents[n];
        acting = new int[n];
        played = new boolean[n];
        chosen = new Intents[n];
        rivalFirst = new double[t.rivalryMembers.length];
        rivalSecond = new double[t.rivalryMembers.length];
        rivalTop = new int[t.rivalryMembers.length];
        record = new RunRecord(n, t.days, t.thresholdRung.length, t.keepsStrikes);

        for (int i = 0; i < n; i++) {
            Records.Actor a = t.scenario.actors().get(i);
            resolve[i] = a.traits().resolve();
            eagerness[i] = a.traits().eagerness();
            riskTolerance[i] = a.traits().riskTolerance();
            solidarity[i] = a.traits().solidarity();
            stake[i] = a.traits().stake();
            attention[i] = a.attention();
            leverage[i] = a.leverage();
            restraintStrength[i] = t.restraintStrength[i].clone();
            orderLockedUntil[i] = -1;
            intents[i] = new Intents();
            forced[i] = new Intents();
            chosen[i] = new Intents();
        }
        for (int i = 0; i < n; i++) {
            Records.Actor a = t.scenario.actors().get(i);
            DecisionRule rule = DecisionRule.of(a.rule(), t, i);
            rules[i] = rule;
            DecisionRule response = DecisionRule.of(a.response(), t, i);
            doctrines[i] = response instanceof AnsweringRule ar ? ar : rule instanceof AnsweringRule ar2 ? ar2 : null;
            if (rule instanceof PatronRule pr) {
                patronRules[i] = pr;
                order[i] = pr.defaultOrder;
            }
            if (doctrines[i] != null && doctrines[i] == rule) rules[i] = null;
            ruleOrders[i] = rules[i] != null && !rules[i].acts();
        }
    }

    /** Lists the (actor, weapon) pairs with a non-zero resupply, so idle weapons cost nothing. */
    private void listResupplies() {
        int count = 0;
        for (double[] row : resupply) {
            for (double v : row) {
                if (v != 0) count++;
            }
        }
        resupplyActor = new int[count];
        resupplyWeapon = new int[count];
        count = 0;
        for (int i = 0; i < resupply.length; i++) {
            for (int w = 0; w < resupply[i].length; w++) {
                if (resupply[i][w] == 0) continue;
                resupplyActor[count] = i;
                resupplyWeapon[count++] = w;
            }
        }
    }

    /** Changes an actor's daily resupply of a weapon (a {@code set:} effect). */
    void setResupply(int actor, int weapon, double amount) {
        resupply[actor][weapon] = amount;
        listResupplies();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
        return b;
    }

    // ------------------------------------------------------------------ perceive

    /** Opens day {@code d}: calendar, decay, learning from silence, resupply, shocks, propensities. */
    public void perceive(int d) {
        Theatre t = theatre;
        day = d;
        date = t.date(d);
        winterToday = t.mechanisms.winter() && t.winter[d];
        todayLevel = sustainedLevel;
        Records.Dynamics dyn = t.dynamics;
        double keepGrievance = 1 - dyn.grievanceDecay();
        double keepPressure = 1 - dyn.pressureDecay();
        double keepRecent = 1 - 1.0 / dyn.recentMemory();
        grievanceScale *= keepGrievance;
        if (grievanceScale < 1e-100) renormaliseGrievance();
        for (int i = 0; i < t.actors; i++) {
            pressure[i] *= keepPressure;
            harmRecent[i] *= keepRecent;
            attacksRecent[i] *= keepRecent;
            alarm[i] *= keepRecent;
        }
        restraint.decay(dyn.restraintDecay());
        if (command.recover(dyn.commandRecovery())) propensityInputsChanged = true;
        beliefs.closeExpired(d, t, t.mechanisms.learning() ? dyn.vicariousLearning() : 0, t.mechanisms.learning());
        corridor.repair();
        resupply();
        if (explaining) {
            for (String name : t.eventNamesByDay.get(d)) {
                tell(new Occurrence(date, d, Occurrence.Kind.EVENT, -1, -1, null, 0, 0, 0, 0, 0, null, name));
            }
        }
        List<Records.Effect> effects = t.effectsByDay.get(d);
        for (int k = 0; k < effects.size(); k++) apply(effects.get(k), false);
        if (interventions != null) applyInterventions();
        List<Records.Shock> shocks = t.scenario.calendar().shocks();
        for (int k = 0; k < shocks.size(); k++) {
            if (d < t.shockFrom[k] || d > t.shockTo[k]) continue;
            Records.Shock s = shocks.get(k);
            if (random.nextDouble() < s.rate()) {
                if (explaining) tell(new Occurrence(date, d, Occurrence.Kind.SHOCK, -1, -1, null, 0, 0, 0, 0, 0, null, s.name()));
                for (Records.Effect e : s.effects()) apply(e, false);
            }
        }
        computePropensities();
    }

    /**
     * Adds each resupplied weapon's daily amount to its stock, up to its capacity; weapons brought over
     * the corridor get the share of the flow that the corridor lets through from the actor's patron.
     */
    private void resupply() {
        Theatre t = theatre;
        boolean corridorMatters = t.mechanisms.corridor();
        int[] actors = resupplyActor;
        int[] weapons = resupplyWeapon;
        int flowOf = -1;
        double flow = 1;
        for (int e = 0; e < actors.length; e++) {
            int i = actors[e];
            int w = weapons[e];
            double amount = resupply[i][w];
            if (corridorMatters && viaCorridor[i][w]) {
                if (flowOf != i) {
                    int patron = t.patronOf[i];
                    flow = corridor.throughput(patron < 0 ? -1 : t.region[patron], t.region[i]);
                    flowOf = i;
                }
                amount *= flow;
            }
            double[] stocks = stock[i];
            stocks[w] = Math.min(capacity[i][w], stocks[w] + amount);
        }
    }

    /**
     * Queues an event from outside the scenario's calendar (an instructor's lever or shock button): its
     * effects apply at the start of the next day, right after that day's dated events, exactly as a dated
     * event of the same content would. Call it between days, holding whatever lock guards the run.
     */
    public void intervene(String name, List<Records.Effect> effects) {
        if (interventions == null) interventions = new ArrayList<>();
        interventions.add(new Records.Event(date == null ? theatre.start : date.plusDays(1), name, List.copyOf(effects), true));
    }

    /** The rule named in the {@link Decision} of an action a player chose for a played actor. */
    public static final String PLAYER = "player";

    /** The rule named in the {@link Decision} of an action or order an intervention forced. */
    public static final String INTERVENTION = "intervention";
    public static final String INTERVENTION_ORDER = "intervention order";

    private void applyInterventions() {
        List<Records.Event> due = interventions;
        interventions = null;
        for (Records.Event e : due) {
            if (explaining) tell(new Occurrence(date, day, Occurrence.Kind.EVENT, -1, -1, null, 0, 0, 0, 0, 0, null, e.name()));
            for (Records.Effect effect : e.effects()) apply(effect, true);
        }
    }

    /**
     * The product of the mechanisms that scale an actor's intensity of action: attention left by its
     * fronts at war, the season, its patron's order, restraint, its couplings to fronts, its command and
     * any suspension. All but rivalry change only on some days (an order, a front, a {@code set:}, the
     * season), or daily while pressure or a degraded command recovers, so their product is kept and
     * recomputed only then; rivalry follows recent attacks, which decay every day.
     */
    private void computePropensities() {
        Theatre t = theatre;
        Records.Mechanisms m = t.mechanisms;
        boolean restraintMoves = m.restraint() && restraint.live();
        if (!propensityInputsChanged && winterToday == steadyForWinter && day > lastSuspensionDay + 1) {
            // Only the added restraint pressure moved: rebuild the restrained actors' products alone.
            if (restraintMoves) {
                for (int i : restrainedActors) {
                    double p = beforeRestraint[i] * restraint.factor(i, leverage, restraintStrength);
                    p *= couplingFactor[i];
                    p *= commandFactor[i];
                    if (suspendedUntil[i] >= day) p = 0;
                    steadyPropensity[i] = p;
                }
            }
        } else {
            season = winterToday ? winterTempo : 1;
            for (int i = 0; i < t.actors; i++) {
                double share = !m.attention() ? 1 : m.fronts() && t.frontBound[i] ? fronts.attentionShare(i, attention[i]) : attention[i];
                attentionShare[i] = share;
                double p = share * season;
                answerPropensity[i] = p;
                int patron = t.patronOf[i];
                if (m.patronOrders() && patron >= 0 && patronRules[patron] != null) {
                    p *= 1 + control[i] * compliance[i] * (patronRules[patron].effect[order[patron]] - 1);
                }
                beforeRestraint[i] = p;
                if (m.restraint() && t.restrainedBy[i].length > 0) p *= restraint.factor(i, leverage, restraintStrength);
                // A product times 1 is the product itself, so a factor that does not apply is kept as 1.
                double coupling = m.fronts() && t.frontBound[i] ? fronts.coupling(i) : 1;
                double commanded = m.decapitation() ? command.of(i) : 1;
                couplingFactor[i] = coupling;
                commandFactor[i] = commanded;
                p *= coupling;
                p *= commanded;
                if (suspendedUntil[i] >= day) p = 0;
                steadyPropensity[i] = p;
            }
            propensityInputsChanged = false;
            steadyForWinter = winterToday;
        }
        if (m.relevance()) rankRivals();
        for (int i = 0; i < t.actors; i++) {
            double p = steadyPropensity[i];
            if (m.relevance() && t.rivals[i].length > 0) {
                // Competition for relevance: the actor is pushed by the rival furthest ahead of it, in
                // proportion to its own eagerness, so an eager faction left behind is spurred and a
                // restrained, reluctant one hardly at all (domain brief: junior factions "move into a
                // higher gear" to keep pace with the Houthis). Subtraction rounds monotonically, so the
                // largest of the rounded leads is the rounded lead of the rival with most recent attacks.
                double ahead = Double.NEGATIVE_INFINITY;
                for (int g : t.rivalriesOf[i]) ahead = Math.max(ahead, rivalTop[g] == i ? rivalSecond[g] : rivalFirst[g]);
                double lead = Math.max(0, ahead - attacksRecent[i]);
                p *= 1 + t.rivalryWeight[i] * eagerness[i] * Math.min(1, lead / t.rivalryScale[i]);
            }
            propensity[i] = p;
        }
    }

    /**
     * Per rivalry, the most recent attacks of its members, the member with them, and the most of the
     * others: each member's rival furthest ahead is then read off in one step, not by a scan of its rivals.
     */
    private void rankRivals() {
        int[][] members = theatre.rivalryMembers;
        for (int g = 0; g < members.length; g++) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            int top = -1;
            for (int r : members[g]) {
                double v = attacksRecent[r];
                if (r == top) continue;
                if (v > first) {
                    second = first;
                    first = v;
                    top = r;
                } else if (v > second) {
                    second = v;
                }
            }
            rivalFirst[g] = first;
            rivalSecond[g] = second;
            rivalTop[g] = top;
        }
    }

    /** Applies one effect of a dated event or shock ({@code intervention} false) or of an intervention. */
    private void apply(Records.Effect e, boolean intervention) {
        Theatre t = theatre;
        if (e instanceof Records.SetParameters set) {
            set.values().forEach((path, value) -> ParameterSetter.apply(this, path, value));
        } else if (e instanceof Records.AddGrievance g) {
            int toward = t.index(g.toward());
            for (String of : g.of()) addGrievance(t.index(of), toward, g.add());
        } else if (e instanceof Records.Order o) {
            int patron = t.index(o.patron());
            order[patron] = ScenarioSpec.ORDERS.indexOf(o.order());
            propensityInputsChanged = true;
            orderLockedUntil[patron] = o.days() == Records.Order.FOREVER ? Integer.MAX_VALUE : day + o.days() - 1;
            if (explaining) {
                tell(new Occurrence(date, day, Occurrence.Kind.ORDER, patron, -1, null, 0, 0, 0, 0, 0,
                        Decision.of(intervention ? INTERVENTION_ORDER : "dated order", 1, 0, "days", o.days() == Records.Order.FOREVER ? -1 : o.days()), o.order()));
            }
        } else if (e instanceof Records.Perform p) {
            int actor = t.index(p.actor());
            int k = t.scenario.actors().get(actor).actions().indexOf(t.scenario.actors().get(actor).action(p.action()));
            forced[actor].add(k, p.salvo(), explaining ? Decision.of(intervention ? INTERVENTION : "dated event", 1, 0) : null);
            forced[actor].fixCasualties(p.killed(), p.injured());
            anyForced = true;
        } else if (e instanceof Records.FrontChange f) {
            int front = t.frontIndex(f.front());
            if (fronts.set(front, ScenarioSpec.FRONT_STATES.indexOf(f.state()))) {
                propensityInputsChanged = true;
                if (Fronts.pacified(fronts.state(front))) debts.forgive(front);
            }
        } else if (e instanceof Records.Sever sv) {
            corridor.sever(Arrays.asList(t.linkIds).indexOf(sv.link()));
        } else if (e instanceof Records.Suspend su) {
            suspend(t.index(su.actor()), su.days());
        }
    }

    private void suspend(int actor, int days) {
        suspendedUntil[actor] = Math.max(suspendedUntil[actor], day + days - 1);
        lastSuspensionDay = Math.max(lastSuspensionDay, suspendedUntil[actor]);
        propensityInputsChanged = true;
    }

    /** A deal struck by host {@code host} with {@code faction}: pressure added, and the faction suspends its attacks. */
    void deal(int host, int faction, double addedPressure, int days, Decision why) {
        if (theatre.mechanisms.restraint()) restraint.add(faction, host, addedPressure);
        if (days > 0) suspend(faction, days);
        propensityInputsChanged = true;
        if (explaining) tell(new Occurrence(date, day, Occurrence.Kind.DEAL, host, faction, null, 0, 0, 0, 0, 0, why, null));
    }

    /** Changes the route-specific interception of weapons reaching {@code target} from {@code node} (a {@code set:} effect). */
    void setRouteDefence(int target, int node, int weapon, double value) {
        if (routeDefence == theatre.routeDefence) {
            double[][][] own = new double[routeDefence.length][][];
            for (int i = 0; i < own.length; i++) own[i] = deepCopy(routeDefence[i]);
            routeDefence = own;
        }
        routeDefence[target][node][weapon] = value;
        rebuildInterception();
    }

    void rebuildInterception() {
        Theatre t = theatre;
        if (intercept == t.initialIntercept) intercept = new double[t.actors][t.nodes.length + 1][t.weapons];
        fillInterception(intercept, airDefence, routeDefence);
    }

    /** Route-specific interception where declared (not NaN), the target's air defence elsewhere. */
    static void fillInterception(double[][][] out, double[][] airDefence, double[][][] routeDefence) {
        for (int target = 0; target < out.length; target++) {
            for (int r = 0; r < out[target].length; r++) {
                for (int w = 0; w < out[target][r].length; w++) {
                    double route = r == 0 ? Double.NaN : routeDefence[target][r - 1][w];
                    out[target][r][w] = Double.isNaN(route) ? airDefence[target][w] : route;
                }
            }
        }
    }

    // ------------------------------------------------------------------ decide

    /** The decide phase of one actor: its doctrine answers first; its rule takes initiative only if it did not. */
    public void decide(int actor) {
        Intents out = intents[actor];
        int before = out.size;
        if (played[actor]) {
            Intents c = chosen[actor];
            for (int k = 0; k < c.size; k++) out.add(c.action[k], c.salvo[k], c.why[k]);
            c.clear();
        } else {
            if (doctrines[actor] != null) doctrines[actor].decide(this, actor, out);
            DecisionRule rule = rules[actor];
            if (rule != null && (out.size == 0 || ruleOrders[actor])) rule.decide(this, actor, out);
        }
        if (before == 0 && out.size > 0) {
            // Kept in actor order whatever the order of the calls.
            int k = actingCount++;
            while (k > 0 && acting[k - 1] > actor) {
                acting[k] = acting[k - 1];
                k--;
            }
            acting[k] = actor;
        }
    }

    /**
     * Hands an actor to a player ({@code byPlayer} true) or back to its rules, from its next decision on.
     * While played, neither its initiative rule nor its doctrine decides: it does what its player chose
     * and nothing else; answers it owes stay owed, for its rules to weigh if the chair goes back to them.
     */
    public void setPlayed(int actor, boolean byPlayer) {
        played[actor] = byPlayer;
        if (!byPlayer) chosen[actor].clear();
    }

    public boolean played(int actor) {
        return played[actor];
    }

    /**
     * A player's choice for a played actor on the next day it decides: action {@code action} of its
     * repertoire, with {@code salvo} weapons (-1 for the action's own salvo, bounded by its stock when it
     * is resolved). It enters the decide phase exactly as a rule's choice would. Call between days.
     */
    public void choose(int actor, int action, int salvo) {
        if (!played[actor]) throw new IllegalStateException(theatre.actorIds[actor] + " is not played");
        chosen[actor].add(action, salvo, explaining ? Decision.of(PLAYER, 1, 0) : null);
    }

    /** True when the actor can take this action of its repertoire now: it has the weapons a launch needs. */
    public boolean canTake(int actor, int action) {
        return canPerform(actor, theatre.actions[actor][action]);
    }

    boolean canPerform(int actor, CompiledAction a) {
        return !a.launchesWeapons() || (a.salvo() > 0 && stock[actor][a.weapon()] >= 1);
    }

    /** The expected share of an action's weapons that get through: reach, then the target's interception on the route. */
    double getsThrough(int actor, CompiledAction a) {
        int w = a.weapon();
        double reach = theatre.mechanisms.observation() ? theatre.reach[w] : 1;
        return reach * (1 - intercept[a.target()][theatre.region[actor] + 1][w]);
    }

    // ------------------------------------------------------------------ resolve

    /** Resolves the day's actions: dated ones first, then each actor's in actor order; empties the intents for tomorrow. */
    public void resolve() {
        if (anyForced) {
            anyForced = false;
            for (int a = 0; a < theatre.actors; a++) {
                Intents q = forced[a];
                for (int k = 0; k < q.size; k++) {
                    CompiledAction x = theatre.actions[a][q.action[k]];
                    perform(a, x, q.salvo[k] < 0 ? x.salvo() : q.salvo[k], q, k);
                    // A dated strike on an actor it owes an answer is that answer (a replay's scripted salvo).
                    if (theatre.rungKinetic[x.rung()]) debts.settle(a, x.target());
                }
                q.clear();
            }
        }
        for (int n = 0; n < actingCount; n++) {
            int a = acting[n];
            Intents q = intents[a];
            for (int k = 0; k < q.size; k++) {
                CompiledAction x = theatre.actions[a][q.action[k]];
                perform(a, x, q.salvo[k] < 0 ? x.salvo() : q.salvo[k], q, k);
            }
            q.clear();
        }
        actingCount = 0;
    }

    private void perform(int a, CompiledAction x, int salvo, Intents q, int k) {
        Theatre t = theatre;
        Records.Mechanisms m = t.mechanisms;
        Decision why = q.why[k];
        int target = x.target();
        int rung = x.rung();
        if (!t.rungKinetic[rung]) {
            signal(a, x, q.scale[k], why);
            return;
        }
        int launched = 0;
        int reached = 0;
        int intercepted = 0;
        int killed = 0;
        int injured = 0;
        if (x.launchesWeapons()) {
            int w = x.weapon();
            launched = (int) Math.min(salvo, Math.floor(stock[a][w]));
            if (launched <= 0) return;
            stock[a][w] -= launched;
            reached = m.observation() ? draws.binomial(launched, t.reach[w]) : launched;
            intercepted = draws.binomial(reached, intercept[target][t.region[a] + 1][w]);
            int hits = reached - intercepted;
            if (hits > 0) {
                double exposed = (winterToday ? winterEffectiveness : 1) * (1 - x.evacuated());
                killed = q.killed[k] >= 0 ? q.killed[k] : draws.poisson(hits * t.killedPerHit[w] * exposed);
                injured = q.injured[k] >= 0 ? q.injured[k] : draws.poisson(hits * t.injuredPerHit[w] * exposed);
            } else {
                killed = Math.max(0, q.killed[k]);
                injured = Math.max(0, q.injured[k]);
            }
        }
        for (int link : x.corridorLinks()) corridor.strike(link, x.damage());
        int hits = reached - intercepted;
        int claims = 1;
        if (m.observation() && (t.claimShare[a] < 1 || t.claimExtra[a] > 0)) {
            claims = t.claimShare[a] >= 1 || draws.uniform() < t.claimShare[a] ? 1 : 0;
            if (t.claimExtra[a] > 0) claims += draws.poisson(t.claimExtra[a]);
        }
        int where = x.where() >= 0 ? x.where() : t.region[target];

        RunRecord r = record;
        int cell = r.cell(a, target);
        // Totals saturate at the largest int rather than overflow into negative numbers.
        r.attacks[cell] = RunRecord.plus(r.attacks[cell], 1);
        r.weapons[cell] = RunRecord.plus(r.weapons[cell], launched);
        r.reached[cell] = RunRecord.plus(r.reached[cell], reached);
        r.intercepted[cell] = RunRecord.plus(r.intercepted[cell], intercepted);
        r.hits[cell] = RunRecord.plus(r.hits[cell], hits);
        r.killed[cell] = RunRecord.plus(r.killed[cell], killed);
        r.injured[cell] = RunRecord.plus(r.injured[cell], injured);
        r.claims[cell] = RunRecord.plus(r.claims[cell], claims);
        if (r.strikes != null) r.strikes.add(day, a, target, launched, intercepted, killed, injured, reached, claims, where);
        attacksToday[a]++;
        raiseLevel(rung);
        alarmHosts(a, target, where);

        double scale = q.scale[k];
        if (x.leaders() && hits > 0 && m.decapitation()) {
            command.strikeLeaders(target, t.dynamics.decapitationLoss());
            if (m.learning()) beliefs.feared(target, a, t.dynamics.decapitationFear(), t.dynamics.severityLearning(), Math.max(1, scale), t);
            propensityInputsChanged = true;
        }
        if (x.front() >= 0 && m.fronts()) escalate(x.front(), a, target, x, (long) hits + killed + injured);
        harm(a, target, t.rungIntensity[rung], hits, killed, injured);
        learn(a, target, t.rungIntensity[rung], scale, q.onBehalf[k]);
        scheduleAnswers(a, target, rung, hits, killed, injured, x.front());
        if (explaining) {
            tell(new Occurrence(date, day, Occurrence.Kind.STRIKE, a, target, x, launched, intercepted, hits, killed, injured, why,
                    m.observation() ? "reached " + reached + ", claimed " + claims : null));
        }
        checkThresholds(a, target, rung);
    }

    /**
     * A strike on a front whose harm reaches the front's {@code war_at} takes it to war, whatever its state
     * (an exchange grown past what the struck side absorbs; a strike that large breaks a truce): the fronts'
     * couplings and attention follow from the next day, and the strike is owed its answers even where a truce held.
     * The record's direct Iran-Israel exchanges of 2024, of a few tens of hits, killed and injured each,
     * were absorbed, each side stopping after one round (docs/validation.md).
     */
    private void escalate(int front, int attacker, int target, CompiledAction x, long harm) {
        double at = theatre.frontWarAt[front];
        if (at <= 0 || harm < at || !fronts.set(front, Fronts.WAR)) return;
        propensityInputsChanged = true;
        if (explaining) {
            tell(new Occurrence(date, day, Occurrence.Kind.FRONT, attacker, target, x, 0, 0, 0, 0, 0,
                    Decision.of("front", 1, 0, "harm", harm, "war_at", at), theatre.frontNames[front]));
        }
    }

    /**
     * A strike landing in {@code where} on an actor that a host of that region restrains raises the host's alarm,
     * and the host protests it (domain brief: Baghdad protests Israel's use of Iraqi airspace).
     */
    private void alarmHosts(int attacker, int target, int where) {
        if (where < 0) return;
        int[] by = theatre.restrainedBy[target];
        for (int b : by) {
            if (theatre.region[b] == where && b != attacker) {
                alarm[b] += 1;
                if (explaining && rules[b] instanceof HostRule) {
                    tell(new Occurrence(date, day, Occurrence.Kind.PROTEST, b, attacker, null, 0, 0, 0, 0, 0, null, theatre.actorNames[target]));
                }
            }
        }
    }

    /** A threat; as an answer sized to the harm it answers ({@code scale}), its weight and relayed pressure scale with it. */
    private void signal(int a, CompiledAction x, double scale, Decision why) {
        Theatre t = theatre;
        int target = x.target();
        record.signals[record.cell(a, target)]++;
        raiseLevel(x.rung());
        if (t.mechanisms.signals()) {
            beliefs.signal(target, a, x.credibility() * scale);
            for (int v : x.via()) {
                if (restraint.add(target, v, x.relayPressure() * scale)) {
                    alarm[v] += 1;
                    propensityInputsChanged = true;
                }
            }
        }
        if (explaining) tell(new Occurrence(date, day, Occurrence.Kind.SIGNAL, a, target, x, 0, 0, 0, 0, 0, why, null));
        checkThresholds(a, target, x.rung());
    }

    private void raiseLevel(int rung) {
        todayLevel = Math.max(todayLevel, rung + 1);
        if (theatre.rungSustained[rung]) sustainedLevel = Math.max(sustainedLevel, rung + 1);
    }

    /** Harm received becomes grievance (shared within the camp), domestic pressure and distress. */
    private void harm(int attacker, int target, double intensity, int hits, int killed, int injured) {
        Theatre t = theatre;
        Records.Dynamics dyn = t.dynamics;
        double harm = dyn.grievancePerIntensity() * intensity + dyn.grievancePerHit() * hits
                + dyn.grievancePerKilled() * killed + dyn.grievancePerInjured() * injured;
        harmRecent[target] += harm;
        if (t.mechanisms.grievance()) {
            addGrievance(target, attacker, harm);
            if (t.mechanisms.solidarity()) {
                for (int k : t.campmates[target]) {
                    if (k != attacker) {
                        addGrievance(k, attacker, solidarity[k] * harm);
                    }
                }
            }
        }
        if (t.mechanisms.domesticPressure()) pressure[target] += dyn.pressurePerKilled() * killed;
    }

    /**
     * What the struck actor learns. An answer ({@code behalf} at or above 0) is evidence about the
     * retaliation its attacker's victim gets: it closes the open window the struck actor had on
     * {@code behalf} (the answerer itself, or the ally it answered for), weighted by intensity, and teaches
     * the answer's size. A strike on the actor's own initiative answers its window on the striker, if open.
     * Either way the strike opens a window of its own on the struck actor.
     */
    private void learn(int attacker, int target, double intensity, double scale, int behalf) {
        Theatre t = theatre;
        if (!t.mechanisms.learning()) return;
        double vicarious = t.dynamics.vicariousLearning();
        int watched = behalf >= 0 ? behalf : attacker;
        if (beliefs.watching(target, watched)) beliefs.answered(target, watched, intensity, scale, t.dynamics.severityLearning(), t, vicarious);
        beliefs.watch(attacker, target, day + t.dynamics.beliefWindow(), intensity);
    }

    private void scheduleAnswers(int attacker, int target, int rung, int hits, int killed, int injured, int front) {
        Theatre t = theatre;
        AnsweringRule own = doctrines[target];
        if (own != null && own.triggered(rung, killed, injured)) owe(own, target, attacker, rung, 1, hits, killed, injured, front, target);
        int[] protectors = t.protectors[target];
        for (int k = 0; k < protectors.length; k++) {
            AnsweringRule d = doctrines[protectors[k]];
            if (d != null && d.defendAllies && protectors[k] != attacker && d.triggered(rung, killed, injured)) {
                owe(d, protectors[k], attacker, rung, t.commitment[target][k], hits, killed, injured, front, target);
            }
        }
    }

    private void owe(AnsweringRule d, int answerer, int attacker, int rung, double weight, int hits, int killed, int injured,
                     int front, int behalf) {
        if (front >= 0 && Fronts.pacified(fronts.state(front))) return;
        double harm = hits + killed + injured;
        boolean open = debts.due[answerer][attacker] >= 0;
        // A further attack before the answer is due adds its harm: the larger answer is planned anew.
        if (open) harm += debts.harm[answerer][attacker];
        double scale = d.scale(harm);
        // A direct attack (a state's, on another state's territory) on a front at war is the war itself.
        boolean war = d.warPaced(theatre.rungDirect[rung] && front >= 0 && theatre.mechanisms.fronts() && fronts.state(front) == Fronts.WAR);
        int due = day + d.planningDays(this, answerer, scale, war);
        // Re-planned for the combined harm, an answer comes no earlier than it was due, unless the war is on:
        // then it comes at the war's pace.
        if (open && !war) due = Math.max(debts.due[answerer][attacker], due);
        debts.owe(answerer, attacker, due, rung, weight, harm, scale, front >= 0 ? 1L << front : Debts.NO_FRONT, behalf);
    }

    private void checkThresholds(int attacker, int target, int rung) {
        Theatre t = theatre;
        for (int k = 0; k < t.thresholdRung.length; k++) {
            if (record.thresholdDay[k] < 0 && rung >= t.thresholdRung[k] && t.thresholdBy[k][attacker]
                    && t.thresholdAgainst[k][target]) {
                record.thresholdDay[k] = day;
                if (explaining) {
                    tell(new Occurrence(date, day, Occurrence.Kind.THRESHOLD, attacker, target, null, 0, 0, 0, 0, 0, null,
                            t.scenario.thresholds().get(k).name()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ record

    /** Closes the day: the escalation level, recent-attack memory, and the observer's view. */
    public void recordDay() {
        record.dailyLevel[day] = (byte) todayLevel;
        int week = day / 7;
        for (int i = 0; i < theatre.actors; i++) {
            if (attacksToday[i] == 0) continue;
            attacksRecent[i] += attacksToday[i];
            record.weeklyAttacks[i * record.weeks + week] += attacksToday[i];
            attacksToday[i] = 0;
        }
        if (observer != null) observer.dayEnded(this);
    }

    void tell(Occurrence o) {
        observer.occurred(o);
    }

    // ------------------------------------------------------------------ read-only views for observers

    public int level() {
        return todayLevel;
    }

    /** Grievance of {@code holder} toward {@code toward} today. */
    public double grievance(int holder, int toward) {
        return grievance[holder][toward] * grievanceScale;
    }

    void addGrievance(int holder, int toward, double amount) {
        grievance[holder][toward] += amount / grievanceScale;
    }

    private void renormaliseGrievance() {
        for (double[] row : grievance) {
            for (int j = 0; j < row.length; j++) row[j] *= grievanceScale;
        }
        grievanceScale = 1;
    }

    public double pressure(int actor) {
        return pressure[actor];
    }

    /** The restraining pressure on an actor from all its restrainers, standing and added. */
    public double restraintPressure(int actor) {
        return restraint.pressureOn(actor, leverage);
    }

    public double stock(int actor, int weapon) {
        return stock[actor][weapon];
    }

    public double propensity(int actor) {
        return propensity[actor];
    }

    /** The standing order of the actor's patron, or null when it has no patron giving orders. */
    public String orderFor(int actor) {
        int patron = theatre.patronOf[actor];
        return patron >= 0 && patronRules[patron] != null ? ScenarioSpec.ORDERS.get(order[patron]) : null;
    }

    /** The index of the standing order of the actor's patron, or -1. */
    public int orderIndex(int actor) {
        int patron = theatre.patronOf[actor];
        return patron >= 0 && patronRules[patron] != null ? order[patron] : -1;
    }

    public boolean winter() {
        return winterToday;
    }

    public boolean suspended(int actor) {
        return suspendedUntil[actor] >= day;
    }
}
