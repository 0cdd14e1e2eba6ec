package escalation.scenario;

import escalation.scenario.Records.Rung;
import java.util.List;

/**
 * The escalation ladder used when a scenario declares none. Its rungs follow the escalation paths
 * the domain brief names (threats; launches from Iraq; lethal strikes; corridor strikes in Syria;
 * Israeli strikes in Iraq or on militia leaders; strikes on Iranian personnel; direct Iran-Israel
 * exchanges; strikes on Iranian territory; sustained regional war). Intensities are ordinal
 * severities chosen by us, not measurements. The direct rungs (a state striking another state's
 * territory) are answered whatever the attacked state's attention to other fronts.
 */
public final class DefaultLadder {
    private DefaultLadder() { }

    public static final List<Rung> RUNGS = List.of(
            new Rung("threat", "Threats and warnings", 1, false, false, false),
            new Rung("harassment", "Harassment launches", 2, true, false, false),
            new Rung("lethal_proxy_strike", "Lethal proxy strike", 3, true, false, false),
            new Rung("corridor_strike", "Strikes on corridor targets in Syria", 4, true, false, false),
            new Rung("iraq_strike", "Strikes in Iraq or on militia leaders", 5, true, false, false),
            new Rung("iranian_personnel", "Strikes on Iranian personnel", 6, true, false, false),
            new Rung("direct_exchange", "Direct Iran-Israel exchange", 7, true, false, true),
            new Rung("iran_territory", "Strikes on Iranian territory", 8, true, false, true),
            new Rung("regional_war", "Sustained regional war", 9, true, true, true));
}
