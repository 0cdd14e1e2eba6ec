package escalation.scenario;

import escalation.scenario.Records.Action;
import escalation.scenario.Records.Actor;
import escalation.scenario.Records.Effect;
import escalation.scenario.Records.Scenario;
import escalation.spec.ScenarioSpec;
import escalation.spec.Spec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the records from a validated tree; defaults come from the spec through {@link View}. */
final class Binder {
    private Binder() { }

    static Scenario bind(View root, String source) {
        String name = root.text("name");
        View cal = root.obj("calendar");
        View w = cal.obj("winter");
        Records.Winter winter = new Records.Winter(
                java.time.MonthDay.parse("--" + w.text("from")), java.time.MonthDay.parse("--" + w.text("to")),
                w.num("tempo"), w.num("effectiveness"));
        List<Records.Event> events = new ArrayList<>();
        for (View e : cal.objects("events")) {
            events.add(new Records.Event(LocalDate.parse(e.text("date")), e.text("name"), effects(e), e.bool("enabled")));
        }
        List<Records.Shock> shocks = new ArrayList<>();
        for (View e : cal.objects("shocks")) {
            shocks.add(new Records.Shock(e.text("name"), e.num("rate"),
                    e.has("from") ? LocalDate.parse(e.text("from")) : LocalDate.parse(cal.text("start")),
                    e.has("to") ? LocalDate.parse(e.text("to")) : LocalDate.parse(cal.text("end")), effects(e)));
        }
        Records.Calendar calendar = new Records.Calendar(LocalDate.parse(cal.text("start")), LocalDate.parse(cal.text("end")),
                winter, events, shocks);

        List<Records.Rung> ladder = new ArrayList<>();
        if (root.has("ladder")) {
            for (View r : root.objects("ladder")) {
                ladder.add(new Records.Rung(r.text("id"), r.text("name"), r.num("intensity"), r.bool("kinetic"), r.bool("sustained"), r.bool("direct")));
            }
        } else {
            ladder.addAll(DefaultLadder.RUNGS);
        }

        Map<String, Records.Weapon> weapons = new LinkedHashMap<>();
        root.objectMap("weapons").forEach((id, v) -> weapons.put(id,
                new Records.Weapon(id, v.text("name"), v.num("killed"), v.num("injured"), v.num("reach"))));

        View m = root.obj("mechanisms");
        Records.Mechanisms mechanisms = new Records.Mechanisms(m.bool("patron_orders"), m.bool("restraint"),
                m.bool("relevance"), m.bool("attention"), m.bool("domestic_pressure"), m.bool("winter"),
                m.bool("signals"), m.bool("grievance"), m.bool("learning"), m.bool("solidarity"), m.bool("corridor"),
                m.bool("fronts"), m.bool("decapitation"), m.bool("observation"), m.bool("host_deals"));
        View d = root.obj("dynamics");
        Records.Dynamics dynamics = new Records.Dynamics(d.num("grievance_decay"), d.num("grievance_per_intensity"),
                d.num("grievance_per_killed"), d.num("grievance_per_injured"), d.num("pressure_per_killed"),
                d.num("pressure_decay"), (int) d.num("belief_window"),
                d.num("vicarious_learning"), (int) d.num("recent_memory"), d.num("grievance_per_hit"),
                d.num("restraint_decay"), d.num("severity_learning"), d.num("decapitation_loss"),
                d.num("command_recovery"), d.num("decapitation_fear"));

        List<Actor> actors = new ArrayList<>();
        Spec.Obj actorSpec = (Spec.Obj) ((Spec.MapOf) ScenarioSpec.ROOT.field("actors").spec()).values;
        Spec.Tagged ruleSpec = (Spec.Tagged) actorSpec.field("rule").spec();
        Spec.Tagged responseSpec = (Spec.Tagged) actorSpec.field("response").spec();
        root.objectMap("actors").forEach((id, a) -> actors.add(actor(id, a, ruleSpec, responseSpec)));

        View rel = root.obj("relations");
        Records.Relations relations = new Records.Relations(
                rel.objects("patronage").stream().map(p -> new Records.Patronage(p.text("patron"), p.text("proxy"),
                        p.num("control"), p.num("compliance"))).toList(),
                rel.objects("adversaries").stream().map(p -> new Records.Adversaries(p.text("actor"), p.texts("targets"))).toList(),
                rel.objects("protection").stream().map(p -> new Records.Protection(p.text("protector"), p.text("ally"),
                        p.num("commitment"))).toList(),
                rel.objects("restraint").stream().map(p -> new Records.Restraint(p.text("by"), p.texts("restrained"),
                        p.num("strength"))).toList(),
                rel.objects("rivalry").stream().map(p -> new Records.Rivalry(p.texts("actors"), p.num("weight"),
                        p.num("scale"))).toList());

        View c = root.obj("corridor");
        Records.Corridor corridor = new Records.Corridor(c.texts("nodes"), c.objects("links").stream()
                .map(l -> new Records.Link(l.text("id"), l.has("name") ? l.text("name") : l.text("from") + "-" + l.text("to"),
                        l.text("from"), l.text("to"), l.num("repair_days"))).toList(), locations(c.objectMap("locations")));

        Map<String, Records.Front> fronts = new LinkedHashMap<>();
        root.objectMap("fronts").forEach((id, f) -> fronts.put(id,
                new Records.Front(id, f.has("name") ? f.text("name") : id, f.text("state"), f.num("war_at"))));

        List<Records.Threshold> thresholds = root.objects("thresholds").stream()
                .map(t -> new Records.Threshold(t.text("id"), t.text("name"), t.text("rung"), t.texts("by"), t.texts("against")))
                .toList();

        View cr = root.obj("classroom");
        Records.Classroom classroom = new Records.Classroom(
                cr.objects("levers").stream().map(l -> new Records.Lever(l.text("name"), l.texts("paths"), l.num("min"), l.num("max"),
                        l.num("step", Records.Lever.defaultStep(l.num("min"), l.num("max"))), l.optionalText("meaning"))).toList(),
                cr.objects("shocks").stream().map(b -> new Records.Event(calendar.start(), b.text("name"), effects(b), true)).toList());

        return new Scenario(name, root.has("title") ? root.text("title") : name, root.has("description") ? root.text("description") : "",
                source, calendar, List.copyOf(ladder), weapons, mechanisms, dynamics, List.copyOf(actors), relations,
                corridor, fronts, thresholds, classroom);
    }

    private static Actor actor(String id, View a, Spec.Tagged ruleSpec, Spec.Tagged responseSpec) {
        View t = a.obj("traits");
        Records.Traits traits = new Records.Traits(t.num("resolve"), t.num("eagerness"), t.num("risk_tolerance"),
                t.num("solidarity"), t.num("stake"));
        Map<String, Records.Stock> arsenal = new LinkedHashMap<>();
        a.objectMap("arsenal").forEach((w, s) -> arsenal.put(w, new Records.Stock(s.num("stock"), s.num("resupply"),
                s.num("capacity", Double.POSITIVE_INFINITY), (int) s.num("salvo"), s.bool("via_corridor"))));
        Map<String, Records.Belief> beliefs = new LinkedHashMap<>();
        a.objectMap("beliefs").forEach((target, b) -> beliefs.put(target, new Records.Belief(b.num("alpha"), b.num("beta"))));
        List<Action> actions = new ArrayList<>();
        for (View x : a.objects("actions")) {
            String actionId = x.text("id");
            String weapon = x.optionalText("weapon");
            Records.Stock stock = weapon == null ? null : arsenal.get(weapon);
            int salvo = x.integer("salvo", stock == null ? 1 : stock.salvo());
            actions.add(new Action(actionId, x.has("label") ? x.text("label") : actionId, x.text("rung"), x.text("target"),
                    weapon, salvo, x.texts("corridor"), x.num("damage"), x.texts("via"),
                    x.num("credibility"), x.num("relay_pressure"), x.optionalText("front"), x.optionalText("where"),
                    x.num("cost"), x.bool("leaders"), x.num("evacuated")));
        }
        Records.Location location = a.has("location")
                ? new Records.Location(a.obj("location").num("lat", 0), a.obj("location").num("lon", 0)) : null;
        List<Records.Site> sites = a.objects("sites").stream()
                .map(x -> new Records.Site(x.text("name"), new Records.Location(x.num("lat", 0), x.num("lon", 0)))).toList();
        return new Actor(id, a.text("name"), a.text("kind"), a.text("alignment"), a.optionalText("region"), location, sites,
                traits, a.num("attention"), a.num("leverage"), arsenal, a.numberMap("air_defence"),
                a.numberMapMap("air_defence_routes"), a.numberMap("grievance"), beliefs, actions,
                View.rule(a.node() instanceof Node.Mapping mm ? mm.get("rule") : null, ruleSpec),
                View.rule(a.node() instanceof Node.Mapping mm ? mm.get("response") : null, responseSpec), a.bool("plural"),
                demands(a.objectMap("fronts")),
                a.objects("coupling").stream().map(c -> new Records.Coupling(c.text("front"), c.text("state"), c.num("factor"))).toList(),
                a.has("claims") ? new Records.Claims(a.obj("claims").num("share"), a.obj("claims").num("extra")) : Records.Claims.EVERY_ATTACK_ONCE);
    }

    private static Map<String, Double> demands(Map<String, View> fronts) {
        Map<String, Double> out = new LinkedHashMap<>();
        fronts.forEach((front, v) -> out.put(front, v.num("demand")));
        return out;
    }

    private static Map<String, Records.Location> locations(Map<String, View> places) {
        Map<String, Records.Location> out = new LinkedHashMap<>();
        places.forEach((node, v) -> out.put(node, new Records.Location(v.num("lat", 0), v.num("lon", 0))));
        return out;
    }

    private static List<Effect> effects(View owner) {
        List<Effect> out = new ArrayList<>();
        for (View e : owner.objects("effects")) {
            if (e.has("set")) {
                out.add(new Records.SetParameters(e.numberMap("set")));
            } else if (e.has("grievance")) {
                View g = e.obj("grievance");
                out.add(new Records.AddGrievance(g.texts("of"), g.text("toward"), g.num("add")));
            } else if (e.has("order")) {
                View o = e.obj("order");
                out.add(new Records.Order(o.text("patron"), o.text("order"), o.integer("days", Records.Order.FOREVER)));
            } else if (e.has("perform")) {
                View p = e.obj("perform");
                out.add(new Records.Perform(p.text("actor"), p.text("action"), p.integer("salvo", Records.Perform.DEFAULT_SALVO),
                        p.integer("killed", Records.Perform.DRAWN), p.integer("injured", Records.Perform.DRAWN)));
            } else if (e.has("front")) {
                View f = e.obj("front");
                out.add(new Records.FrontChange(f.text("id"), f.text("state")));
            } else if (e.has("sever")) {
                out.add(new Records.Sever(e.obj("sever").text("link")));
            } else {
                View u = e.obj("suspend");
                out.add(new Records.Suspend(u.text("actor"), u.integer("days", 1)));
            }
        }
        return out;
    }
}
