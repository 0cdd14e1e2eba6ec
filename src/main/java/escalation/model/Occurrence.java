package escalation.model;

import java.time.LocalDate;

/**
 * Something that happened in a run, as the event log and {@code events.csv} show it.
 * Actor indexes are -1 where they do not apply; {@code why} is null for calendar events.
 */
public record Occurrence(LocalDate date, int day, Kind kind, int actor, int target, CompiledAction action,
                         int salvo, int intercepted, int hits, int killed, int injured, Decision why, String note) {

    /** {@code FRONT}: a strike took its front to war ({@code note} the front's name). */
    public enum Kind { STRIKE, SIGNAL, ORDER, EVENT, SHOCK, THRESHOLD, DEAL, PROTEST, FRONT }
}
