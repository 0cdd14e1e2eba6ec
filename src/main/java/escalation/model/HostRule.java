package escalation.model;

import escalation.scenario.Records;

/**
 * The host state's rule (Baghdad in the domain brief: it wants to stay out, cannot control the
 * militias, receives Israel's warnings through Washington, protests strikes on its territory). Its
 * alarm is a decaying memory ({@code dynamics.recent_memory}) of the threats relayed through it and the
 * strikes landing on its territory. While the alarm is at or above {@code deal_at}, each day with
 * probability {@code deal_rate} it strikes a deal with the faction it restrains that attacked most in
 * recent days: the deal adds {@code deal_pressure} to its pressure on that faction
 * ({@link RestraintPressure}), and the faction suspends its attacks for {@code deal_days}, then resumes
 * (Al-Akhbar via ynetnews, 23 Dec 2024: a Nujaba-Sudani agreement to stop attacks on Israel; an Iraqi
 * MP said in early Jan 2025 that attacks had stopped for over a month). It strikes nothing itself.
 */
final class HostRule implements DecisionRule {
    private double dealAt;
    private double dealRate;
    private double dealPressure;
    private int dealDays;

    HostRule(Records.Rule r) {
        dealAt = r.param("deal_at");
        dealRate = r.param("deal_rate");
        dealPressure = r.param("deal_pressure");
        dealDays = (int) r.param("deal_days");
    }

    @Override public void decide(World w, int self, Intents out) {
        if (!w.theatre.mechanisms.hostDeals() || w.alarm[self] < dealAt) return;
        double u = w.draws.uniform();
        if (u >= dealRate) return;
        int[] restrained = w.theatre.restrains[self];
        int faction = -1;
        for (int f : restrained) {
            if (w.suspendedUntil[f] < w.day && (faction < 0 || w.attacksRecent[f] > w.attacksRecent[faction])) faction = f;
        }
        if (faction < 0 || w.attacksRecent[faction] <= 0) return;
        w.deal(self, faction, dealPressure, dealDays, w.explaining ? Decision.of(kind(), dealRate, u,
                "alarm", w.alarm[self], "deal_at", dealAt, "recent_attacks", w.attacksRecent[faction],
                "deal_pressure", dealPressure, "deal_days", dealDays) : null);
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "deal_at" -> dealAt = value;
            case "deal_rate" -> dealRate = value;
            case "deal_pressure" -> dealPressure = value;
            case "deal_days" -> dealDays = (int) Math.max(0, Math.round(value));
            default -> throw new IllegalArgumentException("host rule: cannot set " + name);
        }
    }

    @Override public String kind() {
        return "host";
    }

    @Override public boolean acts() {
        return false;
    }
}
