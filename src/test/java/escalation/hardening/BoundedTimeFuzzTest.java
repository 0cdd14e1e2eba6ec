package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated scenarios through {@code run}, each with a time limit, so that a hang fails the test: every
 * case either runs (exit 0) or is refused with a clear message (exit 2), never a stack trace.
 */
class BoundedTimeFuzzTest {
    static final int CASES = 120;
    static final Duration LIMIT = Duration.ofSeconds(15);
    static final String[] EXTREMES = {"1e308", "-1e308", "1e9", "4e7", "-1", "0", "2147483648", "1e-320", ".nan", ".inf", "0x10",
            "99999999999999999999", "\"\"", "[]", "{}", "null", "+999999999-01-01", "\"" + "x".repeat(5000) + "\""};
    private static final Pattern NUMBER = Pattern.compile("(?<=: )-?[0-9]+(\\.[0-9]+)?(?=[,}\\s])");

    @Test
    void mutatedScenariosRunOrAreRefusedInBoundedTime(@TempDir Path dir) throws Exception {
        Random random = new Random(14);
        List<String> bases = List.of(Files.readString(Cli.PRIMER), BadInputHardeningTest.TINY.replace("KILLED", "0.5").replace("SALVO", "3"));
        for (int k = 0; k < CASES; k++) {
            String base = bases.get(k % bases.size());
            String mutated = mutate(base, random);
            Path file = dir.resolve("case-" + k + ".yaml");
            Files.writeString(file, mutated);
            Path out = dir.resolve("out-" + k);
            int caseNumber = k;
            Cli.Result r = assertTimeoutPreemptively(LIMIT, () -> Cli.run("run", file.toString(), "--seed", "1", "-q", "--out", out.toString()),
                    () -> "case " + caseNumber + " hung: " + file);
            assertTrue(r.code() == 0 || r.code() == 2, "case " + k + " (" + file + "): exit " + r.code() + "\n" + r.all());
            assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "case " + k + ": " + r.all());
        }
    }

    /** One to three changes: a number set to an extreme, a line dropped or doubled, a character changed. */
    static String mutate(String text, Random random) {
        String s = text;
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    List<int[]> spans = new ArrayList<>();
                    Matcher m = NUMBER.matcher(s);
                    while (m.find()) spans.add(new int[] {m.start(), m.end()});
                    if (spans.isEmpty()) break;
                    int[] at = spans.get(random.nextInt(spans.size()));
                    s = s.substring(0, at[0]) + EXTREMES[random.nextInt(EXTREMES.length)] + s.substring(at[1]);
                }
                case 2 -> {
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    int i = random.nextInt(lines.size());
                    if (random.nextBoolean()) lines.remove(i);
                    else lines.add(i, lines.get(i));
                    s = String.join("\n", lines);
                }
                default -> {
                    int i = random.nextInt(s.length());
                    char[] pool = {':', '[', ']', '{', '}', '-', ' ', '\t', '#', '"', '\'', '&', '*', '!', '0', 'x', '\n'};
                    s = s.substring(0, i) + pool[random.nextInt(pool.length)] + s.substring(i + 1);
                }
            }
        }
        return s;
    }
}
