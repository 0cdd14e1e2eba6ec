package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output is the same under Arabic, German and Turkish locales as under the root locale: ASCII
 * digits and decimal points in CSV, JSON and SVG, ids unchanged by Turkish case rules.
 */
class LocaleTest {
    static final List<String[]> COMMANDS = List.of(
            new String[] {"batch", Cli.PRIMER.toString(), "--runs", "150", "--seed", "3", "--threads", "2", "--out"},
            new String[] {"run", Cli.AUTUMN.toString(), "--seed", "4", "-q", "--out"},
            new String[] {"compare", Cli.PRIMER.toString(), "--variant", "credible=actors.state.response.reliability=0.95", "--runs", "100", "--out"},
            new String[] {"history", "scenarios/history/april-2024-exchange-targets.yaml", "--runs", "40", "--seed", "2", "--out"});
    private static final Pattern NON_ASCII_DIGIT = Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]");

    @Test
    void outputsAreTheSameInEveryLocale(@TempDir Path dir) throws Exception {
        Locale was = Locale.getDefault();
        try {
            for (String tag : List.of("root", "ar", "de", "tr")) {
                Locale.setDefault(tag.equals("root") ? Locale.ROOT : Locale.forLanguageTag(tag));
                for (int c = 0; c < COMMANDS.size(); c++) {
                    String[] args = java.util.Arrays.copyOf(COMMANDS.get(c), COMMANDS.get(c).length + 1);
                    args[args.length - 1] = dir.resolve(tag).resolve("c" + c).toString();
                    Cli.Result r = Cli.run(args);
                    assertEquals(0, r.code(), tag + " " + String.join(" ", args) + "\n" + r.all());
                }
            }
        } finally {
            Locale.setDefault(was);
        }
        Path root = dir.resolve("root");
        List<Path> files = Cli.files(root);
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".svg")), "charts are among the outputs");
        for (String tag : List.of("ar", "de", "tr")) {
            for (Path f : files) {
                if (f.getFileName().toString().equals("manifest.json") || f.getFileName().toString().equals("summary.json")
                        && !Files.exists(dir.resolve(tag).resolve(f))) continue;
                if (f.getFileName().toString().equals("manifest.json")) continue;
                byte[] expected = Files.readAllBytes(root.resolve(f));
                byte[] actual = Files.readAllBytes(dir.resolve(tag).resolve(f));
                if (f.toString().endsWith(".html") || f.toString().endsWith(".json")) {
                    // Reports and summaries may hold the time they were made; their numbers must still be ASCII.
                    assertTrue(!NON_ASCII_DIGIT.matcher(new String(actual, java.nio.charset.StandardCharsets.UTF_8)).find(), tag + " " + f);
                    continue;
                }
                assertArrayEquals(expected, actual, tag + ": " + f);
            }
        }
    }
}
