package escalation.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The played classroom in real browsers: Debian's Chromium driven through its chromedriver, one
 * projector page and four students' pages on phones and laptops. They join with the code (after a wrong
 * one), take chairs, choose, look at what the model would do, let a turn run out on the timer, drop a
 * page and rejoin, play the autumn of 2024 to the end in 10 turns and get the debrief; the saved log
 * replays to the same model state. Screenshots of both pages at phone and projector sizes go to
 * target/classroom-screenshots/. Skipped when chromium or chromedriver is not installed.
 */
class ClassroomBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/classroom-screenshots");
    static final List<String> CHAIRS = List.of("israel", "us", "iran", "kh");
    static final Duration WAIT = Duration.ofSeconds(60);

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @Test
    void aClassPlaysTheAutumnOf2024InBrowsersToTheDebrief(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install chromium chromium-driver, as .ci/run does");
        Files.createDirectories(SCREENSHOTS);
        int turnDays = (ClassSessionTest.AUTUMN.days + 9) / 10;
        ClassSession session = new ClassSession(ClassSessionTest.AUTUMN, new SessionLog("autumn-2024-iraq", "-", 11, CHAIRS, turnDays));
        Set<Long> before = descendants();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ClassroomServer server = new ClassroomServer(session, new InetSocketAddress("127.0.0.1", 0), dir, 0, 200);
        try {
            server.start();
            service.start();
            String base = "http://127.0.0.1:" + server.address().getPort();
            WebDriver projector = browser(service, 1920, 1080);
            projector.get(base + "/instructor?key=" + server.instructorKey());
            waitFor(projector, d -> text(d, "joinInfo").contains(server.joinCode()));
            waitFor(projector, d -> !d.findElements(By.cssSelector("#map .land")).isEmpty());

            // Phones for Israel and Iran, laptops for the US and Kata'ib Hezbollah.
            List<WebDriver> students = new ArrayList<>();
            for (int k = 0; k < CHAIRS.size(); k++) {
                WebDriver s = k % 2 == 0 ? browser(service, 390, 844) : browser(service, 1280, 800);
                s.get(base + "/");
                students.add(s);
            }
            WebDriver israel = students.get(0);
            join(israel, "WRONG1", "israel");
            waitFor(israel, d -> text(d, "joinError").contains("wrong join code"));
            assertTrue(israel.findElement(By.id("play")).getAttribute("hidden") != null, "a wrong code lets no one in");
            for (int k = 0; k < CHAIRS.size(); k++) join(students.get(k), server.joinCode(), CHAIRS.get(k));
            for (WebDriver s : students) waitFor(s, d -> !d.findElements(By.cssSelector("#options input")).isEmpty());
            waitFor(projector, d -> d.findElements(By.cssSelector("#chairs tr")).stream().noneMatch(r -> r.getText().contains("the model")));

            for (int turn = 0; turn < 10; turn++) {
                final int t = turn;
                if (turn == 5) {
                    // It comes back: the page kept its token, so it takes its own chair again at once.
                    WebDriver kh = students.get(3);
                    kh.get(base + "/");
                    join(kh, server.joinCode(), "kh");
                    waitFor(kh, d -> text(d, "chair").contains("Kata'ib Hezbollah"));
                    waitFor(projector, d -> !rowOf(d, "Kata'ib Hezbollah").contains("gone"));
                }
                for (WebDriver s : students) waitFor(s, d -> text(d, "clock").startsWith("Turn " + (t + 1) + " "));
                if (turn == 0) {
                    // Israel asks what the model would do, and why, before committing to it.
                    pick(israel, "model");
                    waitFor(israel, d -> text(d, "preview").contains("If you let the model decide"));
                    ((JavascriptExecutor) israel).executeScript("document.getElementById('preview').scrollIntoView({block: 'start'})");
                    shoot(israel, "student-390x844-preview");
                    shootAll(projector, students, "turn1");
                }
                if (turn == 1) {
                    // Messages a page would never send, sent from Israel's page with its own token: refused, and the session goes on.
                    assertEquals(409, fetch(israel, "{\"token\": TOKEN, \"turn\": 1, \"option\": \"strike_israel\"}"), "Kata'ib Hezbollah's action");
                    assertEquals(409, fetch(israel, "{\"token\": TOKEN, \"turn\": 7, \"option\": \"hold\"}"), "a turn not open");
                    assertEquals(413, fetch(israel, "{\"token\": TOKEN, \"reason\": \"" + "x".repeat(5000) + "\"}"), "oversized");
                    assertEquals(400, fetch(israel, "{\"token\": TOKEN, \"turn\": "), "malformed");
                    assertFalse(session.hasChosen("israel"));
                }
                if (turn == 2) shoot(projector, "projector-1920x1080-turn3");
                if (turn == 4) {
                    // Kata'ib Hezbollah's page goes away: its chair is the model's while the others choose.
                    students.get(3).get("about:blank");
                    waitFor(projector, d -> rowOf(d, "Kata'ib Hezbollah").contains("gone: the model decides"));
                }
                for (int k = 0; k < CHAIRS.size(); k++) {
                    if (turn == 4 && k == 3) continue;
                    if (turn == 2 && k == 2) continue;
                    WebDriver s = students.get(k);
                    String option = turn == 0 && k == 0 ? "model" : turn % 3 == 0 ? firstAction(s) : turn % 3 == 1 ? "model" : "hold";
                    choose(server, s, CHAIRS.get(k), turn, option, "turn " + (turn + 1) + " for " + CHAIRS.get(k));
                }
                if (turn == 2) {
                    // Iran's team does not decide: the instructor sets a 2-second timer and the turn closes with the model in Iran's chair.
                    assertEquals(2, session.turn());
                    setTimer(projector, 2);
                    waitFor(projector, d -> text(d, "clock").startsWith("Turn 4 "));
                    setTimer(projector, 0);
                }
                if (turn == 9) waitFor(projector, d -> text(d, "clock").startsWith("The crisis is over"));
            }

            for (WebDriver b : List.of(projector, students.get(0), students.get(1))) {
                waitFor(b, d -> text(d, "debrief").contains("Debrief: your class against 200 runs of the model"));
            }
            assertTrue(text(projector, "debrief").contains("of model runs"), text(projector, "debrief"));
            // The projector's map names every actor and draws the last turn's strikes; Israel's page says what was done to it and what it knows.
            assertEquals(ClassSessionTest.AUTUMN.actors, projector.findElements(By.cssSelector("#map .actor-label")).size());
            assertFalse(projector.findElements(By.cssSelector("#strikes path")).isEmpty(), "the last turn's strikes are on the map");
            assertFalse(text(israel, "doneToYou").contains("Nothing yet"), text(israel, "doneToYou"));
            assertTrue(israel.findElements(By.cssSelector("#knows tr")).size() > 1, "Israel's adversaries, with its grievance and beliefs");
            shootAll(projector, students, "end");

            SessionLog saved = SessionLog.read(dir.resolve("session.json"));
            assertEquals(10, saved.turns.size());
            assertTrue(saved.turns.get(0).choices().stream().anyMatch(c -> c.actor().equals("israel") && c.option().equals("model")));
            assertTrue(saved.turns.get(2).choices().stream().noneMatch(c -> c.actor().equals("iran")), "the timed-out chair chose nothing");
            assertEquals(3, saved.turns.get(2).choices().size());
            assertTrue(saved.turns.get(4).choices().stream().noneMatch(c -> c.actor().equals("kh")), "the dropped chair was the model's");
            assertEquals(3, saved.turns.get(4).choices().size(), "the turn closed without waiting for the page that was gone");
            assertTrue(saved.turns.get(5).choices().stream().anyMatch(c -> c.actor().equals("kh")), "the rejoined chair chose again");
            assertTrue(saved.turns.get(3).choices().stream().anyMatch(c -> c.reason().equals("turn 4 for us")));
            assertEquals(server.fingerprint(), ClassSession.replay(ClassSessionTest.AUTUMN, saved).fingerprint(),
                    "the saved log replays to the state the class reached");
        } finally {
            // The processes this test started (chromedriver and every chromium), taken while their tree is whole.
            List<ProcessHandle> ours = new ArrayList<>(ProcessHandle.current().descendants().filter(h -> !before.contains(h.pid())).toList());
            for (WebDriver b : browsers) {
                try {
                    b.quit();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            service.stop();
            server.close();
            // Any chromium or chromedriver process this test started is waited for, and ended by its pid if it outlives quit().
            ProcessHandle.current().descendants().filter(h -> !before.contains(h.pid()) && !ours.contains(h)).forEach(ours::add);
            for (ProcessHandle h : ours) {
                try {
                    h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException late) {
                    h.destroyForcibly();
                }
            }
            for (Path p : profiles) deleteTree(p);
        }
    }

    private WebDriver browser(ChromeDriverService service, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("classroom-chromium");
        profiles.add(profile);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriver d = new ChromeDriver(service, o);
        browsers.add(d);
        resize(d, width, height);
        return d;
    }

    /** Sets the page's viewport (not the window's outer size) to width by height CSS pixels. */
    private static void resize(WebDriver d, int width, int height) {
        d.manage().window().setSize(new Dimension(width, height));
        JavascriptExecutor js = (JavascriptExecutor) d;
        long w = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long h = ((Number) js.executeScript("return window.innerHeight")).longValue();
        if (w != width || h != height) d.manage().window().setSize(new Dimension(2 * width - (int) w, 2 * height - (int) h));
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static void waitFor(WebDriver d, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(d, WAIT, Duration.ofMillis(100)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    private static String rowOf(WebDriver d, String chair) {
        return d.findElements(By.cssSelector("#chairs tr")).stream().map(WebElement::getText).filter(t -> t.startsWith(chair))
                .findFirst().orElse("");
    }

    private static void join(WebDriver s, String code, String actor) {
        waitFor(s, d -> !d.findElements(By.cssSelector("#actor option")).isEmpty());
        WebElement c = s.findElement(By.id("code"));
        c.clear();
        c.sendKeys(code);
        WebElement name = s.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Team " + actor);
        new org.openqa.selenium.support.ui.Select(s.findElement(By.id("actor"))).selectByValue(actor);
        s.findElement(By.id("joinButton")).click();
    }

    private static void pick(WebDriver s, String option) {
        waitFor(s, d -> {
            WebElement radio = d.findElement(By.cssSelector("#options input[value='" + option + "']"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
            radio.click();
            return radio.isSelected();
        });
    }

    /** The id of the student's first action that it can take and that aims at someone. */
    private static String firstAction(WebDriver s) {
        for (WebElement i : s.findElements(By.cssSelector("#options input"))) {
            String v = i.getAttribute("value");
            if (i.isEnabled() && !v.equals("hold") && !v.equals("model")) return v;
        }
        return "hold";
    }

    /** Picks an option on the page, writes the reason and decides; waits until the server has the choice (or closed the turn on it). */
    private static void choose(ClassroomServer server, WebDriver s, String actor, int turn, String option, String reason) {
        pick(s, option);
        WebElement r = s.findElement(By.id("reason"));
        r.clear();
        r.sendKeys(reason);
        s.findElement(By.id("chooseButton")).click();
        waitFor(s, d -> server.decided(actor, turn) || text(d, "chooseStatus").contains("not"));
        assertTrue(server.decided(actor, turn), option + " for " + reason + ": " + text(s, "chooseStatus"));
    }

    /** Posts a body to /api/choose from the page, TOKEN replaced by the page's own token; the answer's status. */
    private static int fetch(WebDriver page, String body) {
        Object status = ((JavascriptExecutor) page).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const token = JSON.stringify(JSON.parse(sessionStorage.getItem('chair')).token);"
                + "fetch('/api/choose', {method: 'POST', body: arguments[0].replace('TOKEN', token)}).then(r => done(r.status), e => done(-1));",
                body);
        return ((Number) status).intValue();
    }

    private static void setTimer(WebDriver projector, int seconds) {
        WebElement t = projector.findElement(By.id("timer"));
        t.clear();
        t.sendKeys(Integer.toString(seconds));
        projector.findElement(By.id("setTimer")).click();
    }

    /** Both pages at a phone's width and at two projectors' sizes; no page may be wider than its window. */
    private static void shootAll(WebDriver projector, List<WebDriver> students, String when) throws IOException {
        int[][] sizes = {{390, 844}, {1280, 800}, {1920, 1080}};
        WebDriver student = students.get(1);
        for (int[] size : sizes) {
            for (WebDriver d : List.of(projector, student)) {
                resize(d, size[0], size[1]);
                String page = d == projector ? "projector" : "student";
                waitFor(d, x -> ((Number) ((JavascriptExecutor) x).executeScript("return window.innerWidth")).intValue() == size[0]);
                long overflow = ((Number) ((JavascriptExecutor) d).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth")).longValue();
                assertFalse(overflow > 0, page + " at " + size[0] + "x" + size[1] + " is " + overflow + " px wider than the window");
                shoot(d, page + "-" + size[0] + "x" + size[1] + "-" + when);
            }
        }
        resize(projector, 1920, 1080);
        resize(student, 1280, 800);
    }

    private static void shoot(WebDriver d, String name) throws IOException {
        byte[] png = ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
        assertNotNull(png);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
