package escalation.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The world's countries as the classroom map draws them: Natural Earth's 1:50m admin-0 countries
 * (public domain), in the TopoJSON of the world-atlas package (ISC licence, by Michael Bostock),
 * which the build puts inside the jar under {@value #RESOURCE}. Each arc is a stretch of boundary;
 * an arc that two countries share is a land border, an arc of one country only is its coast.
 */
public final class Atlas {
    /** Where the jar carries the topology. */
    public static final String RESOURCE = "/geo/world-atlas/countries-50m.json";
    /** What the map says of its source. */
    public static final String ATTRIBUTION = "Borders: Natural Earth (public domain), world-atlas 2.0.2";

    private static volatile Atlas world;

    private final double[][] arcs;
    private final List<Country> countries;
    private final int[] uses;

    Atlas(double[][] arcs, List<Country> countries) {
        this.arcs = arcs;
        this.countries = List.copyOf(countries);
        uses = new int[arcs.length];
        for (Country c : countries) {
            for (int[] ring : c.arcRings()) {
                for (int r : ring) uses[r < 0 ? ~r : r]++;
            }
        }
    }

    /** The bundled world, read once. */
    public static Atlas world() {
        Atlas w = world;
        if (w != null) return w;
        synchronized (Atlas.class) {
            if (world == null) {
                try (InputStream in = Atlas.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) throw new IOException("the program carries no " + RESOURCE + " (build it with mvn package)");
                    world = TopoJson.read(in, "countries");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return world;
        }
    }

    public List<Country> countries() {
        return countries;
    }

    public Optional<Country> country(String name) {
        return countries.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public int arcCount() {
        return arcs.length;
    }

    /** Arc {@code a} as interleaved longitude, latitude pairs. */
    public double[] arc(int a) {
        return arcs[a];
    }

    /** True when two countries share arc {@code a}: a land border, not a coast. */
    public boolean border(int a) {
        return uses[a] >= 2;
    }
}
