package escalation.io;

import escalation.model.CompiledAction;
import escalation.model.Decision;
import escalation.model.Occurrence;
import escalation.model.Theatre;
import escalation.model.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts occurrences into plain words for the event log, the ticker and {@code events.csv}:
 * "Kata'ib Hezbollah launches 3 one-way attack drones at Israel (drones at the Golan; lethal proxy
 * strike): 2 intercepted, 1 hit, 2 killed. Why: utility rule; grievance toward Israel 2.31, ..."
 */
public final class Narrator {
    private final Theatre theatre;

    public Narrator(Theatre theatre) {
        this.theatre = theatre;
    }

    /** What happened, without the reason. */
    public String what(Occurrence o) {
        return switch (o.kind()) {
            case STRIKE -> strike(o);
            case SIGNAL -> name(o.actor()) + verb(o.actor(), " warns ", " warn ") + inSentence(o.target()) + " (" + o.action().label() + ")"
                    + (o.action().via().length > 0 ? " through " + names(o.action().via()) : "");
            case ORDER -> name(o.actor()) + verb(o.actor(), " orders its", " order their") + " proxies to " + o.note();
            case EVENT -> "Event: " + o.note();
            case SHOCK -> "Shock: " + o.note();
            case THRESHOLD -> "Threshold crossed: " + o.note() + " (" + name(o.actor()) + " against " + inSentence(o.target()) + ")";
            case PROTEST -> name(o.actor()) + verb(o.actor(), " protests", " protest") + " the strike by " + inSentence(o.target())
                    + " on " + o.note() + " on its territory";
            case FRONT -> "War on " + o.note() + ": a strike by " + inSentence(o.actor()) + " on " + inSentence(o.target())
                    + " (" + o.action().label() + ") did more harm than the front absorbs";
            case DEAL -> name(o.actor()) + verb(o.actor(), " strikes", " strike") + " a deal with " + inSentence(o.target())
                    + ", which suspends its attacks for " + fmt(o.why() == null ? 0 : o.why().input("deal_days")) + " days";
        };
    }

    private String strike(Occurrence o) {
        CompiledAction a = o.action();
        StringBuilder b = new StringBuilder(name(o.actor()));
        if (a.launchesWeapons()) {
            b.append(verb(o.actor(), " launches ", " launch ")).append(o.salvo()).append(' ').append(theatre.weaponNames[a.weapon()])
                    .append(o.salvo() == 1 ? "" : "s").append(" at ").append(inSentence(o.target()));
        } else {
            b.append(verb(o.actor(), " strikes ", " strike ")).append(inSentence(o.target()));
        }
        b.append(" (").append(a.label()).append("; ").append(lowerFirst(theatre.rungNames[a.rung()])).append(')');
        if (a.launchesWeapons()) {
            b.append(": ");
            if (o.note() != null) b.append(o.note()).append(", ");
            b.append(o.intercepted()).append(" intercepted, ").append(o.hits()).append(o.hits() == 1 ? " hit" : " hits");
            if (o.killed() > 0 || o.injured() > 0) b.append(", ").append(o.killed()).append(" killed, ").append(o.injured()).append(" injured");
        }
        if (a.corridorLinks().length > 0) {
            b.append(a.launchesWeapons() ? "; " : ": ").append("corridor cut at ");
            for (int k = 0; k < a.corridorLinks().length; k++) {
                if (k > 0) b.append(", ");
                b.append(theatre.scenario.corridor().links().get(a.corridorLinks()[k]).name());
            }
        }
        return b.toString();
    }

    /** Why, in plain words, or "" for calendar events. */
    public String why(Occurrence o) {
        Decision d = o.why();
        if (d == null) return "";
        switch (d.rule()) {
            case "dated event" -> {
                return "a dated event in the scenario's calendar";
            }
            case "dated order" -> {
                double days = d.input("days");
                return "a dated event in the scenario's calendar; the order stands "
                        + (days < 0 ? "to the end of the run" : "for " + fmt(days) + " days");
            }
            case World.INTERVENTION -> {
                return "an intervention during the run, from outside the scenario's calendar";
            }
            case World.INTERVENTION_ORDER -> {
                double days = d.input("days");
                return "an intervention during the run; the order stands " + (days < 0 ? "to the end of the run" : "for " + fmt(days) + " days");
            }
            case "scripted" -> {
                return "scripted rule: the actor's script has this action on this date";
            }
            case World.PLAYER -> {
                return "chosen by the player in this actor's chair";
            }
            case "front" -> {
                return "the strike's harm (hits + killed + injured) of " + fmt(d.input("harm")) + " reached the front's war_at of " + fmt(d.input("war_at"));
            }
            default -> { }
        }
        StringBuilder b = new StringBuilder(d.rule().replace('_', '-')).append(" rule");
        boolean first = true;
        for (int i = 0; i < d.inputNames().length; i++) {
            if (d.inputNames()[i].equals("patron_order") && d.inputValues()[i] < 0) continue;
            b.append(first ? "; " : ", ");
            first = false;
            b.append(d.inputNames()[i].replace('_', ' ')).append(' ')
                    .append(format(d.inputNames()[i], d.inputValues()[i], o));
        }
        if (o.kind() == Occurrence.Kind.STRIKE || o.kind() == Occurrence.Kind.SIGNAL) {
            b.append("; p=").append(fmt(d.probability())).append(" (drew ").append(fmt(d.draw())).append(')');
        }
        return b.toString();
    }

    private String format(String name, double v, Occurrence o) {
        if (name.equals("received_rung") && v >= 1) return "'" + lowerFirst(theatre.rungNames[(int) v - 1]) + "'";
        if (name.equals("days") && v < 0) return "to the end";
        if (name.equals("patron_order")) return escalation.spec.ScenarioSpec.ORDERS.get((int) v);
        return fmt(v);
    }

    /**
     * Why, in the plain words a class reads on a ticker: "Iran ordered activation; its grievance toward
     * Israel is 2.31; its belief that Israel retaliates is 0.18". Empty for calendar events.
     */
    public String reason(Occurrence o) {
        Decision d = o.why();
        if (d == null) return "";
        List<String> parts = new ArrayList<>();
        switch (d.rule()) {
            case "dated event", "dated order" -> parts.add("the scenario's calendar says so");
            case World.INTERVENTION, World.INTERVENTION_ORDER -> parts.add("the instructor intervened");
            case "scripted" -> parts.add("the script of history says so");
            case World.PLAYER -> parts.add("the player in this chair chose it");
            case "front" -> parts.add("one strike did more harm (" + fmt(d.input("harm")) + ") than the front absorbs (" + fmt(d.input("war_at")) + ")");
            case "patron" -> parts.add(patronReason(o, d));
            case "host" -> parts.add("threats and strikes on its territory raised its alarm to " + fmt(d.input("alarm"))
                    + ", and " + inSentence(o.target()) + " attacked most in recent days");
            case "tit_for_tat", "graduated" -> {
                int received = (int) d.input("received_rung");
                String rung = received >= 1 ? " (" + lowerFirst(theatre.rungNames[received - 1]) + ")" : "";
                String they = verb(o.actor(), "it answers", "they answer");
                parts.add(d.input("commitment") < 1 ? they + " an attack on an ally " + verb(o.actor(), "it protects", "they protect") + rung : they + " an attack" + rung);
                parts.add(possessive(o.actor()) + " doctrine's reliability is " + fmt(d.input("reliability"))
                        + ", and with attention, pressure and fear the answer came with probability " + fmt(d.probability()));
                if (d.input("scale") != 1 && !Double.isNaN(d.input("scale"))) parts.add("sized " + fmt(d.input("scale")) + " times a standard answer to the harm received");
                if (d.input("domestic_pressure") >= 0.05) parts.add("pressure at home " + fmt(d.input("domestic_pressure")));
                if (d.input("at_war") == 1) parts.add("the front is at war, so fear of a counter-blow weighs only as far as the doctrine's war deterrence says");
            }
            default -> {
                int order = (int) d.input("patron_order");
                int patron = o.actor() >= 0 ? theatre.patronOf[o.actor()] : -1;
                if (order >= 0 && patron >= 0) {
                    parts.add(name(patron) + " " + ORDER_WORDS[order].replace("{them}", verb(o.actor(), "it", "them")));
                }
                double grievance = d.input("grievance");
                if (!Double.isNaN(grievance) && o.target() >= 0) parts.add(possessive(o.actor()) + " grievance toward " + inSentence(o.target()) + " is " + fmt(grievance));
                double belief = d.input("belief_retaliation");
                if (!Double.isNaN(belief) && o.target() >= 0) parts.add(possessive(o.actor()) + " belief that " + inSentence(o.target()) + verb(o.target(), " retaliates", " retaliate")
                            + " is " + fmt(belief));
            }
        }
        return String.join("; ", parts);
    }

    private static final String[] ORDER_WORDS = {"ordered restraint", "ordered {them} to hold", "ordered activation", "ordered a surge"};

    private String patronReason(Occurrence o, Decision d) {
        double allies = d.input("allies_recent_harm");
        double own = d.input("own_recent_harm");
        double inCase = d.input("case_for_ordering_in");
        if (own >= d.input("regime_at")) {
            return "its own recent harm (" + fmt(own) + ") puts the regime at stake (" + fmt(d.input("regime_at")) + "), so every proxy is ordered in";
        }
        if (own >= d.input("restrain_at")) {
            return "its own recent harm (" + fmt(own) + ") reached its restraint level (" + fmt(d.input("restrain_at")) + "): a wider war would cost it most";
        }
        String weighed = "its allies' recent harm (" + fmt(allies) + ") and its own (" + fmt(own) + "), less the risk of drawing fire ("
                + fmt(d.input("risk_of_drawing_fire")) + "), make a case of " + fmt(inCase);
        if (inCase >= d.input("surge_at")) return weighed + ", at or above its surge level (" + fmt(d.input("surge_at")) + ")";
        if (inCase >= d.input("activate_at")) return weighed + ", at or above its activation level (" + fmt(d.input("activate_at")) + ")";
        return weighed + ", below its activation level (" + fmt(d.input("activate_at")) + "), so it gives its default order";
    }

    /** One ticker line: the date, what happened and, capitalised, why. */
    public String tickerLine(Occurrence o) {
        String reason = reason(o);
        return o.date() + "  " + what(o) + (reason.isEmpty() ? "" : ". " + Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
    }

    public String line(Occurrence o) {
        String why = why(o);
        return o.date() + "  " + what(o) + (why.isEmpty() ? "" : ".  Why: " + why);
    }

    /** The singular or plural form of a verb, as the actor's name takes it ("Israel launches", "Houthis launch"). */
    private String verb(int actor, String singular, String plural) {
        return actor >= 0 && theatre.pluralName[actor] ? plural : singular;
    }

    private String possessive(int actor) {
        return verb(actor, "its", "their");
    }

    public String name(int actor) {
        return actor < 0 ? "" : theatre.actorNames[actor];
    }

    /** The name inside a sentence: "The state" becomes "the state"; "The United States"-like names are left alone. */
    public String inSentence(int actor) {
        String n = name(actor);
        return n.startsWith("The ") && n.length() > 4 && Character.isLowerCase(n.charAt(4)) ? "the " + n.substring(4) : n;
    }

    private String names(int[] actors) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < actors.length; k++) {
            if (k > 0) b.append(k == actors.length - 1 ? " and " : ", ");
            b.append(name(actors[k]));
        }
        return b.toString();
    }

    /** "Strikes in Iraq" becomes "strikes in Iraq"; proper nouns inside a name keep their capitals. */
    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
