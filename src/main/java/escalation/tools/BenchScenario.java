package escalation.tools;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the benchmark's scenario of about 100 actors, {@code scenarios/bench/hundred-actors.yaml}:
 * {@value #THEATRES} theatres side by side, each a copy of the shape of {@code scenarios/autumn-2024-iraq.yaml}
 * with its 11 actors: a patron like Iran, {@value #UTILITY_FACTIONS} proxy factions with the autumn factions'
 * utility rule, traits, stocks and tempo (Kata'ib Hezbollah, al-Nujaba, Asaib Ahl al-Haq, Kataib Sayyid
 * al-Shuhada), a distant faction like the Houthis, a rocket force like Hezbollah, two states with graduated
 * response doctrines, the second protecting the first, a host government and a cleric who restrain the
 * factions, two fronts (like Lebanon and Gaza) that the factions' tempo follows and that absorb the first
 * state's attention, and a supply corridor from the patron to its factions. Its calendar is the autumn
 * scenario's in every theatre: a commander killed, the patron's salvo, a lethal drone, the first state's
 * warnings, the two ceasefires and the corridor cut. So the work per actor-day, and the attacks per actor-day
 * (within a few per cent of the autumn scenario's), are comparable with the autumn scenario's, and the
 * benchmark measures what more actors cost, not more activity. Relations stay local: a rivalry of
 * {@value #RIVALRY_GROUP} factions per theatre, a faction targets 2 or 3 states (every third one also harasses
 * the next theatre's first state), and each theatre is a camp of its own. The text is a pure function of the
 * constants below; a test checks the shipped file against it.
 * Run {@code java -cp target/escalation.jar escalation.tools.BenchScenario scenarios/bench/hundred-actors.yaml}.
 */
public final class BenchScenario {
    public static final String FILE = "scenarios/bench/hundred-actors.yaml";
    static final int THEATRES = 9;
    static final int UTILITY_FACTIONS = 4;
    /** Factions per theatre: the utility ones, then the distant one, then the rocket force. */
    static final int FACTIONS = UTILITY_FACTIONS + 2;
    static final int RIVALRY_GROUP = 5;
    /** Factions of a theatre that the first state warns on the warning day. */
    static final int WARNED = 4;
    static final String COMMAND = "java -cp target/escalation.jar escalation.tools.BenchScenario " + FILE;

    /** The four autumn factions' profiles, which the utility factions take in turn. */
    private record Profile(String like, double tempo, double resolve, double eagerness, double riskTolerance,
                           double solidarity, double stake, double stock, double resupply, double capacity,
                           boolean cruise, double control, double compliance, double restraint) { }

    private static final List<Profile> PROFILES = List.of(
            new Profile("Kata'ib Hezbollah", 1.1, 0.8, 0.9, 0.6, 0.8, 0.2, 60, 1.0, 120, true, 0.6, 0.6, 0.2),
            new Profile("al-Nujaba", 0.9, 0.7, 0.85, 0.6, 0.9, 0.1, 30, 0.6, 60, false, 0.6, 0.5, 0.2),
            new Profile("Asaib Ahl al-Haq", 0.55, 0.5, 0.4, 0.3, 0.6, 0.8, 20, 0.3, 40, false, 0.7, 0.8, 0.4),
            new Profile("Kataib Sayyid al-Shuhada", 0.8, 0.7, 0.8, 0.6, 0.8, 0.2, 25, 0.5, 50, false, 0.6, 0.5, 0.2));

    private BenchScenario() { }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : FILE);
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, yaml(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ ids

    private static String letter(int theatre) {
        return String.valueOf((char) ('a' + theatre));
    }

    private static String patron(int f) {
        return "patron_" + letter(f);
    }

    /** Faction {@code i} of theatre {@code f}, from 0. */
    private static String faction(int f, int i) {
        return String.format(Locale.ROOT, "f%s%02d", letter(f), i + 1);
    }

    private static String stateA(int f) {
        return "state_" + letter(f) + "1";
    }

    private static String stateB(int f) {
        return "state_" + letter(f) + "2";
    }

    private static String government(int f) {
        return "gov_" + letter(f);
    }

    private static String cleric(int f) {
        return "cleric_" + letter(f);
    }

    private static int distant() {
        return UTILITY_FACTIONS;
    }

    private static int rockets() {
        return UTILITY_FACTIONS + 1;
    }

    /** True when utility faction {@code i} also harasses the next theatre's first state. */
    private static boolean reachesNext(int i) {
        return i < UTILITY_FACTIONS && i % 3 == 0;
    }

    private static int next(int f) {
        return (f + 1) % THEATRES;
    }

    private static int previous(int f) {
        return (f + THEATRES - 1) % THEATRES;
    }

    private static List<String> factions(int f, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) ids.add(faction(f, i));
        return ids;
    }

    private static String list(List<String> ids) {
        return "[" + String.join(", ", ids) + "]";
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ the file

    /** The scenario's text. */
    public static String yaml() {
        StringBuilder b = new StringBuilder();
        header(b);
        calendar(b);
        b.append("""

                weapons:
                  drone:             {name: "one-way attack drone", killed: 0.00627, injured: 1.5, reach: 0.35}
                  cruise_missile:    {name: "cruise missile", killed: 0.3, injured: 1.5}
                  rocket:            {name: "rocket", killed: 0.05, injured: 0.3}
                  ballistic_missile: {name: "ballistic missile", killed: 0.05, injured: 0.1}
                  air_munition:      {name: "precision air munition", killed: 1.0, injured: 2.0}
                """);
        b.append("""

                dynamics:
                  belief_window: 30
                """);
        fronts(b);
        corridor(b);
        b.append("\nactors:\n");
        for (int f = 0; f < THEATRES; f++) theatre(b, f);
        relations(b);
        thresholds(b);
        return b.toString();
    }

    private static void header(StringBuilder b) {
        b.append("# A benchmark scenario of ").append(THEATRES * (FACTIONS + 5)).append(" actors, for escalation bench: ")
                .append(THEATRES).append(" theatres side by side, each a\n");
        b.append("""
                # copy of the shape of scenarios/autumn-2024-iraq.yaml and its 11 actors: a patron; proxy factions with the
                # autumn factions' utility rule (their traits, stocks and tempo taken in turn from Kata'ib Hezbollah,
                # al-Nujaba, Asaib Ahl al-Haq and Kataib Sayyid al-Shuhada); a distant faction like the Houthis and a rocket
                # force like Hezbollah; two states with graduated response doctrines, the second protecting the first; a
                # host government and a cleric who restrain the factions; two fronts like Lebanon and Gaza; a supply
                # corridor from the patron to its factions; the autumn calendar in every theatre. Relations stay local, so
                # that the work per actor-day is comparable with the autumn scenario's: a rivalry of 5 factions per
                # theatre, each faction targets 2 or 3 states, and each theatre is a camp of its own. Synthetic: no number
                # here describes a real conflict.
                # Generated by escalation.tools.BenchScenario; do not edit by hand. Regenerate with
                """);
        b.append("#   ").append(COMMAND).append('\n');
        b.append("name: hundred-actors\n");
        b.append("title: \"Benchmark: ").append(THEATRES).append(" theatres, ").append(THEATRES * (FACTIONS + 5)).append(" actors\"\n");
        b.append("""
                description: >
                  A synthetic scenario for measuring the model's speed with many actors: copies of the shape and calendar
                  of the autumn-2024 scenario, side by side, with a few factions of each theatre harassing the next
                  theatre's first state.
                """);
    }

    private static void calendar(StringBuilder b) {
        b.append("""

                calendar:
                  start: 2024-09-27
                  end: 2025-03-31
                  winter: {from: "12-01", to: "02-28", tempo: 0.6, effectiveness: 0.8}
                  events:
                """);
        for (int f = 0; f < THEATRES; f++) {
            List<String> of = new ArrayList<>();
            of.add(patron(f));
            of.addAll(factions(f, 0, FACTIONS));
            b.append("    - date: 2024-09-27\n");
            b.append("      name: \"Theatre ").append(letter(f).toUpperCase(Locale.ROOT)).append(": State ").append(letter(f).toUpperCase(Locale.ROOT))
                    .append("1 kills a commander of the axis\"\n");
            b.append("      effects:\n");
            b.append("        - grievance: {of: ").append(list(of)).append(", toward: ").append(stateA(f)).append(", add: 4.83}\n");
            b.append("        - order: {patron: ").append(patron(f)).append(", order: activate, days: 30}\n");
        }
        dated(b, "2024-10-01", "The patrons of theatres %s fire ballistic missiles at their first states",
                f -> "perform: {actor: " + patron(f) + ", action: ballistic_salvo, salvo: 200}");
        dated(b, "2024-10-03", "In theatres %s, a faction's drone kills two soldiers of the first state",
                f -> "perform: {actor: " + faction(f, 0) + ", action: strike_first, salvo: 2, killed: 2, injured: 24}");
        for (int f = 0; f < THEATRES; f++) {
            b.append("    - date: 2024-11-18\n");
            String upper = letter(f).toUpperCase(Locale.ROOT);
            b.append("      name: \"State ").append(upper).append("1 warns, through State ").append(upper).append("2 and Government ")
                    .append(upper).append(", that attacks will be answered\"\n");
            b.append("      effects:\n");
            for (int i = 0; i < WARNED; i++) {
                b.append("        - perform: {actor: ").append(stateA(f)).append(", action: warn_").append(faction(f, i)).append("}\n");
            }
        }
        dated(b, "2024-11-27", "Ceasefires in the wars of theatres %s", f -> "front: {id: " + war(f) + ", state: ceasefire}");
        dated(b, "2024-12-08", "The land corridors of theatres %s are cut", f -> "sever: {link: land_rear_" + letter(f) + "}");
        dated(b, "2025-01-19", "Ceasefires in the sieges of theatres %s", f -> "front: {id: " + siege(f) + ", state: ceasefire}");
        b.append("  shocks:\n");
        for (int f = 0; f < THEATRES; f++) {
            List<String> of = new ArrayList<>();
            of.add(patron(f));
            of.addAll(factions(f, 0, RIVALRY_GROUP));
            b.append("    - name: \"Theatre ").append(letter(f).toUpperCase(Locale.ROOT)).append(": a strike kills a senior commander\"\n");
            b.append("      rate: 0.02\n");
            b.append("      to: 2024-11-26\n");
            b.append("      effects:\n");
            b.append("        - grievance: {of: ").append(list(of)).append(", toward: ").append(stateA(f)).append(", add: 1.0}\n");
        }
    }

    /** One dated event with an effect for every theatre, like the autumn scenario's ceasefires and the fall of Assad. */
    private static void dated(StringBuilder b, String date, String name, java.util.function.IntFunction<String> effect) {
        List<String> theatres = new ArrayList<>();
        for (int f = 0; f < THEATRES; f++) theatres.add(letter(f).toUpperCase(Locale.ROOT));
        b.append("    - date: ").append(date).append('\n');
        b.append("      name: \"").append(String.format(Locale.ROOT, name, String.join(", ", theatres))).append("\"\n");
        b.append("      effects:\n");
        for (int f = 0; f < THEATRES; f++) b.append("        - ").append(effect.apply(f)).append('\n');
    }

    /** The front of each theatre like Lebanon: the rocket force's war, which the factions follow. */
    private static String war(int f) {
        return "war_" + letter(f);
    }

    /** The front of each theatre like Gaza. */
    private static String siege(int f) {
        return "siege_" + letter(f);
    }

    private static void fronts(StringBuilder b) {
        b.append("\nfronts:\n");
        for (int f = 0; f < THEATRES; f++) {
            String upper = letter(f).toUpperCase(Locale.ROOT);
            b.append("  ").append(war(f)).append(": {name: \"War ").append(upper).append("\", state: war}\n");
            b.append("  ").append(siege(f)).append(": {name: \"Siege ").append(upper).append("\", state: war}\n");
        }
    }

    private static void corridor(StringBuilder b) {
        List<String> nodes = new ArrayList<>();
        for (int f = 0; f < THEATRES; f++) {
            String l = letter(f);
            nodes.addAll(List.of("hub_" + l, "land_" + l, "rear_" + l, "far_" + l, "home_" + l));
        }
        b.append("\ncorridor:\n");
        b.append("  nodes: ").append(list(nodes)).append('\n');
        b.append("  links:\n");
        for (int f = 0; f < THEATRES; f++) {
            String l = letter(f);
            b.append("    - {id: hub_land_").append(l).append(", from: hub_").append(l).append(", to: land_").append(l)
                    .append(", name: \"border hubs ").append(l).append("\", repair_days: 10}\n");
            b.append("    - {id: land_rear_").append(l).append(", from: land_").append(l).append(", to: rear_").append(l)
                    .append(", name: \"crossing ").append(l).append("\", repair_days: 14}\n");
        }
    }

    private static void theatre(StringBuilder b, int f) {
        String l = letter(f);
        b.append("  # ---------------------------------------------------------------- theatre ").append(l.toUpperCase(Locale.ROOT)).append('\n');
        // The patron, like Iran.
        b.append("  ").append(patron(f)).append(":\n");
        b.append("    name: \"Patron ").append(l.toUpperCase(Locale.ROOT)).append("\"\n");
        b.append("    kind: patron\n");
        b.append("    alignment: axis_").append(l).append('\n');
        b.append("    region: hub_").append(l).append('\n');
        b.append("    traits: {resolve: 0.7, eagerness: 0.3, risk_tolerance: 0.3, solidarity: 0.6}\n");
        b.append("    arsenal:\n");
        b.append("      ballistic_missile: {stock: 1500, resupply: 3}\n");
        b.append("      drone: {stock: 3000, resupply: 20}\n");
        b.append("    air_defence: {air_munition: 0.3}\n");
        b.append("    beliefs: {").append(stateA(f)).append(": {alpha: 8, beta: 2}, ").append(stateB(f)).append(": {alpha: 6, beta: 2}}\n");
        b.append("    actions:\n");
        b.append("      - {id: ballistic_salvo, rung: direct_exchange, target: ").append(stateA(f)).append(", weapon: ballistic_missile, salvo: 180}\n");
        b.append("      - {id: all_fronts, rung: regional_war, target: ").append(stateA(f)).append(", weapon: ballistic_missile, salvo: 300}\n");
        b.append("    rule: {kind: patron, allies: [").append(faction(f, rockets())).append("], activate_at: 2.0, activate_effect: 2.14, "
                + "surge_at: 6.0, surge_effect: 18.3, restrain_at: 8.0, regime_at: 12.0, self_weight: 14.1, risk_weight: 0.02, "
                + "default_order: hold}\n");
        b.append("    response: {kind: graduated, answer_from: iranian_personnel, reliability: 0.2, delay: 20, step: 1, pressure_weight: 0.05, "
                + "deterrence: 0.8}\n");

        for (int i = 0; i < UTILITY_FACTIONS; i++) utilityFaction(b, f, i);
        distantFaction(b, f);
        rocketForce(b, f);
        firstState(b, f);
        secondState(b, f);
        b.append("  ").append(government(f)).append(": {name: \"Government ").append(l.toUpperCase(Locale.ROOT))
                .append("\", kind: host_state, alignment: neutral, region: land_").append(l).append(", leverage: 1.0}\n");
        b.append("  ").append(cleric(f)).append(": {name: \"Cleric ").append(l.toUpperCase(Locale.ROOT))
                .append("\", kind: authority, alignment: neutral, region: land_").append(l).append(", leverage: 1.0}\n");
    }

    private static void utilityFaction(StringBuilder b, int f, int i) {
        String l = letter(f);
        Profile p = PROFILES.get(i % PROFILES.size());
        b.append("  ").append(faction(f, i)).append(":   # like ").append(p.like()).append('\n');
        b.append("    name: \"Faction ").append(faction(f, i).substring(1).toUpperCase(Locale.ROOT)).append("\"\n");
        b.append("    kind: proxy\n");
        b.append("    alignment: axis_").append(l).append('\n');
        b.append("    region: land_").append(l).append('\n');
        b.append("    traits: {resolve: ").append(num(p.resolve())).append(", eagerness: ").append(num(p.eagerness()))
                .append(", risk_tolerance: ").append(num(p.riskTolerance())).append(", solidarity: ").append(num(p.solidarity()))
                .append(", stake: ").append(num(p.stake())).append("}\n");
        b.append("    arsenal:\n");
        b.append("      drone: {stock: ").append(num(p.stock())).append(", resupply: ").append(num(p.resupply()))
                .append(", capacity: ").append(num(p.capacity())).append(", via_corridor: true}\n");
        if (p.cruise()) b.append("      cruise_missile: {stock: 10, resupply: 0.05, capacity: 20, via_corridor: true}\n");
        b.append("    air_defence: {air_munition: 0.05}\n");
        b.append("    beliefs: {").append(stateA(f)).append(": {alpha: 1, beta: 4}, ").append(stateB(f)).append(": {alpha: 3, beta: 3}");
        if (reachesNext(i)) b.append(", ").append(stateA(next(f))).append(": {alpha: 2, beta: 3}");
        b.append("}\n");
        b.append("    actions:\n");
        b.append("      - {id: harass_first, rung: harassment, target: ").append(stateA(f)).append(", weapon: drone, salvo: 1, front: ")
                .append(war(f)).append("}\n");
        b.append("      - {id: strike_first, rung: lethal_proxy_strike, target: ").append(stateA(f)).append(", weapon: drone, salvo: 2, front: ")
                .append(war(f)).append("}\n");
        b.append("      - {id: harass_second, rung: harassment, target: ").append(stateB(f)).append(", weapon: drone, salvo: 2}\n");
        if (reachesNext(i)) {
            b.append("      - {id: harass_next, rung: harassment, target: ").append(stateA(next(f))).append(", weapon: drone, salvo: 2}\n");
        }
        b.append("    coupling:\n");
        b.append("      - {front: ").append(war(f)).append(", state: war, factor: 1.0}\n");
        b.append("      - {front: ").append(war(f)).append(", state: attrition, factor: 0.45}\n");
        b.append("      - {front: ").append(war(f)).append(", state: ceasefire, factor: 0.144}\n");
        b.append("      - {front: ").append(siege(f)).append(", state: ceasefire, factor: 0.3}\n");
        b.append("    rule: {kind: utility, tempo: ").append(num(p.tempo())).append(", base: 0.162, gain: 1.0, cost: 8, temperature: 0.5}\n");
    }

    private static void distantFaction(StringBuilder b, int f) {
        String l = letter(f);
        String id = faction(f, distant());
        b.append("  ").append(id).append(":   # like the Houthis\n");
        b.append("    name: \"Faction ").append(id.substring(1).toUpperCase(Locale.ROOT)).append("\"\n");
        b.append("    kind: proxy\n");
        b.append("    alignment: axis_").append(l).append('\n');
        b.append("    region: far_").append(l).append('\n');
        b.append("    traits: {resolve: 0.9, eagerness: 0.95, risk_tolerance: 0.9, solidarity: 0.7, stake: 0.0}\n");
        b.append("    arsenal:\n");
        b.append("      drone: {stock: 200, resupply: 1}\n");
        b.append("      ballistic_missile: {stock: 60, resupply: 0.2}\n");
        b.append("    beliefs: {").append(stateA(f)).append(": {alpha: 2, beta: 2}, ").append(stateB(f)).append(": {alpha: 3, beta: 2}}\n");
        b.append("    actions:\n");
        b.append("      - {id: drones_first, rung: harassment, target: ").append(stateA(f)).append(", weapon: drone, salvo: 2}\n");
        b.append("      - {id: missile_first, rung: lethal_proxy_strike, target: ").append(stateA(f)).append(", weapon: ballistic_missile, salvo: 1}\n");
        b.append("    rule: {kind: utility, tempo: 0.2, base: 0.8, gain: 1.0, cost: 8, temperature: 0.5}\n");
    }

    private static void rocketForce(StringBuilder b, int f) {
        String l = letter(f);
        String id = faction(f, rockets());
        b.append("  ").append(id).append(":   # like Hezbollah\n");
        b.append("    name: \"Faction ").append(id.substring(1).toUpperCase(Locale.ROOT)).append("\"\n");
        b.append("    kind: proxy\n");
        b.append("    alignment: axis_").append(l).append('\n');
        b.append("    region: rear_").append(l).append('\n');
        b.append("    traits: {resolve: 0.8, eagerness: 0.7, risk_tolerance: 0.5, solidarity: 0.7, stake: 0.5}\n");
        b.append("    arsenal:\n");
        b.append("      rocket: {stock: 5000, resupply: 30, via_corridor: true}\n");
        b.append("    beliefs: {").append(stateA(f)).append(": {alpha: 6, beta: 2}}\n");
        b.append("    actions:\n");
        b.append("      - {id: rockets_first, rung: harassment, target: ").append(stateA(f)).append(", weapon: rocket, salvo: 20}\n");
        b.append("    coupling:\n");
        b.append("      - {front: ").append(war(f)).append(", state: ceasefire, factor: 0.03}\n");
        b.append("      - {front: ").append(war(f)).append(", state: attrition, factor: 0.5}\n");
        b.append("    rule: {kind: threshold, threshold: 0.5, tempo: 0.7, deterrence: 0.2}\n");
    }

    /** The factions of the previous theatre that harass this theatre's first state. */
    private static List<String> fromPrevious(int f) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < UTILITY_FACTIONS; i++) {
            if (reachesNext(i)) ids.add(faction(previous(f), i));
        }
        return ids;
    }

    private static void firstState(StringBuilder b, int f) {
        String l = letter(f);
        String upper = l.toUpperCase(Locale.ROOT);
        b.append("  ").append(stateA(f)).append(":   # like Israel\n");
        b.append("    name: \"State ").append(upper).append("1\"\n");
        b.append("    kind: state\n");
        b.append("    alignment: western\n");
        b.append("    region: home_").append(l).append('\n');
        b.append("    traits: {resolve: 0.8, eagerness: 0.5, risk_tolerance: 0.5, solidarity: 0.5}\n");
        b.append("    fronts: {").append(siege(f)).append(": {demand: 1.0}, ").append(war(f)).append(": {demand: 1.0}}\n");
        b.append("    arsenal:\n");
        b.append("      air_munition: {stock: 100000, resupply: 100}\n");
        b.append("    air_defence: {drone: 0.75, rocket: 0.85, cruise_missile: 0.8, ballistic_missile: 0.9}\n");
        b.append("    air_defence_routes:\n");
        b.append("      land_").append(l).append(": {drone: 0.55}\n");
        b.append("    actions:\n");
        for (int i = 0; i < WARNED; i++) {
            b.append("      - {id: warn_").append(faction(f, i)).append(", rung: threat, target: ").append(faction(f, i))
                    .append(", via: [").append(stateB(f)).append(", ").append(government(f))
                    .append("], credibility: 8.8, relay_pressure: 3.4}\n");
        }
        b.append("      - {id: corridor_land, rung: corridor_strike, target: ").append(faction(f, 0))
                .append(", weapon: air_munition, salvo: 4, corridor: [hub_land_").append(l).append("], damage: 0.5}\n");
        b.append("      - {id: corridor_rear, rung: corridor_strike, target: ").append(faction(f, rockets()))
                .append(", weapon: air_munition, salvo: 4, corridor: [land_rear_").append(l).append("], damage: 0.6}\n");
        for (int i = 0; i < FACTIONS; i++) {
            int salvo = i == distant() ? 10 : i % PROFILES.size() == 0 ? 6 : 4;
            b.append("      - {id: strike_").append(faction(f, i)).append(", rung: iraq_strike, target: ").append(faction(f, i))
                    .append(", weapon: air_munition, salvo: ").append(salvo).append("}\n");
        }
        for (String other : fromPrevious(f)) {
            b.append("      - {id: strike_").append(other).append(", rung: iraq_strike, target: ").append(other)
                    .append(", weapon: air_munition, salvo: 4}\n");
        }
        b.append("      - {id: strike_personnel, rung: iranian_personnel, target: ").append(patron(f))
                .append(", weapon: air_munition, salvo: 4}\n");
        b.append("      - {id: strike_territory, rung: iran_territory, target: ").append(patron(f))
                .append(", weapon: air_munition, salvo: 40}\n");
        b.append("    rule: {kind: threshold, threshold: 2.0, tempo: 0.15, deterrence: 0.3, max_rung: corridor_strike}\n");
        b.append("    response: {kind: graduated, answer_from: lethal_proxy_strike, reliability: 0.75, delay: 8.5, planning: 0.2, "
                + "harm_reference: 28, killed_at: 1, step: 1, max_rung: iran_territory, pressure_weight: 1.0}\n");
    }

    private static void secondState(StringBuilder b, int f) {
        String l = letter(f);
        String upper = l.toUpperCase(Locale.ROOT);
        b.append("  ").append(stateB(f)).append(":   # like the United States\n");
        b.append("    name: \"State ").append(upper).append("2\"\n");
        b.append("    kind: state\n");
        b.append("    alignment: western\n");
        b.append("    traits: {resolve: 0.7, eagerness: 0.3, risk_tolerance: 0.4, solidarity: 0.4}\n");
        b.append("    attention: 0.8\n");
        b.append("    arsenal:\n");
        b.append("      air_munition: {stock: 100000, resupply: 100}\n");
        b.append("    air_defence: {drone: 0.8, rocket: 0.7, cruise_missile: 0.8, ballistic_missile: 0.9}\n");
        b.append("    actions:\n");
        for (int i = 0; i <= distant(); i++) {
            int salvo = i == distant() ? 10 : i % PROFILES.size() == 0 ? 8 : 6;
            b.append("      - {id: strike_").append(faction(f, i)).append(", rung: iraq_strike, target: ").append(faction(f, i))
                    .append(", weapon: air_munition, salvo: ").append(salvo).append("}\n");
        }
        b.append("      - {id: border_hubs, rung: corridor_strike, target: ").append(faction(f, 0))
                .append(", weapon: air_munition, salvo: 6, corridor: [hub_land_").append(l).append("]}\n");
        b.append("    response: {kind: graduated, answer_from: lethal_proxy_strike, reliability: 0.6, delay: 3, step: 1, "
                + "max_rung: iraq_strike}\n");
    }

    private static void relations(StringBuilder b) {
        b.append("\nrelations:\n");
        b.append("  patronage:\n");
        for (int f = 0; f < THEATRES; f++) {
            for (int i = 0; i < FACTIONS; i++) {
                double control;
                double compliance;
                if (i == distant()) {
                    control = 0.3;
                    compliance = 0.3;
                } else if (i == rockets()) {
                    control = 0.8;
                    compliance = 0.8;
                } else {
                    Profile p = PROFILES.get(i % PROFILES.size());
                    control = p.control();
                    compliance = p.compliance();
                }
                b.append("    - {patron: ").append(patron(f)).append(", proxy: ").append(faction(f, i)).append(", control: ")
                        .append(num(control)).append(", compliance: ").append(num(compliance)).append("}\n");
            }
        }
        b.append("  adversaries:\n");
        for (int f = 0; f < THEATRES; f++) {
            b.append("    - {actor: ").append(patron(f)).append(", targets: [").append(stateA(f)).append(", ").append(stateB(f)).append("]}\n");
            for (int i = 0; i < FACTIONS; i++) {
                List<String> targets = new ArrayList<>(List.of(stateA(f), stateB(f)));
                if (reachesNext(i)) targets.add(stateA(next(f)));
                b.append("    - {actor: ").append(faction(f, i)).append(", targets: ").append(list(targets)).append("}\n");
            }
            List<String> first = new ArrayList<>(List.of(patron(f)));
            first.addAll(factions(f, 0, FACTIONS));
            first.addAll(fromPrevious(f));
            b.append("    - {actor: ").append(stateA(f)).append(", targets: ").append(list(first)).append("}\n");
            List<String> second = new ArrayList<>(List.of(patron(f)));
            second.addAll(factions(f, 0, distant() + 1));
            b.append("    - {actor: ").append(stateB(f)).append(", targets: ").append(list(second)).append("}\n");
        }
        b.append("  protection:\n");
        for (int f = 0; f < THEATRES; f++) {
            b.append("    - {protector: ").append(stateB(f)).append(", ally: ").append(stateA(f)).append(", commitment: 0.4}\n");
        }
        b.append("  restraint:\n");
        for (int f = 0; f < THEATRES; f++) {
            List<String> usual = new ArrayList<>();
            List<String> strong = new ArrayList<>();
            for (int i = 0; i < UTILITY_FACTIONS; i++) {
                (PROFILES.get(i % PROFILES.size()).restraint() > 0.2 ? strong : usual).add(faction(f, i));
            }
            b.append("    - {by: ").append(government(f)).append(", restrained: ").append(list(usual)).append(", strength: 0.2}\n");
            b.append("    - {by: ").append(government(f)).append(", restrained: ").append(list(strong)).append(", strength: 0.4}\n");
            b.append("    - {by: ").append(cleric(f)).append(", restrained: ").append(list(factions(f, 0, UTILITY_FACTIONS)))
                    .append(", strength: 0.1}\n");
        }
        b.append("  rivalry:\n");
        for (int f = 0; f < THEATRES; f++) {
            // A group of one would be no rivalry (the rocket force, like Hezbollah, is in none).
            for (int from = 0; from + 1 < FACTIONS; from += RIVALRY_GROUP) {
                b.append("    - {actors: ").append(list(factions(f, from, Math.min(FACTIONS, from + RIVALRY_GROUP))))
                        .append(", weight: 0.5, scale: 5}\n");
            }
        }
    }

    private static void thresholds(StringBuilder b) {
        b.append("\nthresholds:\n");
        for (int f = 0; f < THEATRES; f++) {
            String upper = letter(f).toUpperCase(Locale.ROOT);
            b.append("  - {id: lethal_on_").append(stateA(f)).append(", name: \"Lethal strike on State ").append(upper)
                    .append("1\", rung: lethal_proxy_strike, by: ").append(list(factions(f, 0, UTILITY_FACTIONS)))
                    .append(", against: [").append(stateA(f)).append("]}\n");
            b.append("  - {id: ").append(stateA(f)).append("_strikes_factions, name: \"State ").append(upper)
                    .append("1 strikes the factions\", rung: iraq_strike, by: [").append(stateA(f)).append("], against: ")
                    .append(list(factions(f, 0, UTILITY_FACTIONS))).append("}\n");
        }
        List<String> principals = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> patrons = new ArrayList<>();
        for (int f = 0; f < THEATRES; f++) {
            principals.addAll(List.of(patron(f), stateA(f)));
            states.addAll(List.of(stateA(f), stateB(f)));
            patrons.add(patron(f));
        }
        b.append("  - {id: direct_exchange, name: \"Direct exchange between a patron and a state\", rung: direct_exchange, by: ")
                .append(list(principals)).append(", against: ").append(list(principals)).append("}\n");
        b.append("  - {id: patron_struck, name: \"Strikes on a patron's territory\", rung: iran_territory, by: ")
                .append(list(states)).append(", against: ").append(list(patrons)).append("}\n");
        b.append("  - {id: regional_war, name: \"Sustained regional war\", rung: regional_war}\n");
    }
}
