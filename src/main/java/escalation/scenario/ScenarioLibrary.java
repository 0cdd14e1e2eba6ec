package escalation.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shipped scenarios, carried inside the program: every file under the repository's
 * {@code scenarios/} folder (with the {@code extends:} chains and the data files they read) is a
 * resource of the jar, so a shipped scenario runs from any folder by its name. Every command finds its
 * scenario argument here: a file that exists is that file; otherwise a name such as
 * {@code autumn-2024-iraq}, {@code autumn-2024-iraq.yaml}, {@code history/autumn-2024-targets} or
 * {@code scenarios/autumn-2024-iraq.yaml} is the shipped scenario of that name; anything else is left
 * as given, for the loader to report as a missing file.
 *
 * <p>Inside the jar the library is read through the JDK's zip file system, so relative references
 * ({@code extends: autumn-2024-iraq.yaml}, {@code observed: [../data/observed/iraq-front-2024.csv]})
 * resolve exactly as they do on disk.
 */
public final class ScenarioLibrary {
    /** The folder of the library, in the repository and inside the jar. */
    public static final String FOLDER = "scenarios";
    /** What {@code escalation gui} opens when given no scenario: the two-actor primer. */
    public static final String DEFAULT = "deterrence-primer";

    private static volatile Path root;

    private ScenarioLibrary() { }

    /** The library's folder: inside the jar, or the build's classes folder when run from the build. */
    public static Path root() {
        Path r = root;
        if (r != null) return r;
        synchronized (ScenarioLibrary.class) {
            if (root == null) root = open();
            return root;
        }
    }

    private static Path open() {
        URL marker = ScenarioLibrary.class.getResource("/" + FOLDER + "/" + DEFAULT + ".yaml");
        if (marker == null) throw new IllegalStateException("the program carries no scenarios library (" + FOLDER + "/ is not on its class path)");
        return folderOf(marker);
    }

    /** The library folder holding {@code marker}, the URL of its default scenario: in a jar, or in a folder. */
    static Path folderOf(URL marker) {
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                String s = uri.toString();
                URI jar = URI.create(s.substring(0, s.indexOf("!/") + 2));
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(jar, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(jar);
                }
                return fs.getPath("/" + FOLDER);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the scenarios library at " + marker + ": " + e.getMessage(), e);
        }
    }

    /** The library's names of every shipped YAML file, without {@code .yaml}, sorted: {@code autumn-2024-iraq}, {@code history/...}. */
    public static List<String> names() {
        Path r = root();
        try (Stream<Path> files = Files.walk(r)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".yaml")).toList()) {
                String rel = r.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                out.add(rel.substring(0, rel.length() - ".yaml".length()));
            }
            out.sort(String::compareTo);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenarios a person would open in the classroom: the top-level ones and the historical replays, not checks or priors. */
    public static List<String> runnable() {
        List<String> out = new ArrayList<>();
        for (String n : names()) {
            if (n.startsWith("bench/") || n.startsWith("calibration/") || n.endsWith("-targets")) continue;
            out.add(n);
        }
        return out;
    }

    /**
     * The shipped file of a name: {@code autumn-2024-iraq}, with or without {@code .yaml}, with or without a
     * leading {@code scenarios/} (or {@code /scenarios/}, as the library's own paths print), subfolders with {@code /}.
     */
    public static Optional<Path> find(String name) {
        String n = name.replace('\\', '/').strip();
        while (n.startsWith("./")) n = n.substring(2);
        if (n.startsWith("/" + FOLDER + "/")) n = n.substring(1);
        if (n.startsWith(FOLDER + "/")) n = n.substring(FOLDER.length() + 1);
        if (n.endsWith(".yaml")) n = n.substring(0, n.length() - ".yaml".length());
        if (n.isEmpty() || n.contains("..") || n.startsWith("/")) return Optional.empty();
        Path p = root().resolve(n + ".yaml");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** A command's scenario argument: the file if it exists, else the shipped scenario of that name, else the argument as given. */
    public static Path locate(String argument) {
        Path given = Path.of(argument);
        if (Files.isRegularFile(given)) return given;
        return find(argument).orElse(given);
    }

    /** True when {@code p} lies in the library rather than on disk (a name was given). */
    public static boolean shipped(Path p) {
        return p.getFileSystem().equals(root().getFileSystem()) && p.toAbsolutePath().normalize().startsWith(root());
    }
}
