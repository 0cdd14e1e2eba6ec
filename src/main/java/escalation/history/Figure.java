package escalation.history;

/**
 * One observed figure as a row of a {@code scenarios/data/observed/*.csv} file: what was counted,
 * its value and uncertainty range as written there, and where it was published.
 *
 * @param rangeRule how the range was set (a published range, or the file's rule for claims-based counts)
 */
public record Figure(String id, String quantity, String value, String low, String high, String unit,
                     String source, String publication, String published, String rangeRule, String file, int line) {

    /** "Source, publication (date)", for tables. */
    public String citation() {
        return source + ", " + publication + " (" + published + ")";
    }
}
