package escalation.spec;

import escalation.spec.Spec.Bool;
import escalation.spec.Spec.Choice;
import escalation.spec.Spec.Date;
import escalation.spec.Spec.ListOf;
import escalation.spec.Spec.MapOf;
import escalation.spec.Spec.MonthDay;
import escalation.spec.Spec.Num;
import escalation.spec.Spec.Obj;
import escalation.spec.Spec.Ref;
import escalation.spec.Spec.Tagged;
import escalation.spec.Spec.Text;
import java.util.List;

/**
 * The scenario language, declared once. Every key, its type, range, default and meaning lives
 * here; {@code docs/scenarios.md} and {@code docs/scenario.schema.json} are generated from it
 * (a test fails when they are stale).
 */
public final class ScenarioSpec {
    private ScenarioSpec() { }

    public static final String ACTOR = "actor";
    public static final String WEAPON = "weapon";
    public static final String RUNG = "rung";
    public static final String LINK = "corridor link";
    public static final String NODE = "corridor node";
    public static final String FRONT = "front";

    /** The states a front can be in; "attrition" is cross-border fire short of a full offensive (Israel and Hezbollah, Oct 2023 - Sep 2024). */
    public static final List<String> FRONT_STATES = List.of("quiet", "attrition", "war", "truce", "ceasefire");

    /** The four orders a patron gives its proxies, from most to least restrained. */
    public static final List<String> ORDERS = List.of("restrain", "hold", "activate", "surge");

    /**
     * Bounds on what costs time or memory: people killed or injured per hit, weapons in one salvo and
     * in stock. Far above anything recorded (the largest salvos of 2024 were a few hundred weapons),
     * low enough that no count overflows and no draw takes long.
     */
    public static final double MAX_HARM_PER_HIT = 1000;
    public static final int MAX_SALVO = 100_000;
    public static final double MAX_WEAPONS = 1e9;

    static Num probability() {
        return new Num(0, 1, false);
    }

    static Num nonNegative() {
        return new Num(0, Double.MAX_VALUE, false);
    }

    static Num positive(double min) {
        return new Num(min, Double.MAX_VALUE, false);
    }

    static Num count(int min, int max) {
        return new Num(min, max, true);
    }

    static Obj place() {
        return new Obj("a place", "").req("lat", new Num(-90, 90, false), "Latitude.").req("lon", new Num(-180, 180, false), "Longitude.");
    }

    public static final Obj ROOT = build();

    private static Obj build() {
        Obj winter = new Obj("a winter season", "The season in which operations get harder (domain brief: 'as winter approaches, operations get harder and military responses less effective').")
                .opt("from", new MonthDay(), "12-01", "First day of winter, every year.")
                .opt("to", new MonthDay(), "02-28", "Last day of winter, every year (may fall in the next year).")
                .opt("tempo", probability(), 0.6, "Multiplier on every actor's daily probability of acting in winter.")
                .opt("effectiveness", probability(), 0.8, "Multiplier on the expected casualties of each hit in winter.");

        Obj set = new Obj("parameter changes", "");
        Obj grievance = new Obj("a grievance shock", "Adds grievance, as a killing or a humiliation does.")
                .req("of", new ListOf(new Ref(ACTOR), 1), "Actors whose grievance rises.")
                .req("toward", new Ref(ACTOR), "The actor they hold responsible.")
                .req("add", nonNegative(), "Grievance added.");
        Obj order = new Obj("a patron order", "Fixes a patron's order to its proxies for a while, whatever its rule would say.")
                .req("patron", new Ref(ACTOR), "The patron giving the order.")
                .req("order", new Choice(ORDERS.toArray(String[]::new)), "The order.")
                .opt("days", count(1, 100_000), "to the end of the run", "How many days the order stands.");
        Obj perform = new Obj("an action performed on the day", "An actor performs one of its declared actions.")
                .req("actor", new Ref(ACTOR), "Who acts.")
                .req("action", new Text(), "The id of one of that actor's actions.")
                .opt("salvo", count(0, MAX_SALVO), "the action's salvo", "Weapons launched, overriding the action's salvo.")
                .opt("killed", count(0, 1_000_000), "drawn", "People killed, fixed as the record gives them (a replay), instead of drawn from the hits.")
                .opt("injured", count(0, 1_000_000), "drawn", "People injured, fixed as the record gives them, instead of drawn from the hits.");
        Obj frontChange = new Obj("a change of a front's state", "A war starts or ends on a front (a ceasefire takes effect).")
                .req("id", new Ref(FRONT), "The front.")
                .req("state", new Choice(FRONT_STATES.toArray(String[]::new)), "Its state from this day on.");
        Obj sever = new Obj("a corridor link severed", "A leg of the corridor cut for good (the fall of a regime that held it): its capacity falls to 0 and is never repaired.")
                .req("link", new Ref(LINK), "The link.");
        Obj suspend = new Obj("a suspension of attacks", "An actor suspends its attacks for a while (a faction's declared truce), then resumes.")
                .req("actor", new Ref(ACTOR), "Who suspends.")
                .req("days", count(1, 100_000), "For how many days.");
        Obj effect = new Obj("an effect", "One effect of a dated event or a random shock, written as a single key.")
                .opt("set", new MapOf("parameter paths", new Num(-Double.MAX_VALUE, Double.MAX_VALUE, false), null, false), null,
                        "Sets numeric parameters from this day on; paths as for --set (see 'Settable paths').")
                .opt("grievance", grievance, null, grievance.doc)
                .opt("order", order, null, order.doc)
                .opt("perform", perform, null, perform.doc)
                .opt("front", frontChange, null, frontChange.doc)
                .opt("sever", sever, null, sever.doc)
                .opt("suspend", suspend, null, suspend.doc)
                .exactlyOne();
        Obj event = new Obj("a dated event", "Something that happens on a calendar date.")
                .req("date", new Date(), "The day it happens; must fall within the calendar.")
                .req("name", new Text(), "What happened, as the event log shows it.")
                .req("effects", new ListOf(effect, 1), "What it changes.")
                .opt("enabled", new Bool(), true, "False switches the event off, to see what it does (--set calendar.events.2.enabled=false).");
        Obj shock = new Obj("a random shock", "Something that may happen on any day with a fixed probability.")
                .req("name", new Text(), "What happened, as the event log shows it.")
                .req("rate", probability(), "Probability that it happens on a given day.")
                .opt("from", new Date(), "the calendar's start", "First day on which it may happen.")
                .opt("to", new Date(), "the calendar's end", "Last day on which it may happen.")
                .req("effects", new ListOf(effect, 1), "What it changes.");
        Obj calendar = new Obj("the calendar", "One schedule step is one calendar day.")
                .req("start", new Date(), "First simulated day.")
                .req("end", new Date(), "Last simulated day (inclusive); at most 20 years after start.")
                .opt("winter", winter, "see winter", winter.doc)
                .opt("events", new ListOf(event, 0).identifiedBy("name"), "none", "Dated events.")
                .opt("shocks", new ListOf(shock, 0).identifiedBy("name"), "none", "Random shocks.");

        Obj lever = new Obj("a lever", "A slider of the classroom console that moves settable parameters while the run goes on; "
                + "the move takes effect the next day, as a dated event with a 'set:' effect would.")
                .req("name", new Text(), "Label of the slider ('Israel answers attacks').")
                .req("paths", new ListOf(new Text(), 1), "The parameters it moves, settable paths (see 'Settable paths'); all take the slider's value, "
                        + "which starts at the scenario's value of the first.")
                .opt("min", new Num(-Double.MAX_VALUE, Double.MAX_VALUE, false), 0.0, "Value at the slider's left end.")
                .opt("max", new Num(-Double.MAX_VALUE, Double.MAX_VALUE, false), 1.0, "Value at the slider's right end.")
                .opt("step", nonNegative(), "0.05, or 1 when the range is wider than 2",
                        "The slider moves in steps of this size, above 0; a value typed in its box may fall between them.")
                .opt("meaning", new Text(), "none", "What the value means, in one line shown beside the slider "
                        + "('the probability that Israel answers an attack on it').");
        Obj button = new Obj("a shock button", "A button of the classroom console that makes something happen the next day, "
                + "as a dated event of the same effects would.")
                .req("name", new Text(), "Label of the button, and what the event log says happened.")
                .req("effects", new ListOf(effect, 1), "What it changes, as the effects of a dated event.");
        Obj classroom = new Obj("the classroom console", "What the classroom console (escalation gui) offers an instructor for this "
                + "scenario. Runs and batches ignore it.")
                .opt("levers", new ListOf(lever, 0).identifiedBy("name"), "none", lever.doc)
                .opt("shocks", new ListOf(button, 0).identifiedBy("name"), "none", button.doc);

        Obj rung = new Obj("a rung of the escalation ladder", "Every action sits on a rung; the daily escalation level is the highest rung used that day.")
                .req("id", new Text(), "Id used by actions and thresholds.")
                .req("name", new Text(), "Name shown in logs and charts.")
                .req("intensity", positive(0), "How severe actions on this rung are; must rise along the ladder.")
                .opt("kinetic", new Bool(), true, "False for signals (threats): no weapons, no harm, but they shift the target's belief that the sender will retaliate.")
                .opt("sustained", new Bool(), false, "True for a state that, once reached, lasts: the daily level never falls below this rung again (a regional war does not end within the calendar).")
                .opt("direct", new Bool(), false, "True for a state's direct attack on another state's territory: the attacked state answers it whatever its attention to other fronts.");

        Obj weapon = new Obj("a weapon type", "A kind of munition; casualties per hit are Poisson draws.")
                .req("name", new Text(), "Display name.")
                .opt("killed", new Num(0, MAX_HARM_PER_HIT, false), 0.0, "Mean people killed per hit.")
                .opt("injured", new Num(0, MAX_HARM_PER_HIT, false), 0.0, "Mean people injured per hit.")
                .opt("reach", probability(), 1.0, "Probability that a launched weapon reaches the target's air defences; the rest fall short, fail or are stopped on the way.");

        Obj arsenal = new Obj("a stock of one weapon type", "")
                .opt("stock", new Num(0, MAX_WEAPONS, false), 0.0, "Weapons held on the first day.")
                .opt("resupply", new Num(0, MAX_WEAPONS, false), 0.0, "Weapons received per day at full corridor capacity.")
                .opt("capacity", new Num(0, MAX_WEAPONS, false), "unlimited", "Most weapons that can be held.")
                .opt("salvo", count(1, MAX_SALVO), 1, "Weapons launched per action with this weapon, unless the action sets its own salvo.")
                .opt("via_corridor", new Bool(), false, "True when resupply flows over the supply corridor from the actor's patron, so corridor strikes throttle it.");

        Obj action = new Obj("an action", "Something an actor can do: a salvo of one weapon at one target on one rung, or a signal.")
                .req("id", new Text(), "Id, unique within the actor.")
                .req("rung", new Ref(RUNG), "The rung it sits on.")
                .req("target", new Ref(ACTOR), "Whom it is aimed at; must be among the actor's adversaries.")
                .opt("label", new Text(), "the action id", "Words for the event log ('drones at the Golan').")
                .opt("weapon", new Ref(WEAPON), "none", "Weapon launched; required on kinetic rungs unless the action only strikes the corridor.")
                .opt("salvo", count(0, MAX_SALVO), "the arsenal's salvo for the weapon", "Weapons launched each time.")
                .opt("corridor", new ListOf(new Ref(LINK), 1), "none", "Corridor links the strike degrades.")
                .opt("damage", probability(), 0.5, "Share of a struck link's capacity lost.")
                .opt("via", new ListOf(new Ref(ACTOR), 1), "none", "Signals only: third parties who relay the threat (Washington relaying Israel's warnings to Baghdad).")
                .opt("credibility", nonNegative(), 1.0, "Signals only: weight of the threat as evidence that the sender will retaliate (pseudo-count added to the target's belief).")
                .opt("relay_pressure", nonNegative(), 0.2, "Signals only: restraining pressure a relaying restrainer of the target gains (it decays; see dynamics.restraint_decay).")
                .opt("front", new Ref(FRONT), "none", "The front the action belongs to: a ceasefire there ends the answers still owed for it, and a strike whose harm reaches the front's war_at takes it to war.")
                .opt("where", new Ref(NODE), "the target's region", "Where the strike lands (a strike on a faction's depots in Syria lands in syria, not in iraq).")
                .opt("cost", nonNegative(), 0.0, "Political cost of choosing this action as an answer (striking Iraq costs standing with Baghdad and Washington); answering doctrines weigh it against the fit of the action to the harm received.")
                .opt("leaders", new Bool(), false, "True for a strike on the target's leaders: a hit degrades its command for a while and raises its fear (dynamics.decapitation_loss, command_recovery, decapitation_fear).")
                .opt("evacuated", probability(), 0.0, "Share of the people at the struck sites out of harm's way because the strike was pre-warned; casualties are drawn for the rest.");

        Obj traits = new Obj("traits", "Dispositions the rules read; each in [0, 1].")
                .opt("resolve", probability(), 0.5, "Willingness to absorb costs; raises the probability of answering attacks.")
                .opt("eagerness", probability(), 0.5, "Appetite for action; scales the gain of attacking in the utility rule.")
                .opt("risk_tolerance", probability(), 0.5, "Discount on the feared cost of retaliation in the utility rule.")
                .opt("solidarity", probability(), 0.5, "Share of harm to an actor of the same alignment felt as own grievance.")
                .opt("stake", probability(), 0.0, "What the actor stands to lose at home from retaliation (AAH's political stake in Iraq); raises the feared cost.");

        Obj routes = new Obj("route overrides", "");
        Obj belief = new Obj("a prior belief", "Beta(alpha, beta) prior that the adversary retaliates after an attack.")
                .opt("alpha", positive(0.01), 1.0, "Pseudo-count of answered attacks.")
                .opt("beta", positive(0.01), 1.0, "Pseudo-count of unanswered attacks.");

        Tagged rule = rules("a decision rule", true);
        Tagged response = rules("a response doctrine", false);

        Obj actor = new Obj("an actor", "An agent: a state, a proxy, a patron, a host state or an authority.")
                .req("name", new Text(), "Display name.")
                .opt("plural", new Bool(), false, "True when the name takes a plural verb, for the event log's grammar ('Houthis launch', 'their belief').")
                .req("kind", new Choice("patron", "proxy", "state", "host_state", "authority", "non_state"), "What it is; informs the docs and the GUI, not the rules.")
                .req("alignment", new Text(), "Camp ('axis', 'western', 'neutral'); solidarity flows within a camp.")
                .opt("region", new Ref(NODE), "none", "Where it launches from and sits on the corridor; keys route-specific air defence.")
                .opt("location", place(), "none", "Approximate place for maps (the classroom console places actors without one around those with one).")
                .opt("sites", new ListOf(new Obj("a site", "A further place where the actor is present, drawn on maps.")
                        .req("name", new Text(), "What the map labels it ('Al-Tanf garrison').")
                        .req("lat", new Num(-90, 90, false), "Latitude.").req("lon", new Num(-180, 180, false), "Longitude."), 0).identifiedBy("name"),
                        "none", "Further places where the actor is present (bases), drawn on maps; strikes are drawn to its location.")
                .opt("traits", traits, "see traits", traits.doc)
                .opt("attention", probability(), 1.0, "Share of the actor's capacity free for this theatre (Israel's is low while Lebanon and Gaza absorb it); multiplies its probability of acting.")
                .opt("leverage", nonNegative(), 1.0, "For restrainers: the standing restraining pressure they exert; relayed threats and deals add pressure that decays.")
                .opt("fronts", new MapOf("front ids", new Obj("a front's demand on attention", "")
                        .opt("demand", nonNegative(), 1.0, "Attention the front takes while at war, relative to this theatre's 1."), FRONT), "none",
                        "Fronts that take the actor's attention while at war: its attention here is attention / (1 + the sum of the demands of the fronts at war).")
                .opt("coupling", new ListOf(new Obj("a coupling to a front", "Multiplies the actor's intensity while a front is in a state (solidarity with an ally at war; a truce lowers it).")
                        .req("front", new Ref(FRONT), "The front.")
                        .req("state", new Choice(FRONT_STATES.toArray(String[]::new)), "The state.")
                        .req("factor", positive(0.001), "Multiplier on the actor's daily intensity of action while the front is in that state."), 0), "none",
                        "How the actor's intensity follows the state of fronts.")
                .opt("claims", new Obj("how the actor claims its attacks", "The observation layer: what the actor's statements say of its attacks.")
                        .opt("share", probability(), 1.0, "Probability that an attack is claimed.")
                        .opt("extra", nonNegative(), 0.0, "Mean further claims per attack, for attacks that failed on launch or never took place (re-used launch videos)."),
                        "every attack claimed once", "How the actor's statements report its attacks.")
                .opt("arsenal", new MapOf("weapon ids", arsenal, WEAPON), "empty", "Stocks per weapon type.")
                .opt("air_defence", new MapOf("weapon ids", probability(), WEAPON), "none", "Probability of intercepting each incoming weapon of a type.")
                .opt("air_defence_routes", new MapOf("launch regions", new MapOf("weapon ids", probability(), WEAPON), NODE), "none",
                        "Per-route interception, by the attacker's region, overriding air_defence (drones from the east are harder to stop).")
                .opt("grievance", new MapOf("actor ids", nonNegative(), ACTOR), "none", "Grievance held toward each actor on the first day.")
                .opt("beliefs", new MapOf("actor ids", belief, ACTOR), "Beta(1, 1)", "Prior belief that each adversary retaliates.")
                .opt("actions", new ListOf(action, 0).identifiedBy("id"), "none", "The actor's repertoire.")
                .opt("rule", rule, "none (never initiates)", "How it decides to act on its own initiative.")
                .opt("response", response, "none (never answers)", "How it answers attacks on itself and on those it protects.");

        Obj patronage = new Obj("a patron-proxy link", "")
                .req("patron", new Ref(ACTOR), "The patron.")
                .req("proxy", new Ref(ACTOR), "The proxy.")
                .opt("control", probability(), 0.5, "How far the patron's orders reach the proxy's operations.")
                .opt("compliance", probability(), 0.5, "How far the proxy defers to those orders (low for autonomous factions).");
        Obj adversary = new Obj("who may target whom", "")
                .req("actor", new Ref(ACTOR), "The attacker.")
                .req("targets", new ListOf(new Ref(ACTOR), 1), "Whom it may target.");
        Obj protection = new Obj("a protector-ally link", "")
                .req("protector", new Ref(ACTOR), "The protector (the US).")
                .req("ally", new Ref(ACTOR), "The protected ally (Israel).")
                .opt("commitment", probability(), 0.5, "Probability weight with which the protector treats an attack on the ally as one on itself.");
        Obj restraint = new Obj("a restraining influence", "A host state or an authority pressing factions to hold back.")
                .req("by", new Ref(ACTOR), "The restrainer (the Iraqi government, Sistani).")
                .req("restrained", new ListOf(new Ref(ACTOR), 1), "The restrained.")
                .renamed("on", "restrained")
                .opt("strength", probability(), 0.3, "Weight of the restrainer's pressure: the restrained actor's intensity is multiplied by exp(-strength x pressure), "
                        + "where pressure is the restrainer's leverage plus what relayed threats and deals added (decaying); it falls smoothly and never to zero.");
        Obj rivalry = new Obj("a competition for relevance", "Actors who each attack more when the others out-attack them.")
                .req("actors", new ListOf(new Ref(ACTOR), 2), "The rivals.")
                .opt("weight", nonNegative(), 0.5, "Largest boost to the daily probability of acting, reached when rivals lead by 'scale' recent attacks.")
                .opt("scale", positive(0.01), 5.0, "Lead in recent attacks at which the boost is full.");
        Obj relations = new Obj("relations", "")
                .opt("patronage", new ListOf(patronage, 0).identifiedBy("proxy"), "none", "Patron to proxy.")
                .opt("adversaries", new ListOf(adversary, 0).identifiedBy("actor"), "none", "Who may target whom.")
                .opt("protection", new ListOf(protection, 0).identifiedBy("protector", "ally"), "none", "Protector to ally.")
                .opt("restraint", new ListOf(restraint, 0).identifiedBy("by"), "none", "Restraining influences.")
                .opt("rivalry", new ListOf(rivalry, 0), "none", "Competitions for relevance.");

        Obj link = new Obj("a corridor link", "A leg of the supply corridor.")
                .req("id", new Text(), "Id used by corridor strikes.")
                .req("from", new Ref(NODE), "Upstream node.")
                .req("to", new Ref(NODE), "Downstream node.")
                .opt("name", new Text(), "from-to", "Display name ('Al Bukamal crossing').")
                .opt("repair_days", positive(1), 14.0, "Days for a struck link to recover its full capacity (linearly).");
        Obj corridor = new Obj("the supply corridor", "The land route Iran - Iraq - Syria - Lebanon, held in a MASON network.")
                .req("nodes", new ListOf(new Text(), 1), "Regions in order of flow.")
                .opt("links", new ListOf(link, 0).identifiedBy("id"), "none", "Legs between regions.")
                .opt("locations", new MapOf("corridor nodes", place(), NODE), "the mean location of the region's actors",
                        "Approximate place of each region's hub, for maps.");

        Obj threshold = new Obj("a named threshold", "An outcome whose first crossing date is recorded.")
                .req("id", new Text(), "Id used in outputs.")
                .req("name", new Text(), "Display name.")
                .req("rung", new Ref(RUNG), "Crossed by an action on this rung or above.")
                .opt("by", new ListOf(new Ref(ACTOR), 1), "anyone", "Only actions by these actors count.")
                .opt("against", new ListOf(new Ref(ACTOR), 1), "anyone", "Only actions against these targets count.");

        Obj mechanisms = new Obj("mechanism switches", "Each mechanism of the domain brief can be switched off to test what it does.")
                .opt("patron_orders", new Bool(), true, "Patron orders change proxies' probability of acting.")
                .opt("restraint", new Bool(), true, "Host-state and clerical restraint.")
                .opt("relevance", new Bool(), true, "Competition for relevance among rivals.")
                .opt("attention", new Bool(), true, "Limited attention multiplies the probability of acting.")
                .opt("domestic_pressure", new Bool(), true, "Casualties raise the pressure to answer.")
                .opt("winter", new Bool(), true, "The winter season lowers tempo and effectiveness.")
                .opt("signals", new Bool(), true, "Threats shift beliefs and restrainers' leverage.")
                .opt("grievance", new Bool(), true, "Harm received accumulates as grievance.")
                .opt("learning", new Bool(), true, "Beliefs that adversaries retaliate are updated from experience.")
                .opt("solidarity", new Bool(), true, "Harm to an actor of the same alignment is felt by the others.")
                .opt("corridor", new Bool(), true, "Resupply over the corridor is throttled by strikes.")
                .opt("fronts", new Bool(), true, "The states of fronts couple actors' intensity and take states' attention.")
                .opt("decapitation", new Bool(), true, "Strikes on leaders degrade the target's command and raise its fear.")
                .opt("observation", new Bool(), true, "Weapons may fall short and attacks may go unclaimed or be claimed falsely; off, every weapon reaches and every attack is claimed once.")
                .opt("host_deals", new Bool(), true, "A host state with a host rule presses factions and strikes deals with them.");

        Obj dynamics = new Obj("dynamics", "Rates shared by every actor.")
                .opt("grievance_decay", probability(), 0.05, "Share of grievance that fades each day.")
                .opt("grievance_per_intensity", nonNegative(), 0.1, "Grievance from being attacked, per unit of rung intensity.")
                .opt("grievance_per_killed", nonNegative(), 0.1, "Grievance per person killed.")
                .opt("grievance_per_injured", nonNegative(), 0.01, "Grievance per person injured.")
                .opt("pressure_per_killed", nonNegative(), 0.1, "Domestic pressure to answer, per own person killed.")
                .opt("pressure_decay", probability(), 0.05, "Share of domestic pressure that fades each day.")
                .opt("belief_window", count(1, 365), 14, "Days within which an answer counts as retaliation for an attack.")
                .opt("vicarious_learning", probability(), 0.5, "Weight with which an actor learns from what happened to allies of its camp attacking the same adversary.")
                .opt("recent_memory", count(1, 365), 14, "Days over which recent attacks are remembered (relevance, patron distress).")
                .opt("grievance_per_hit", nonNegative(), 0.0, "Grievance per weapon that hits, so that a large salvo weighs more than a small one.")
                .opt("restraint_decay", probability(), 0.02, "Share of the restraining pressure added by relayed threats and deals that fades each day.")
                .opt("severity_learning", probability(), 0.3, "Weight of an observed answer's size in the believed severity of the answerer's retaliation.")
                .opt("decapitation_loss", probability(), 0.5, "Share of a faction's command (its intensity of action) lost when a strike on its leaders hits.")
                .opt("command_recovery", probability(), 0.02, "Share of the lost command regained each day.")
                .opt("decapitation_fear", nonNegative(), 1.0, "Evidence that the striker retaliates (pseudo-count) a strike on leaders adds to the target's belief.");

        Obj front = new Obj("a front", "A theatre of the wider war (Gaza, Lebanon, the Red Sea, the direct Iran-Israel track) whose state dated events "
                + "change, and the actors too, by a strike past its war_at; actors' intensity can be coupled to it and states' attention is shared "
                + "among the fronts at war.")
                .opt("name", new Text(), "the id", "Display name.")
                .opt("state", new Choice(FRONT_STATES.toArray(String[]::new)), "quiet", "State on the first day.")
                .opt("war_at", nonNegative(), 0.0, "Harm (weapons that hit + people killed + injured) of one strike on this front (an action with this "
                        + "front) at or above which the front goes to war, whatever its state: an exchange grown past what the struck side absorbs "
                        + "becomes a war, and a strike that large breaks a truce or ceasefire. 0: no strike changes the front's state.");

        return new Obj("a scenario", "A complete description of a world to simulate.")
                .req("name", new Text(), "Short id, used in results folder names.")
                .opt("title", new Text(500), "the name", "Title shown in logs and reports.")
                .opt("description", new Text(100_000), "empty", "What the scenario represents, and its sources.")
                .opt("extends", new Text(), "none", "Path (relative to this file) of a scenario this one overrides; mappings merge key by key, a list is replaced whole, "
                        + "or changed item by item, by id, when written as {merge: [items]} (see 'Changing one item of an inherited list').")
                .req("calendar", calendar, calendar.doc)
                .opt("ladder", new ListOf(rung, 2).identifiedBy("id"), "the default ladder", rung.doc)
                .opt("weapons", new MapOf("weapon ids", weapon, null), "none", "Weapon types.")
                .opt("mechanisms", mechanisms, "all on", mechanisms.doc)
                .opt("dynamics", dynamics, "see dynamics", dynamics.doc)
                .req("actors", new MapOf("actor ids", actor, null), "The actors, by id.")
                .opt("relations", relations, "none", "Relations between actors.")
                .opt("corridor", corridor, "none", corridor.doc)
                .opt("fronts", new MapOf("front ids", front, null), "none", front.doc)
                .opt("thresholds", new ListOf(threshold, 0).identifiedBy("id"), "none", threshold.doc)
                .opt("classroom", classroom, "no levers or buttons", classroom.doc);
    }

    /** The decision rules; {@code initiative} false gives only the answering kinds. */
    private static Tagged rules(String title, boolean initiative) {
        Tagged t = new Tagged(title);
        if (initiative) {
            t.variant("threshold", new Obj("threshold rule", "Acts when grievance toward an adversary passes a level.")
                    .opt("threshold", nonNegative(), 1.0, "Grievance level above which it acts.")
                    .opt("tempo", probability(), 0.5, "Daily probability of acting while above the threshold.")
                    .opt("deterrence", probability(), 0.5, "How far the belief that the target retaliates lowers that probability (p x (1 - deterrence x belief)).")
                    .opt("max_rung", new Ref(RUNG), "the top rung", "Highest rung it chooses."));
            t.variant("utility", new Obj("utility rule", "Logit choice over its actions and doing nothing: the gain of striking against the expected cost of retaliation.")
                    .opt("tempo", nonNegative(), 0.5, "Expected opportunities to act a day, before the mechanisms that scale it; a day's count is a Poisson draw, so a day may hold none, one or many attacks.")
                    .opt("base", new Num(-100, 100, false), 0.5, "Motivation to act without grievance (the cause, orders to show support).")
                    .opt("gain", nonNegative(), 1.0, "Weight of the grievance motive g / (1 + g) toward the target in the gain.")
                    .opt("cost", nonNegative(), 8.0, "Weight of the expected retaliation in the cost.")
                    .opt("temperature", positive(0.001), 0.5, "Logit temperature: low is a sharp optimiser, high is noisy.")
                    .opt("blame", nonNegative(), 0.0, "Share of the grievance toward an actor that is also held against its protector (the US blamed for Israel's strikes).")
                    .opt("reach_weight", nonNegative(), 0.0, "Weight of the expected share of weapons that get through (reach, then interception) in the gain: near, exposed targets are preferred.")
                    .opt("max_rung", new Ref(RUNG), "the top rung", "Highest rung it chooses."));
            t.variant("scripted", new Obj("scripted rule", "Performs dated actions only (replays of history).")
                    .opt("actions", new ListOf(new Obj("a scripted action", "")
                            .req("date", new Date(), "Day of the action.")
                            .req("action", new Text(), "Id of one of the actor's actions.")
                            .opt("salvo", count(0, MAX_SALVO), "the action's salvo", "Weapons launched.")
                            .opt("killed", count(0, 1_000_000), "drawn", "People killed, fixed as the record gives them.")
                            .opt("injured", count(0, 1_000_000), "drawn", "People injured, fixed as the record gives them."), 0), "none", "The script."));
            t.variant("patron", new Obj("patron rule", "Orders its proxies to restrain, hold, activate or surge according to the state of its allies; it strikes only through its response doctrine or dated events.")
                    .opt("allies", new ListOf(new Ref(ACTOR), 1), "its proxies and its camp", "Actors whose distress it watches.")
                    .opt("activate_at", nonNegative(), 1.0, "Allies' recent harm at which it orders activation.")
                    .opt("surge_at", nonNegative(), 3.0, "Allies' recent harm at which it orders a surge.")
                    .opt("restrain_at", nonNegative(), 2.0, "Its own recent harm at which it restrains proxies to avoid a wider war that would cost it most.")
                    .opt("regime_at", nonNegative(), 1.0e9, "Its own recent harm at which its regime is at stake: it orders every proxy to surge, whatever the risk.")
                    .opt("self_weight", nonNegative(), 0.0, "Weight of its own recent harm (below restrain_at) in the case for ordering proxies in: answering by proxy.")
                    .opt("order_days", count(1, 3650), 1, "Days an order the rule gives stands before it weighs the case again.")
                    .opt("risk_weight", nonNegative(), 0.0, "Weight of its proxies' recent attacks, discounted by its risk tolerance, against ordering them in: the risk that they draw fire onto it.")
                    .opt("restrain_effect", nonNegative(), 0.2, "Multiplier on a fully controlled, fully compliant proxy's probability of acting under 'restrain'.")
                    .opt("hold_effect", nonNegative(), 0.7, "Same, under 'hold'.")
                    .opt("activate_effect", nonNegative(), 1.6, "Same, under 'activate'.")
                    .opt("surge_effect", nonNegative(), 2.5, "Same, under 'surge'.")
                    .opt("default_order", new Choice(ORDERS.toArray(String[]::new)), "hold", "Order it gives when none of its thresholds is met, and on the first day."));
            t.variant("host", new Obj("host rule", "A host state (Baghdad) that presses the factions on its territory when threats against them are relayed "
                    + "through it or strikes land on it, and strikes deals with them: a deal adds restraining pressure and the faction suspends its attacks for a while.")
                    .opt("deal_at", nonNegative(), 2.0, "Alarm (recent relayed threats and strikes on its territory, decaying over dynamics.recent_memory) from which it seeks deals.")
                    .opt("deal_rate", probability(), 0.05, "Daily probability of a deal while the alarm is at or above deal_at.")
                    .opt("deal_pressure", nonNegative(), 2.0, "Restraining pressure a deal adds on the faction.")
                    .opt("deal_days", count(0, 3650), 30, "Days the faction suspends its attacks after a deal (0: none)."));
        }
        Obj tft = new Obj("tit-for-tat doctrine", "Answers each attack at or above a rung with an action on the same rung against the attacker.");
        Obj grad = new Obj("graduated doctrine", "Answers each attack at or above a rung with an action 'step' rungs higher against the attacker.");
        for (Obj o : List.of(tft, grad)) {
            o.opt("reliability", probability(), 0.8, "Probability of answering an attack, before attention, season and pressure.")
                    .opt("delay", new Num(0, 365, false), 2.0, "Planning time of a standard answer with full attention, in days: the answer falls due delay x scale / attention x exp(planning x Z) days after the attack, at least one.")
                    .opt("answer_from", new Ref(RUNG), "the lowest kinetic rung", "Lowest rung of attack it answers.")
                    .opt("max_rung", new Ref(RUNG), "the top rung", "Highest rung it answers with.")
                    .opt("defend_allies", new Bool(), true, "Also answers attacks on allies it protects (weighted by commitment).")
                    .opt("pressure_weight", nonNegative(), 0.5, "Sensitivity to domestic pressure after casualties: the probability of not answering is multiplied by exp(-pressure_weight x pressure).")
                    .opt("killed_at", nonNegative(), 0.0, "Red line: an attack that kills at least this many of its people is answered whatever its rung (0: no such red line).")
                    .opt("injured_at", nonNegative(), 0.0, "Red line: an attack that injures at least this many of its people is answered whatever its rung (0: none).")
                    .opt("harm_reference", nonNegative(), 0.0, "Harm (hits + killed + injured) of an attack that gets an answer of the action's own salvo; the answer is scaled by harm / harm_reference, "
                            + "between 0.25 and 4 (0: no scaling).")
                    .opt("planning", nonNegative(), 0.0, "Spread of the planning time: the delay is delay x scale / attention x exp(planning x Z), Z standard normal (0: fixed).")
                    .opt("deterrence", probability(), 0.0, "How far the believed probability and severity of the attacker's counter-retaliation lower the probability of answering.")
                    .opt("war_deterrence", probability(), 0.0, "The same for an attack on a front at war: how far fear of the attacker's counter-retaliation still lowers the answer "
                            + "once the war it threatens is on (0: not at all).")
                    .opt("war_delay", new Num(0, 365, false), 0.0, "Planning time of an answer to a direct attack (a direct rung) on a front at war, in days, whatever its size and the state's attention "
                            + "(the war itself: forces already at war strike within days): the answer falls due war_delay x exp(planning x Z) days after the attack, at least one (0: the usual planning time).")
                    .opt("follow_up", probability(), 0.0, "Probability that an answer opens a campaign: a further answer one rung higher (a decapitation) follow_up_days later.")
                    .opt("follow_up_days", count(1, 365), 14, "Days from an answer to its follow-up.");
        }
        grad.opt("step", count(0, 10), 1, "Rungs above the attack.");
        t.variant("tit_for_tat", tft);
        t.variant("graduated", grad);
        return t;
    }
}
