package escalation.gui;

import escalation.model.Theatre;
import java.awt.Color;
import java.awt.Font;

/**
 * Fonts sized for the screen the window is on, and the colours of the console. Sizes are given for a
 * 1920 x 1080 window and scale with the window (never below 0.8 of them, so that a 1280 x 720 projector
 * stays readable); in presentation mode no text is smaller than 24 px at 1080p, what the back row of a
 * lecture room can still read.
 */
final class Look {
    /** The smallest text in presentation mode, in pixels at 1080p. */
    static final int PRESENTATION_MIN = 24;
    static final String FAMILY = Font.SANS_SERIF;

    final double scale;
    final boolean presentation;
    final Font date;
    final Font headline;
    final Font title;
    final Font label;
    final Font text;
    final Font ticker;
    final Font axis;
    final Font small;

    Look(double scale, boolean presentation) {
        this.scale = scale;
        this.presentation = presentation;
        date = font(Font.BOLD, 40);
        headline = font(Font.BOLD, 24);
        title = font(Font.BOLD, 20);
        label = font(Font.BOLD, 17);
        text = font(Font.PLAIN, 16);
        ticker = font(Font.PLAIN, 17);
        axis = font(Font.PLAIN, 15);
        small = font(Font.PLAIN, 14);
    }

    /** The look for a window of this size: text scales with the smaller of its width over 1920 and its height over 1080. */
    static Look forWindow(int width, int height, boolean presentation) {
        double s = Math.min(width / 1920.0, height / 1080.0);
        return new Look(Math.max(0.8, Math.min(4, s)), presentation);
    }

    private Font font(int style, double base) {
        double size = presentation ? Math.max(PRESENTATION_MIN, base * 1.25) : base;
        return new Font(FAMILY, style, (int) Math.round(size * scale));
    }

    /** A length in pixels, scaled as the text is. */
    int px(double base) {
        return (int) Math.round(base * scale * (presentation ? 1.3 : 1));
    }

    /** True when the other look has the same fonts (no restyling needed). */
    boolean same(Look other) {
        return other != null && other.presentation == presentation && other.small.getSize() == small.getSize()
                && other.date.getSize() == date.getSize();
    }

    static final Color SEA = new Color(0xDCE9F2);
    static final Color LAND = new Color(0xF4F1EA);
    static final Color LAND_FAR = new Color(0xEAE6DC);
    static final Color COAST = new Color(0x7C98AD);
    static final Color BORDER = new Color(0x6F6356);
    static final Color COUNTRY_NAME = new Color(0x6E6558);
    static final Color GRID = new Color(0xC9D3DC);
    static final Color CORRIDOR = new Color(0x7A6A53);
    static final Color SIGNAL = new Color(0x4477AA);
    static final Color PREVIOUS = new Color(0xB2182B);

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
