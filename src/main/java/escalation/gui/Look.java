package escalation.gui;

import escalation.model.Theatre;
import java.awt.Color;
import java.awt.Font;

/** Fonts and colours sized for a projector: what the back row of a lecture room can still read. */
final class Look {
    private Look() { }

    static final String FAMILY = Font.SANS_SERIF;
    static final Font DATE = new Font(FAMILY, Font.BOLD, 44);
    static final Font HEADLINE = new Font(FAMILY, Font.BOLD, 24);
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 22);
    static final Font LABEL = new Font(FAMILY, Font.BOLD, 18);
    static final Font TEXT = new Font(FAMILY, Font.PLAIN, 18);
    static final Font TICKER = new Font(FAMILY, Font.PLAIN, 19);
    static final Font AXIS = new Font(FAMILY, Font.PLAIN, 15);
    static final Font SMALL = new Font(FAMILY, Font.PLAIN, 14);

    static final Color SEA = new Color(0xEEF3F7);
    static final Color GRID = new Color(0xC9D3DC);
    static final Color CORRIDOR = new Color(0x7A6A53);
    static final Color SIGNAL = new Color(0x4477AA);

    private static final Color LOW = new Color(0xF2A900);
    private static final Color HIGH = new Color(0x5B0019);

    /**
     * The colour of a rung: threats blue; kinetic rungs from amber (the lowest) to dark red (the top),
     * so the colour of an arrow says how far up the ladder a strike went.
     */
    static Color rung(Theatre t, int rung) {
        if (!t.rungKinetic[rung]) return SIGNAL;
        int lowest = t.lowestKineticRung;
        int top = t.rungs() - 1;
        double f = top == lowest ? 1 : (double) (rung - lowest) / (top - lowest);
        return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f), mix(LOW.getBlue(), HIGH.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    static Color fade(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, opacity))));
    }
}
