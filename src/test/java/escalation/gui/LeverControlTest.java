package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.model.Theatre;
import escalation.scenario.Records;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.Test;

/** Levers take exact values, and the charts read as dates and rungs before the first day. No display needed. */
class LeverControlTest {
    @Test
    void theSliderStepsInExactTwentiethsAndTheBoxTakesAnyTypedValue() {
        Records.Lever l = new Records.Lever("Israel answers attacks", List.of("actors.israel.response.reliability"), 0, 1, 0.05,
                "chance that an attack on Israel is answered");
        List<Double> reported = new ArrayList<>();
        LeverControl c = new LeverControl(l, 0.6, 0.6, reported::add);
        assertEquals(20, c.slider().getMaximum(), "twenty steps of 0.05");
        for (int k = 0; k <= 20; k++) assertEquals(k / 20.0, c.valueAt(k), 0.0, "step " + k + " is exactly " + k / 20.0);
        assertEquals(0.05, c.valueAt(1), 0.0);
        assertEquals(0.95, c.valueAt(19), 0.0);
        c.slider().setValue(19);
        assertEquals(List.of(0.95), reported, "the slider reports its step's value");
        assertEquals(0.95, c.value(), 0.0, "and the box shows it");
        c.spinner().setValue(0.33);
        assertEquals(0.33, reported.get(reported.size() - 1), 0.0, "a typed value between steps is kept as typed");
        assertEquals(7, c.slider().getValue(), "the slider goes to the nearest step");
        reported.clear();
        c.show(0.2);
        assertTrue(reported.isEmpty(), "showing a value the GUI set does not report it back");
        assertEquals("0.60", LeverControl.format(l, 0.6));
        assertEquals("0.33", LeverControl.format(l, 0.33));
        Records.Lever days = new Records.Lever("Days before it answers", List.of("actors.state.response.delay"), 0, 30, 1, null);
        assertEquals("2", LeverControl.format(days, 2));
        assertEquals(30, new LeverControl(days, 2, 2, v -> { }).slider().getMaximum());
    }

    @Test
    void aLeverWithAStepOfZeroIsRefusedWithItsPlace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path f = Scenarios.write(dir, "s.yaml", """
                name: levers
                calendar: {start: 2025-01-01, end: 2025-01-31}
                actors:
                  a: {name: A, kind: state, alignment: x, attention: 0.5}
                classroom:
                  levers:
                    - {name: "Attention", paths: [actors.a.attention], step: 0}
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(escalation.scenario.ScenarioException.class, () -> Scenarios.load(f));
        assertTrue(e.getMessage().contains("s.yaml:7:") && e.getMessage().contains("classroom.levers[0].step: expected a step above 0, found 0.0"),
                e.getMessage());
    }

    @Test
    void theShippedLeversSayWhatTheyMeanAndMoveInTwentieths() {
        for (String name : List.of("autumn-2024-iraq.yaml", "deterrence-primer.yaml")) {
            Theatre t = Scenarios.theatre(Scenarios.SHIPPED.resolve(name));
            for (Records.Lever l : t.scenario.classroom().levers()) {
                assertTrue(l.meaning() != null && !l.meaning().isBlank(), l.name() + " says what it means");
                assertEquals(l.max() - l.min() > 2 ? 1 : 0.05, l.step(), 0.0, l.name());
            }
        }
    }

    @Test
    void beforeTheFirstDayTheChartsSpanTheCalendarWithDatesAndTheRungsByName() {
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        Chronicle chronicle = new Chronicle(primer);
        LiveCharts charts = new LiveCharts(primer, chronicle.beliefPairs(), chronicle.anyClaimants(), Look.forWindow(1280, 800, false));
        for (var chart : charts.charts()) {
            DateAxis time = (DateAxis) chart.getXYPlot().getDomainAxis();
            assertEquals(LiveCharts.millis(primer.start), time.getMinimumDate().getTime(), chart.getTitle().getText());
            assertEquals(LiveCharts.millis(primer.start.plusDays(primer.days)), time.getMaximumDate().getTime());
            assertEquals("1 Jan", time.getDateFormatOverride().format(time.getMinimumDate()), "dates, not times of day");
        }
        SymbolAxis rungs = (SymbolAxis) charts.escalationChart().getXYPlot().getRangeAxis();
        // The primer's actions use four rungs; the default ladder's other five are not on its axis.
        assertEquals(List.of("calm", "Threats and warnings", "Harassment launches", "Lethal proxy strike", "Strikes in Iraq or on militia leaders"),
                List.of(rungs.getSymbols()));
        assertEquals(4, charts.charts().size(), "no fronts and no claims in the primer");
        assertEquals(0, charts.previousSeriesShown());
    }
}
