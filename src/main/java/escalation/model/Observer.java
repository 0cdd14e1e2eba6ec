package escalation.model;

/** Watches a run: the event log, the daily table, the GUI. Absent in batches. */
public interface Observer {
    void occurred(Occurrence occurrence);

    /** Called in the record phase, after the day's actions are resolved. */
    default void dayEnded(World world) { }
}
