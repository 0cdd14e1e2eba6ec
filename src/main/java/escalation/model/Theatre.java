package escalation.model;

import escalation.scenario.Records;
import escalation.scenario.Records.Scenario;
import escalation.spec.ScenarioSpec;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario compiled for speed: actors, weapons and rungs become array indexes, relations become
 * index tables. Immutable and shared by every run of a scenario; per-run state lives in {@link World}.
 */
public final class Theatre {
    public final Scenario scenario;
    public final int actors;
    public final int weapons;
    public final int days;
    public final LocalDate start;

    public final String[] actorIds;
    public final String[] actorNames;
    /** Per actor, whether its name takes a plural verb ("the Houthis launch"). */
    public final boolean[] pluralName;
    public final String[] weaponIds;
    public final String[] weaponNames;
    public final int[] camp;
    /** Per actor, the other actors of its camp, ascending. */
    public final int[][] campmates;
    /** The actor's corridor node, or -1. */
    public final int[] region;

    public final double[] rungIntensity;
    public final boolean[] rungKinetic;
    public final boolean[] rungSustained;
    public final String[] rungNames;
    public final int lowestKineticRung;
    public final double maxIntensity;
    /** Per rung, its intensity over the top rung's, and the square root of that (the utility rule's gain). */
    final double[] relativeIntensity;
    final double[] rootRelativeIntensity;

    public final boolean[][] mayTarget;
    /** Per actor, the adversaries it may target, ascending. */
    public final int[][] targetsOf;
    /** Per actor, its repertoire. */
    public final CompiledAction[][] actions;

    public final int[] patronOf;
    public final double[] control;
    public final double[] compliance;
    /** Per proxy-holding patron, the proxies it commands. */
    public final int[][] proxiesOf;
    /** Per actor, who restrains it and how hard. */
    public final int[][] restrainedBy;
    public final double[][] restraintStrength;
    /** Per actor, the actors that protect it, and their commitment. */
    public final int[][] protectors;
    public final double[][] commitment;
    /** Per protector, the allies it protects. */
    public final int[][] alliesProtected;
    /** Per actor, its rivals and the rivalry's weight and scale. */
    public final int[][] rivals;
    public final double[] rivalryWeight;
    public final double[] rivalryScale;
    /** The rivalries' members, and per actor the rivalries it belongs to. */
    final int[][] rivalryMembers;
    final int[][] rivalriesOf;

    public final double[] killedPerHit;
    public final double[] injuredPerHit;
    /** Per weapon, the probability that a launched one reaches the target's air defences. */
    public final double[] reach;
    /** Per rung, whether it is a state's direct attack on another's territory (answered whatever the attention). */
    public final boolean[] rungDirect;

    public final String[] frontIds;
    public final String[] frontNames;
    /** Per front, its state on the first day (an index into {@link escalation.spec.ScenarioSpec#FRONT_STATES}). */
    final int[] initialFrontState;
    /** Per front, the harm of one strike on it that takes it to war; 0 for none. */
    final double[] frontWarAt;
    /** Per actor, the fronts that take its attention while at war, and how much. */
    final int[][] demandFront;
    final double[][] demand;
    /** Per actor, its couplings: front, state and factor on its intensity. */
    final int[][] couplingFront;
    final int[][] couplingState;
    final double[][] couplingFactor;
    /** Per actor, whether any front bears on it (attention demand or coupling). */
    final boolean[] frontBound;
    /** Per actor, the share of its attacks it claims and the further claims per attack. */
    public final double[] claimShare;
    public final double[] claimExtra;
    /** Per restrainer, the actors it restrains, and the index of itself in each one's {@link #restrainedBy} row. */
    public final int[][] restrains;
    final int[][] restrainsSlot;

    /** Dated events by day index. */
    public final List<List<Records.Effect>> effectsByDay;
    public final List<List<String>> eventNamesByDay;
    public final boolean[] winter;
    /** Per random shock, the first and last day index on which it may happen. */
    final int[] shockFrom;
    final int[] shockTo;
    /** The date of each day index, made once: runs read today's date every day. */
    private final LocalDate[] dates;

    public final String[] linkIds;
    public final int[] linkFrom;
    public final int[] linkTo;
    public final double[] linkRepairDays;
    public final String[] nodes;

    public final CorridorTopology corridor;

    // The first day's state of every run, cloned by each World.
    final double[][] initialStock;
    final double[][] resupply;
    final double[][] stockCapacity;
    final boolean[][] viaCorridor;
    final double[][] airDefence;
    /** [actor][corridor node][weapon]: route-specific interception, NaN where none is declared. */
    final double[][][] routeDefence;
    /** [target][attacker region + 1][weapon]: the first day's interception probabilities, shared until a run changes air defence. */
    final double[][][] initialIntercept;
    final double[][] initialGrievance;
    final double[][] priorAlpha;
    final double[][] priorBeta;

    public final Records.Mechanisms mechanisms;
    public final Records.Dynamics dynamics;

    public final int[] thresholdRung;
    public final boolean[][] thresholdBy;
    public final boolean[][] thresholdAgainst;

    /** Whether each run keeps its dated strikes ({@link RunRecord#strikes}); off for plain batches. */
    public final boolean keepsStrikes;

    public Theatre(Scenario s) {
        this(s, false);
    }

    /** @param keepStrikes keep every run's dated strikes, for statistics over date windows (validation against history) */
    public Theatre(Scenario s, boolean keepStrikes) {
        this.scenario = s;
        this.keepsStrikes = keepStrikes;
        actors = s.actors().size();
        start = s.calendar().start();
        days = (int) ChronoUnit.DAYS.between(start, s.calendar().end()) + 1;
        mechanisms = s.mechanisms();
        dynamics = s.dynamics();

        actorIds = s.actors().stream().map(Records.Actor::id).toArray(String[]::new);
        actorNames = s.actors().stream().map(Records.Actor::name).toArray(String[]::new);
        pluralName = new boolean[s.actors().size()];
        for (int i = 0; i < pluralName.length; i++) pluralName[i] = s.actors().get(i).plural();
        weaponIds = s.weapons().keySet().toArray(String[]::new);
        weaponNames = s.weapons().values().stream().map(Records.Weapon::name).toArray(String[]::new);
        weapons = weaponIds.length;
        killedPerHit = s.weapons().values().stream().mapToDouble(Records.Weapon::killed).toArray();
        injuredPerHit = s.weapons().values().stream().mapToDouble(Records.Weapon::injured).toArray();
        reach = s.weapons().values().stream().mapToDouble(Records.Weapon::reach).toArray();

        List<String> camps = new ArrayList<>();
        camp = new int[actors];
        region = new int[actors];
        nodes = s.corridor().nodes().toArray(String[]::new);
        for (int i = 0; i < actors; i++) {
            Records.Actor a = s.actors().get(i);
            if (!camps.contains(a.alignment())) camps.add(a.alignment());
            camp[i] = camps.indexOf(a.alignment());
            region[i] = a.region() == null ? -1 : Arrays.asList(nodes).indexOf(a.region());
        }

        int rungs = s.ladder().size();
        rungIntensity = new double[rungs];
        rungKinetic = new boolean[rungs];
        rungNames = new String[rungs];
        rungSustained = new boolean[rungs];
        rungDirect = new boolean[rungs];
        int lowest = rungs - 1;
        for (int r = 0; r < rungs; r++) {
            rungIntensity[r] = s.ladder().get(r).intensity();
            rungKinetic[r] = s.ladder().get(r).kinetic();
            rungNames[r] = s.ladder().get(r).name();
            rungSustained[r] = s.ladder().get(r).sustained();
            rungDirect[r] = s.ladder().get(r).direct();
            if (rungKinetic[r] && r < lowest) lowest = r;
        }
        lowestKineticRung = lowest;
        maxIntensity = rungIntensity[rungs - 1];
        relativeIntensity = new double[rungs];
        rootRelativeIntensity = new double[rungs];
        for (int r = 0; r < rungs; r++) {
            relativeIntensity[r] = rungIntensity[r] / maxIntensity;
            rootRelativeIntensity[r] = Math.sqrt(relativeIntensity[r]);
        }

        mayTarget = new boolean[actors][actors];
        for (Records.Adversaries a : s.relations().adversaries()) {
            for (String t : a.targets()) mayTarget[index(a.actor())][index(t)] = true;
        }

        frontIds = s.fronts().keySet().toArray(String[]::new);
        frontNames = s.fronts().values().stream().map(Records.Front::name).toArray(String[]::new);
        initialFrontState = s.fronts().values().stream().mapToInt(f -> ScenarioSpec.FRONT_STATES.indexOf(f.state())).toArray();
        frontWarAt = s.fronts().values().stream().mapToDouble(Records.Front::warAt).toArray();

        targetsOf = new int[actors][];
        for (int i = 0; i < actors; i++) {
            int self = i;
            targetsOf[i] = java.util.stream.IntStream.range(0, actors).filter(j -> mayTarget[self][j]).toArray();
        }

        linkIds = s.corridor().links().stream().map(Records.Link::id).toArray(String[]::new);
        linkFrom = s.corridor().links().stream().mapToInt(l -> Arrays.asList(nodes).indexOf(l.from())).toArray();
        linkTo = s.corridor().links().stream().mapToInt(l -> Arrays.asList(nodes).indexOf(l.to())).toArray();
        linkRepairDays = s.corridor().links().stream().mapToDouble(Records.Link::repairDays).toArray();

        corridor = new CorridorTopology(nodes, linkFrom, linkTo);

        initialStock = new double[actors][weapons];
        resupply = new double[actors][weapons];
        stockCapacity = new double[actors][weapons];
        viaCorridor = new boolean[actors][weapons];
        airDefence = new double[actors][weapons];
        routeDefence = new double[actors][nodes.length][weapons];
        initialGrievance = new double[actors][actors];
        priorAlpha = new double[actors][actors];
        priorBeta = new double[actors][actors];
        for (int i = 0; i < actors; i++) {
            Records.Actor a = s.actors().get(i);
            for (int w = 0; w < weapons; w++) {
                Records.Stock st = a.arsenal().get(weaponIds[w]);
                if (st != null) {
                    initialStock[i][w] = st.stock();
                    resupply[i][w] = st.resupply();
                    stockCapacity[i][w] = st.capacity();
                    viaCorridor[i][w] = st.viaCorridor();
                }
                airDefence[i][w] = a.airDefence().getOrDefault(weaponIds[w], 0.0);
                for (int r = 0; r < nodes.length; r++) {
                    Double v = a.airDefenceRoutes().getOrDefault(nodes[r], Map.of()).get(weaponIds[w]);
                    routeDefence[i][r][w] = v == null ? Double.NaN : v;
                }
            }
            Arrays.fill(priorAlpha[i], 1);
            Arrays.fill(priorBeta[i], 1);
            for (var g : a.grievance().entrySet()) initialGrievance[i][index(g.getKey())] = g.getValue();
            for (var b : a.beliefs().entrySet()) {
                priorAlpha[i][index(b.getKey())] = b.getValue().alpha();
                priorBeta[i][index(b.getKey())] = b.getValue().beta();
            }
        }

        actions = new CompiledAction[actors][];
        for (int i = 0; i < actors; i++) {
            Records.Actor a = s.actors().get(i);
            actions[i] = new CompiledAction[a.actions().size()];
            for (int k = 0; k < actions[i].length; k++) {
                Records.Action x = a.actions().get(k);
                actions[i][k] = new CompiledAction(k, x.id(), x.label(), s.rungIndex(x.rung()), index(x.target()),
                        x.weapon() == null ? -1 : Arrays.asList(weaponIds).indexOf(x.weapon()), x.salvo(),
                        x.corridor().stream().mapToInt(l -> Arrays.asList(linkIds).indexOf(l)).toArray(), x.damage(),
                        x.via().stream().mapToInt(this::index).toArray(), x.credibility(), x.relayPressure(),
                        x.front() == null ? -1 : frontIndex(x.front()), x.where() == null ? -1 : Arrays.asList(nodes).indexOf(x.where()),
                        x.cost(), x.leaders(), x.evacuated());
            }
        }

        patronOf = new int[actors];
        control = new double[actors];
        compliance = new double[actors];
        Arrays.fill(patronOf, -1);
        Map<Integer, List<Integer>> proxies = new HashMap<>();
        for (Records.Patronage p : s.relations().patronage()) {
            int proxy = index(p.proxy());
            patronOf[proxy] = index(p.patron());
            control[proxy] = p.control();
            compliance[proxy] = p.compliance();
            proxies.computeIfAbsent(patronOf[proxy], k -> new ArrayList<>()).add(proxy);
        }
        proxiesOf = new int[actors][];
        for (int i = 0; i < actors; i++) {
            proxiesOf[i] = proxies.getOrDefault(i, List.of()).stream().mapToInt(Integer::intValue).toArray();
        }

        restrainedBy = new int[actors][0];
        restraintStrength = new double[actors][0];
        for (Records.Restraint r : s.relations().restraint()) {
            for (String on : r.on()) {
                int i = index(on);
                restrainedBy[i] = append(restrainedBy[i], index(r.by()));
                restraintStrength[i] = append(restraintStrength[i], r.strength());
            }
        }
        protectors = new int[actors][0];
        commitment = new double[actors][0];
        for (Records.Protection p : s.relations().protection()) {
            int ally = index(p.ally());
            protectors[ally] = append(protectors[ally], index(p.protector()));
            commitment[ally] = append(commitment[ally], p.commitment());
        }
        alliesProtected = new int[actors][0];
        for (int ally = 0; ally < actors; ally++) {
            for (int p : protectors[ally]) alliesProtected[p] = append(alliesProtected[p], ally);
        }
        rivals = new int[actors][0];
        rivalryWeight = new double[actors];
        rivalryScale = new double[actors];
        Arrays.fill(rivalryScale, 1);
        rivalryMembers = new int[s.relations().rivalry().size()][];
        rivalriesOf = new int[actors][0];
        for (int g = 0; g < rivalryMembers.length; g++) {
            rivalryMembers[g] = s.relations().rivalry().get(g).actors().stream().mapToInt(this::index).toArray();
            for (int i : rivalryMembers[g]) rivalriesOf[i] = append(rivalriesOf[i], g);
        }
        for (Records.Rivalry r : s.relations().rivalry()) {
            for (String member : r.actors()) {
                int i = index(member);
                for (String other : r.actors()) {
                    if (!other.equals(member)) rivals[i] = append(rivals[i], index(other));
                }
                rivalryWeight[i] = Math.max(rivalryWeight[i], r.weight());
                rivalryScale[i] = r.scale();
            }
        }

        restrains = new int[actors][0];
        restrainsSlot = new int[actors][0];
        for (int i = 0; i < actors; i++) {
            for (int k = 0; k < restrainedBy[i].length; k++) {
                int r = restrainedBy[i][k];
                restrains[r] = append(restrains[r], i);
                restrainsSlot[r] = append(restrainsSlot[r], k);
            }
        }

        demandFront = new int[actors][];
        demand = new double[actors][];
        couplingFront = new int[actors][];
        couplingState = new int[actors][];
        couplingFactor = new double[actors][];
        frontBound = new boolean[actors];
        claimShare = new double[actors];
        claimExtra = new double[actors];
        for (int i = 0; i < actors; i++) {
            Records.Actor a = s.actors().get(i);
            demandFront[i] = a.frontDemand().keySet().stream().mapToInt(this::frontIndex).toArray();
            demand[i] = a.frontDemand().values().stream().mapToDouble(Double::doubleValue).toArray();
            couplingFront[i] = a.coupling().stream().mapToInt(c -> frontIndex(c.front())).toArray();
            couplingState[i] = a.coupling().stream().mapToInt(c -> ScenarioSpec.FRONT_STATES.indexOf(c.state())).toArray();
            couplingFactor[i] = a.coupling().stream().mapToDouble(Records.Coupling::factor).toArray();
            frontBound[i] = demandFront[i].length > 0 || couplingFront[i].length > 0;
            claimShare[i] = a.claims().share();
            claimExtra[i] = a.claims().extra();
        }

        campmates = new int[actors][];
        for (int i = 0; i < actors; i++) {
            int self = i;
            campmates[i] = java.util.stream.IntStream.range(0, actors).filter(k -> k != self && camp[k] == camp[self]).toArray();
        }

        effectsByDay = new ArrayList<>();
        eventNamesByDay = new ArrayList<>();
        winter = new boolean[days];
        dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            effectsByDay.add(new ArrayList<>());
            eventNamesByDay.add(new ArrayList<>());
            dates[d] = start.plusDays(d);
            winter[d] = s.calendar().winter().contains(dates[d]);
        }
        for (Records.Event e : s.calendar().events()) {
            if (!e.enabled()) continue;
            int d = dayOf(e.date());
            effectsByDay.get(d).addAll(e.effects());
            eventNamesByDay.get(d).add(e.name());
        }

        shockFrom = s.calendar().shocks().stream().mapToInt(k -> dayOf(k.from())).toArray();
        shockTo = s.calendar().shocks().stream().mapToInt(k -> dayOf(k.to())).toArray();

        initialIntercept = new double[actors][nodes.length + 1][weapons];
        World.fillInterception(initialIntercept, airDefence, routeDefence);

        int thresholds = s.thresholds().size();
        thresholdRung = new int[thresholds];
        thresholdBy = new boolean[thresholds][actors];
        thresholdAgainst = new boolean[thresholds][actors];
        for (int k = 0; k < thresholds; k++) {
            Records.Threshold t = s.thresholds().get(k);
            thresholdRung[k] = s.rungIndex(t.rung());
            Arrays.fill(thresholdBy[k], t.by().isEmpty());
            Arrays.fill(thresholdAgainst[k], t.against().isEmpty());
            for (String a : t.by()) thresholdBy[k][index(a)] = true;
            for (String a : t.against()) thresholdAgainst[k][index(a)] = true;
        }
    }

    public int index(String actorId) {
        int i = scenario.actorIndex(actorId);
        if (i < 0) throw new IllegalArgumentException("unknown actor " + actorId);
        return i;
    }

    public int frontIndex(String frontId) {
        int i = Arrays.asList(frontIds).indexOf(frontId);
        if (i < 0) throw new IllegalArgumentException("unknown front " + frontId);
        return i;
    }

    public int dayOf(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    public LocalDate date(int day) {
        return day >= 0 && day < days ? dates[day] : start.plusDays(day);
    }

    public int rungs() {
        return rungIntensity.length;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static double[] append(double[] a, double v) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
