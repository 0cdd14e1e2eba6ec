package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.engine.EscalationSim;
import escalation.model.CompiledAction;
import escalation.model.Decision;
import escalation.model.Occurrence;
import escalation.model.Theatre;
import escalation.scenario.Records;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the classroom ticker says: one dated line per event, with its reason in plain words. No display needed. */
class TickerTest {
    private final Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    private CompiledAction action(String actor, String id) {
        for (CompiledAction a : autumn.actions[autumn.index(actor)]) {
            if (a.id().equals(id)) return a;
        }
        throw new AssertionError(id);
    }

    @Test
    void aProxyStrikeSaysWhatItsPatronOrderedAndWhatItBelieves() {
        Occurrence o = new Occurrence(LocalDate.of(2024, 10, 3), 6, Occurrence.Kind.STRIKE, autumn.index("kh"), autumn.index("israel"),
                action("kh", "strike_israel"), 3, 1, 2, 0, 1,
                Decision.of("utility", 0.5, 0.2, "grievance", 2.5, "belief_retaliation", 0.18, "propensity", 0.9,
                        "opportunity", 0.5, "p_choice", 0.4, "p_act", 0.8, "patron_order", 2), null);
        assertEquals("2024-10-03  Kata'ib Hezbollah launches 3 one-way attack drones at Israel (drone strike on an IDF base; "
                + "lethal proxy strike): 1 intercepted, 2 hits, 0 killed, 1 injured. Iran ordered activation; its grievance toward "
                + "Israel is 2.50; its belief that Israel retaliates is 0.18", new Chronicle(autumn).narrator().tickerLine(o));
    }

    @Test
    void anAnswerSaysWhatItAnswersAndHowReliableTheDoctrineIs() {
        Occurrence o = new Occurrence(LocalDate.of(2024, 10, 3), 6, Occurrence.Kind.STRIKE, autumn.index("us"), autumn.index("kh"),
                action("us", "strike_kh"), 8, 0, 8, 3, 9,
                Decision.of("graduated", 0.6, 0.1, "received_rung", 3, "commitment", 0.4, "reliability", 0.6,
                        "domestic_pressure", 0, "attention", 0.8), null);
        String reason = new Chronicle(autumn).narrator().reason(o);
        assertEquals("it answers an attack on an ally it protects (lethal proxy strike); its doctrine's reliability is 0.60, "
                + "and with attention, pressure and fear the answer came with probability 0.60", reason);
    }

    @Test
    void aPluralNameTakesPluralVerbsAndPronouns() {
        Occurrence o = new Occurrence(LocalDate.of(2024, 10, 6), 9, Occurrence.Kind.STRIKE, autumn.index("houthis"), autumn.index("israel"),
                action("houthis", "drones_eilat"), 2, 1, 1, 0, 2,
                Decision.of("utility", 0.3, 0.1, "grievance", 3.28, "belief_retaliation", 0.56, "patron_order", 1), null);
        assertEquals("2024-10-06  Houthis launch 2 one-way attack drones at Israel (drones at Eilat; harassment launches): "
                + "1 intercepted, 1 hit, 0 killed, 2 injured. Iran ordered them to hold; their grievance toward Israel is 3.28; "
                + "their belief that Israel retaliates is 0.56", new Chronicle(autumn).narrator().tickerLine(o));
    }

    @Test
    void aNameWithAnArticleReadsWellInsideASentence() {
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        Occurrence o = new Occurrence(LocalDate.of(2025, 1, 3), 2, Occurrence.Kind.STRIKE, 0, 1, primer.actions[0][0], 3, 3, 0, 0, 0,
                Decision.of("utility", 0.5, 0.2, "grievance", 1.5, "belief_retaliation", 0.5, "patron_order", -1), null);
        assertEquals("2025-01-03  The militia launches 3 rockets at the state (rockets at a border post; harassment launches): "
                + "3 intercepted, 0 hits. Its grievance toward the state is 1.50; its belief that the state retaliates is 0.50",
                new Chronicle(primer).narrator().tickerLine(o));
    }

    @Test
    void aPatronOrderSaysWhichLevelWasReached() {
        Occurrence o = new Occurrence(LocalDate.of(2024, 10, 3), 6, Occurrence.Kind.ORDER, autumn.index("iran"), -1, null,
                0, 0, 0, 0, 0, Decision.of("patron", 1, 0, "allies_recent_harm", 6.5, "own_recent_harm", 0.0,
                "risk_of_drawing_fire", 0.5, "case_for_ordering_in", 6.0,
                "activate_at", 2, "surge_at", 6, "restrain_at", 8, "regime_at", 12), "surge");
        assertEquals("2024-10-03  Iran orders its proxies to surge. Its allies' recent harm (6.50) and its own (0), less the risk of "
                + "drawing fire (0.50), make a case of 6, at or above its surge level (6)",
                new Chronicle(autumn).narrator().tickerLine(o));
    }

    @Test
    void theTickerOfARealRunHasOneDatedLinePerOccurrenceWithReasons() {
        Chronicle chronicle = new Chronicle(autumn);
        EscalationSim sim = new EscalationSim(autumn, 11, chronicle);
        sim.start();
        for (int d = 0; d < 30; d++) sim.stepDay();
        List<String> lines = chronicle.ticker();
        assertTrue(lines.size() > 30, "a month of the autumn has many events: " + lines.size());
        assertEquals("2024-09-27  Event: Israel kills Hezbollah leader Hassan Nasrallah", lines.get(0));
        for (String l : lines) assertTrue(l.matches("2024-(09|10)-\\d\\d  .+"), l);
        // The first faction strike on Israel comes under Iran's activation order and the factions' prior belief, Beta(1, 4).
        String first = lines.stream().filter(l -> l.contains("Kata'ib Hezbollah launches") && l.contains("at Israel")).findFirst().orElseThrow();
        assertTrue(first.contains("Iran ordered activation") && first.contains("its belief that Israel retaliates is 0.20"), first);
    }

    @Test
    void anInstructorsButtonIsTickedAsTheInstructorsAndItsStrikeToo() {
        Chronicle chronicle = new Chronicle(autumn);
        EscalationSim sim = new EscalationSim(autumn, 11, chronicle);
        sim.start();
        for (int d = 0; d < 5; d++) sim.stepDay();
        Records.Event shock = autumn.scenario.classroom().shocks().get(1);
        chronicle.instructor(shock.name());
        sim.world().intervene(shock.name(), shock.effects());
        int before = chronicle.ticker().size();
        sim.stepDay();
        List<String> today = chronicle.ticker().subList(before, chronicle.ticker().size());
        assertTrue(today.contains("2024-10-02  Instructor: The US retaliates now"), today.toString());
        assertTrue(today.stream().anyMatch(l -> l.startsWith("2024-10-02  United States launches 8 precision air munitions at Kata'ib Hezbollah")
                && l.endsWith("The instructor intervened")), today.toString());
    }

    @Test
    void theCalendarsRandomShocksAreNamedApartFromTheInstructorsButtonsAndDatedEvents() {
        int chance = 0;
        for (int seed = 1; seed <= 20; seed++) {
            Chronicle chronicle = new Chronicle(autumn);
            EscalationSim sim = new EscalationSim(autumn, seed, chronicle);
            sim.start();
            while (sim.stepDay()) { }
            for (String l : chronicle.ticker()) {
                assertTrue(!l.contains("  Shock: ") && !l.contains("  Instructor: "), "no instructor here, and no bare 'Shock': " + l);
                if (l.contains("  Chance event: An Israeli strike kills a senior axis commander")) chance++;
            }
            assertTrue(chronicle.ticker().contains("2024-09-27  Event: Israel kills Hezbollah leader Hassan Nasrallah"));
        }
        // A rate of 0.02 a day over the 61 days to 26 November: about 1.2 a run, so some in 20 runs.
        assertTrue(chance > 5 && chance < 60, "chance events in 20 runs: " + chance);
    }
}
