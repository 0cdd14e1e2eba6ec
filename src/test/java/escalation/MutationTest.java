package escalation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.cli.EscalationCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a user does to a scenario file, the answer is either a run or a clean list of problems
 * with exit code 2, never a stack trace: hundreds of random edits of the shipped autumn scenario.
 */
class MutationTest {
    private static final String[] VALUES = {"-1", "0", "1.5", "abc", "[]", "{}", "null", "true", "2024-01-01", "1000000000",
            "iran", "[kh, nobody]", "{kind: utility}", "'3'", "NaN", "-.inf"};

    @Test
    void randomEditsGiveARunOrACleanError(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        Random random = new Random(20241127);
        int valid = 0;
        int invalid = 0;
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            for (int k = 0; k < 300; k++) {
                List<String> edited = new ArrayList<>(lines);
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) mutate(edited, random);
                Path f = dir.resolve("m" + k + ".yaml");
                Files.write(f, edited);
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8);
                System.setOut(ps);
                System.setErr(ps);
                int code = EscalationCommand.execute("run", f.toString(), "--seed", "1", "-q", "--out", dir.resolve("o" + k).toString());
                String text = captured.toString(StandardCharsets.UTF_8);
                assertTrue(code == 0 || code == 2, "exit " + code + " for edit " + k + ":\n" + text);
                assertFalse(text.contains("Exception") || text.contains("\tat "), "stack trace for edit " + k + ":\n" + text);
                if (code == 0) valid++;
                else invalid++;
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertTrue(valid > 10 && invalid > 100, "the edits exercise both paths: " + valid + " valid, " + invalid + " invalid");
    }

    private static void mutate(List<String> lines, Random random) {
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        switch (random.nextInt(3)) {
            case 0 -> lines.remove(i);
            case 1 -> {
                // replace the value after some "key: "
                int colon = line.indexOf(": ", random.nextInt(Math.max(1, line.length())));
                if (colon < 0) colon = line.indexOf(": ");
                if (colon < 0) return;
                int end = colon + 2;
                while (end < line.length() && ",}]".indexOf(line.charAt(end)) < 0) end++;
                lines.set(i, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)] + line.substring(end));
            }
            default -> lines.add(i, lines.get(random.nextInt(lines.size())));
        }
    }
}
