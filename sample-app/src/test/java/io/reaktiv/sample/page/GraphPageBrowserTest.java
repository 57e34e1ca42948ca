package io.reaktiv.sample.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.sample.SampleAppTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the graph page in a real headless Chromium and checks that the drawn graph follows the application: after
 * the page's own form posts metrics, the Mermaid node of {@code serverMonitor.serverMetrics} shows one more write,
 * and the alert effect's node more runs; maintenance and gateway traffic move their nodes too.
 *
 * <p>Uses the Debian packages {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}); nothing is downloaded: the driver is given explicitly, so Selenium Manager never
 * runs. Missing binaries fail the test with the command that installs them; it is skipped only when asked, with
 * {@code -Dsample.e2e.skip=true}.
 *
 * <p>Saves a screenshot to {@code target/screenshots/sample-app.png}; with {@code -Dsample.screenshot.refresh=true}
 * also to {@code docs/sample-app.png}, the one the README shows (a tracked file, so a plain build leaves it alone).
 */
class GraphPageBrowserTest extends SampleAppTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("sample.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("sample.e2e.chromedriver", "/usr/bin/chromedriver"));

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("sample.e2e.skip"),
                "skipped with -Dsample.e2e.skip=true");
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("%s and %s are needed: apt-get install -y chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        profile = Files.createTempDirectory("sample-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * The label of the drawn node whose first line is {@code name}, such as
     * {@code "serverMonitor.serverMetrics writes 3"}; empty while it is not drawn. Read in one script, because the
     * page replaces the whole SVG whenever a count changes.
     */
    private String nodeText(String name) {
        Object labels = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#graph svg g.node')].map(n => {"
                        + " const l = n.querySelector('.nodeLabel'); return l ? l.innerText : n.textContent; });");
        for (Object label : (List<?>) labels) {
            String text = String.valueOf(label).replace('\n', ' ').trim();
            if (text.startsWith(name + " ")) {
                return text;
            }
        }
        return "";
    }

    /** The number after {@code counter} in a drawn node's label, or -1 while the node is not drawn. */
    private long drawnCount(String name, String counter) {
        Matcher m = Pattern.compile(Pattern.quote(counter) + " (\\d+)").matcher(nodeText(name));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void awaitDrawnCount(String name, String counter, java.util.function.LongPredicate expected) {
        wait.withMessage(() -> name + " " + counter + " as drawn: " + nodeText(name))
                .until(b -> expected.test(drawnCount(name, counter)));
    }

    private void fill(String form, String field, String value) {
        WebElement input = browser.findElement(By.cssSelector("#" + form + " [name=" + field + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private void awaitResponse(String expected) {
        wait.withMessage(() -> "response panel: " + browser.findElement(By.id("response")).getText())
                .until(b -> b.findElement(By.id("response")).getText().contains(expected));
    }

    @Test
    void theDrawnGraphFollowsWhatThePagesFormsDo() throws IOException {
        http.post("/servers/e2e-db/metrics", "{\"cpu\": 20, \"memory\": 40, \"disk\": 50}").expect(200);
        browser.get("http://localhost:" + http.port() + "/");
        assertThat(browser.getTitle()).isEqualTo("reaktiv sample: the live graph");

        awaitDrawnCount("serverMonitor.serverMetrics", "writes", n -> n >= 0);
        awaitEffectsIdle();
        long writes = node("serverMonitor.serverMetrics").path("writes").asLong();
        long runs = node("serverAlerts.raiseAndClearAlerts").path("runs").asLong();
        awaitDrawnCount("serverMonitor.serverMetrics", "writes", n -> n == writes);
        assertThat(nodeText("serverAlerts.raiseAndClearAlerts")).isEqualTo(
                "serverAlerts.raiseAndClearAlerts runs " + runs + " · errors 0");

        // The page's own form posts metrics over the alert threshold: one more write, the effect runs again.
        fill("metrics-form", "id", "e2e-web");
        fill("metrics-form", "cpu", "91");
        browser.findElement(By.id("post-metrics")).click();
        awaitResponse("POST /servers/e2e-web/metrics → 200");
        awaitDrawnCount("serverMonitor.serverMetrics", "writes", n -> n == writes + 1);
        awaitDrawnCount("serverAlerts.raiseAndClearAlerts", "runs", n -> n > runs);
        wait.until(b -> b.findElement(By.id("servers")).getText().contains("e2e-web: cpu 91 > 80"));

        // Only drawn counts that moved are outlined as changed; the layout is Mermaid's SVG.
        assertThat(browser.findElements(By.cssSelector("#graph svg g.node.signal"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#graph svg g.node.effect"))).isNotEmpty();
        screenshot();

        long maintenanceWrites = node("serverMonitor.maintenance").path("writes").asLong();
        fill("maintenance-form", "id", "e2e-web");
        browser.findElement(By.cssSelector("#maintenance-form [name=enabled]")).click();
        browser.findElement(By.id("toggle-maintenance")).click();
        awaitResponse("PUT /servers/e2e-web/maintenance → 200");
        awaitDrawnCount("serverMonitor.maintenance", "writes", n -> n == maintenanceWrites + 1);

        // Gateway traffic: switch the view, fire five requests from one client.
        new Select(browser.findElement(By.id("usecase"))).selectByValue("gateway");
        awaitDrawnCount("gateway.clients", "writes", n -> n >= 0);
        long clientWrites = node("gateway.clients").path("writes").asLong();
        awaitDrawnCount("gateway.clients", "writes", n -> n == clientWrites);
        fill("traffic-form", "client", "e2e-client");
        fill("traffic-form", "count", "5");
        browser.findElement(By.id("fire-traffic")).click();
        awaitResponse("GET /api/orders → 200 × 5");
        awaitDrawnCount("gateway.clients", "writes", n -> n == clientWrites + 5);
        assertThat(nodeText("serverMonitor.serverMetrics")).as("the servers' nodes are not drawn now").isEmpty();
    }

    private void screenshot() throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", "sample-app.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("sample.screenshot.refresh")) {
            Path docs = Path.of("docs", "sample-app.png");
            Files.createDirectories(docs.getParent());
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
