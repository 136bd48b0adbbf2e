package id.antrean.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), driven by Selenium. No browser is downloaded: the machine's own is used.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Browser(int width, int height) {
        this(width, height, false);
    }

    /** {@code phone}: a phone's viewport of exactly that size (a desktop window cannot be narrower than 500 px). */
    private Browser(int width, int height, boolean phone) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--autoplay-policy=no-user-gesture-required", "--window-size=" + width + "," + height);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/120.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    /** A 1920x1080 screen, like the waiting-room TV. */
    public static Browser tv() {
        return new Browser(1920, 1080);
    }

    /** The small laptop of a puskesmas office (1366x768): the settings pages must work there. */
    public static Browser laptop() {
        return new Browser(1366, 768);
    }

    /** A low-end Android phone's screen (360x740 CSS pixels): the tracking page. */
    public static Browser phone() {
        return new Browser(360, 740, true);
    }

    /** A desk PC. */
    public static Browser desk() {
        return new Browser(1600, 1000);
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait that looks again every 25 ms: pages here answer in milliseconds, and a test should not lag them. */
    public static org.openqa.selenium.support.ui.WebDriverWait within(WebDriver driver, Duration timeout) {
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    /** Keeps a screenshot as test output, in {@code server/target/screenshots/}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Logs {@code user} in on the console at {@code base} and takes {@code counter}, until its events are live. */
    public void logInAtCounter(String base, String user, String counter) {
        driver.get(base + "/console/");
        within(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        driver.findElement(By.id("login-username")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(id.antrean.testing.TestServer.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        within(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counter-select [data-counter='" + counter + "']"))).click();
        within(driver, Duration.ofSeconds(10)).until(x ->
                "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
