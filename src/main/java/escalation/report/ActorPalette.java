package escalation.report;

import java.awt.Color;

/**
 * Fixed colours keyed by position, never by name or by what happens to be plotted, so that an actor
 * keeps its colour in every chart of every report (and in the GUI) even when some chart leaves
 * actors out. All three sets are colour-blind-aware; they are disjoint so that an actor's colour is
 * never mistaken for an outcome's or a variant's when charts of both kinds sit on one slide.
 */
public final class ActorPalette {
    private ActorPalette() { }

    /**
     * Okabe &amp; Ito (2008), strongest first (the yellow, weak on white, comes last of them), then
     * four of Paul Tol's that stay apart from those eight.
     */
    private static final Color[] ACTORS = {
            rgb(0x0072B2), rgb(0xD55E00), rgb(0x009E73), rgb(0xCC79A7),
            rgb(0xE69F00), rgb(0x56B4E9), rgb(0x000000), rgb(0x882255),
            rgb(0x999933), rgb(0x332288), rgb(0x8C8C8C), rgb(0xF0E442)};

    /** Paul Tol's "muted" set, darker hues first because outcomes are drawn as thin lines. */
    private static final Color[] OUTCOMES = {
            rgb(0x332288), rgb(0xCC6677), rgb(0x117733), rgb(0x88CCEE), rgb(0xAA4499),
            rgb(0x44AA99), rgb(0x999933), rgb(0x882255), rgb(0xDDCC77)};

    /** Paul Tol's "bright" set, for variants of one scenario compared side by side. */
    private static final Color[] VARIANTS = {
            rgb(0x4477AA), rgb(0xEE6677), rgb(0x228833), rgb(0xCCBB44),
            rgb(0x66CCEE), rgb(0xAA3377), rgb(0xBBBBBB)};

    /** The number of actor colours before they repeat. */
    public static final int SIZE = ACTORS.length;

    /** The colour of the actor at this index in the scenario's declaration order (repeats past {@link #SIZE}). */
    public static Color of(int actorIndex) {
        return pick(ACTORS, actorIndex);
    }

    /** The actor's colour as a web page writes it, "#0072b2". */
    public static String hex(int actorIndex) {
        return String.format(java.util.Locale.ROOT, "#%06x", of(actorIndex).getRGB() & 0xFFFFFF);
    }

    /** The colour of the outcome at this index in the scenario's order. */
    public static Color outcome(int index) {
        return pick(OUTCOMES, index);
    }

    /** The colour of the variant at this index in a comparison. */
    public static Color variant(int index) {
        return pick(VARIANTS, index);
    }

    private static Color pick(Color[] colours, int index) {
        return colours[Math.floorMod(index, colours.length)];
    }

    private static Color rgb(int hex) {
        return new Color(hex);
    }
}
