package escalation.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that is shipped (target/escalation.jar, shaded with every library) carries the project's
 * licence and third-party notice as they are in the repository, and every bundled library's NOTICE:
 * each line of each one is in the merged META-INF/NOTICE, and a notice kept under its own name is
 * there byte for byte, none overwritten by another library's (issue 14, "NOTICE files kept in the jar").
 */
class JarNoticesIT {
    static final Path JAR = Path.of("target", "escalation.jar");
    /** A library's notice: META-INF/NOTICE, NOTICE.txt, NOTICE.md, or a NOTICE under its own name (FastDoubleParser-NOTICE). */
    static final Pattern NOTICE = Pattern.compile("META-INF/([^/]*-)?NOTICE(\\.txt|\\.md)?", Pattern.CASE_INSENSITIVE);

    @Test
    void theJarCarriesTheLicenceTheThirdPartyNoticeAndEveryBundledLibrarysNotice() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertArrayEquals(Files.readAllBytes(Path.of("LICENSE")), bytes(jar, "META-INF/escalation/LICENSE"), "LICENSE");
            assertArrayEquals(Files.readAllBytes(Path.of("THIRD-PARTY-NOTICES.md")), bytes(jar, "META-INF/escalation/THIRD-PARTY-NOTICES.md"),
                    "THIRD-PARTY-NOTICES.md");
            String merged = new String(bytes(jar, "META-INF/NOTICE"), StandardCharsets.UTF_8);
            List<String> bundled = new ArrayList<>();
            int notices = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path lib = Path.of(entry);
                if (!entry.endsWith(".jar") || lib.toAbsolutePath().equals(JAR.toAbsolutePath()) || !Files.isRegularFile(lib)) continue;
                try (ZipFile dependency = new ZipFile(lib.toFile())) {
                    if (!isBundled(dependency, jar)) continue;
                    bundled.add(lib.getFileName().toString());
                    for (Enumeration<? extends ZipEntry> e = dependency.entries(); e.hasMoreElements(); ) {
                        ZipEntry n = e.nextElement();
                        if (!NOTICE.matcher(n.getName()).matches()) continue;
                        notices++;
                        String text = new String(dependency.getInputStream(n).readAllBytes(), StandardCharsets.UTF_8);
                        String base = n.getName().replaceFirst("(?i)\\.(txt|md)$", "");
                        if (base.equalsIgnoreCase("META-INF/NOTICE")) {
                            for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                                assertTrue(merged.contains(line), lib.getFileName() + "'s " + n.getName() + " line \"" + line
                                        + "\" is missing from the jar's META-INF/NOTICE");
                            }
                        } else {
                            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(jar, n.getName()), lib.getFileName() + "'s " + n.getName());
                        }
                    }
                }
            }
            assertTrue(bundled.size() >= 8, "the bundled libraries were found on the class path: " + bundled);
            assertTrue(notices >= 5, "the bundled libraries' notices were found (" + notices + "): " + bundled);
            String third = Files.readString(Path.of("THIRD-PARTY-NOTICES.md"));
            for (String lib : bundled) {
                String artifact = lib.replaceFirst("-\\d.*\\.jar$", "");
                assertTrue(third.contains(artifact), "THIRD-PARTY-NOTICES.md lists " + artifact);
            }
        }
    }

    /** True when the shaded jar holds the dependency's first class (the shade plugin bundled it). */
    private static boolean isBundled(ZipFile dependency, ZipFile jar) {
        for (Enumeration<? extends ZipEntry> e = dependency.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.endsWith(".class") && !name.contains("module-info") && !name.startsWith("META-INF/")) return jar.getEntry(name) != null;
        }
        return false;
    }

    private static byte[] bytes(ZipFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertNotNull(e, name + " is in the jar");
        return jar.getInputStream(e).readAllBytes();
    }
}
