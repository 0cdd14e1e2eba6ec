package escalation.scenario;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

/**
 * The immutable, validated content of a scenario. Everything the model reads comes from here; the
 * field meanings and defaults are documented in {@code docs/scenarios.md}.
 */
public final class Records {
    private Records() { }

    public record Scenario(String name, String title, String description, String source,
                           Calendar calendar, List<Rung> ladder, Map<String, Weapon> weapons,
                           Mechanisms mechanisms, Dynamics dynamics, List<Actor> actors,
                           Relations relations, Corridor corridor, Map<String, Front> fronts, List<Threshold> thresholds, Classroom classroom) {
        public int actorIndex(String id) {
            for (int i = 0; i < actors.size(); i++) {
                if (actors.get(i).id().equals(id)) return i;
            }
            return -1;
        }

        public int rungIndex(String id) {
            for (int i = 0; i < ladder.size(); i++) {
                if (ladder.get(i).id().equals(id)) return i;
            }
            return -1;
        }
    }

    public record Calendar(LocalDate start, LocalDate end, Winter winter, List<Event> events, List<Shock> shocks) { }

    public record Winter(MonthDay from, MonthDay to, double tempo, double effectiveness) {
        public boolean contains(LocalDate date) {
            MonthDay d = MonthDay.from(date);
            return from.isAfter(to)
                    ? !d.isBefore(from) || !d.isAfter(to)
                    : !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /** A dated event; a disabled one stays in the file (and in indexes of --set paths) but does nothing. */
    public record Event(LocalDate date, String name, List<Effect> effects, boolean enabled) { }

    /** A random shock; {@code from} and {@code to} (inclusive) bound the days on which it may happen. */
    public record Shock(String name, double rate, LocalDate from, LocalDate to, List<Effect> effects) { }

    /** One change to the world; exactly one of the variants. */
    public sealed interface Effect permits SetParameters, AddGrievance, Order, Perform, FrontChange, Sever, Suspend { }

    public record SetParameters(Map<String, Double> values) implements Effect { }

    public record AddGrievance(List<String> of, String toward, double add) implements Effect { }

    public record Order(String patron, String order, int days) implements Effect {
        public static final int FOREVER = Integer.MAX_VALUE;
    }

    /** An action performed on the day; {@code killed} and {@code injured} are {@link #DRAWN} unless the record fixes them. */
    public record Perform(String actor, String action, int salvo, int killed, int injured) implements Effect {
        public static final int DEFAULT_SALVO = -1;
        public static final int DRAWN = -1;

        public Perform(String actor, String action, int salvo) {
            this(actor, action, salvo, DRAWN, DRAWN);
        }
    }

    public record FrontChange(String front, String state) implements Effect { }

    public record Sever(String link) implements Effect { }

    public record Suspend(String actor, int days) implements Effect { }

    /** A front; {@code warAt} 0 when no strike takes it to war (only dated events change its state). */
    public record Front(String id, String name, String state, double warAt) { }

    public record Coupling(String front, String state, double factor) { }

    public record Claims(double share, double extra) {
        public static final Claims EVERY_ATTACK_ONCE = new Claims(1, 0);
    }

    public record Rung(String id, String name, double intensity, boolean kinetic, boolean sustained, boolean direct) { }

    public record Weapon(String id, String name, double killed, double injured, double reach) { }

    public record Mechanisms(boolean patronOrders, boolean restraint, boolean relevance, boolean attention,
                             boolean domesticPressure, boolean winter, boolean signals, boolean grievance,
                             boolean learning, boolean solidarity, boolean corridor, boolean fronts,
                             boolean decapitation, boolean observation, boolean hostDeals) { }

    public record Dynamics(double grievanceDecay, double grievancePerIntensity, double grievancePerKilled,
                           double grievancePerInjured, double pressurePerKilled, double pressureDecay,
                           int beliefWindow, double vicariousLearning, int recentMemory, double grievancePerHit,
                           double restraintDecay, double severityLearning, double decapitationLoss,
                           double commandRecovery, double decapitationFear) { }

    public record Traits(double resolve, double eagerness, double riskTolerance, double solidarity, double stake) { }

    public record Stock(double stock, double resupply, double capacity, int salvo, boolean viaCorridor) { }

    public record Belief(double alpha, double beta) { }

    public record Location(double lat, double lon) { }

    public record Site(String name, Location location) { }

    public record Action(String id, String label, String rung, String target, String weapon, int salvo,
                         List<String> corridor, double damage, List<String> via, double credibility,
                         double relayPressure, String front, String where, double cost, boolean leaders, double evacuated) { }

    /** A decision rule: its kind, its numeric parameters (defaults filled in) and its other settings. */
    public record Rule(String kind, Map<String, Double> params, Map<String, String> choices,
                       List<String> allies, List<ScriptedAction> script) {
        public double param(String name) {
            Double v = params.get(name);
            if (v == null) throw new IllegalArgumentException("rule " + kind + " has no parameter " + name);
            return v;
        }

        public boolean answers() {
            return kind.equals("tit_for_tat") || kind.equals("graduated");
        }
    }

    public record ScriptedAction(LocalDate date, String action, int salvo, int killed, int injured) { }

    public record Actor(String id, String name, String kind, String alignment, String region, Location location, List<Site> sites,
                        Traits traits, double attention, double leverage, Map<String, Stock> arsenal,
                        Map<String, Double> airDefence, Map<String, Map<String, Double>> airDefenceRoutes,
                        Map<String, Double> grievance, Map<String, Belief> beliefs, List<Action> actions,
                        Rule rule, Rule response, boolean plural, Map<String, Double> frontDemand,
                        List<Coupling> coupling, Claims claims) {
        public Action action(String id) {
            for (Action a : actions) {
                if (a.id().equals(id)) return a;
            }
            return null;
        }
    }

    public record Patronage(String patron, String proxy, double control, double compliance) { }

    public record Adversaries(String actor, List<String> targets) { }

    public record Protection(String protector, String ally, double commitment) { }

    public record Restraint(String by, List<String> on, double strength) { }

    public record Rivalry(List<String> actors, double weight, double scale) { }

    public record Relations(List<Patronage> patronage, List<Adversaries> adversaries, List<Protection> protection,
                            List<Restraint> restraint, List<Rivalry> rivalry) { }

    public record Link(String id, String name, String from, String to, double repairDays) { }

    public record Corridor(List<String> nodes, List<Link> links, Map<String, Location> locations) { }

    /** The classroom console's levers and shock buttons; the model never reads them. */
    public record Classroom(List<Lever> levers, List<Event> shocks) {
        public static final Classroom NONE = new Classroom(List.of(), List.of());
    }

    /** A slider from {@code min} to {@code max} that sets every one of its settable paths to its value. */
    public record Lever(String name, List<String> paths, double min, double max, double step, String meaning) {
        /** A lever without a step of its own moves in steps of 0.05, or of 1 over a range wider than 2. */
        public static double defaultStep(double min, double max) {
            return max - min > 2 ? 1 : 0.05;
        }
    }

    public record Threshold(String id, String name, String rung, List<String> by, List<String> against) { }
}
