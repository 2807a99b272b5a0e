package org.ondes.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * A real headless Chromium (Debian packages {@code chromium} and {@code chromium-driver}) driven through chromedriver.
 * The driver and the browser binary are set explicitly, so Selenium Manager never downloads anything. A missing
 * package skips the test loudly, and fails it when {@code CI=true} ({@link Binaries}). Always close it.
 */
public final class Browser implements AutoCloseable {
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A desktop-sized window (1280×900). */
    public static Browser start() {
        return start(1280, 900);
    }

    /** A window whose page viewport is {@code width}×{@code height} CSS pixels (e.g. 360 wide for a phone). */
    public static Browser start(int width, int height) {
        Binaries.require("chromium", "chromedriver");
        Path chromium = Binaries.find("chromium").orElseThrow();
        Path chromedriver = Binaries.find("chromedriver").orElseThrow();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--window-size=" + width + "," + height);
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
        Browser browser = new Browser(driver);
        browser.fitViewport(width, height);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Runs {@code script} in the page ({@code return …} to get a value back; arguments as {@code arguments[i]}). */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script; it hands its result to {@code arguments[arguments.length - 1]}. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Lets pages of {@code origin} write and read the clipboard without a prompt (DevTools
     * {@code Browser.grantPermissions}), so a copy button can be checked by reading what it copied.
     */
    public void grantClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** What the clipboard holds now, read by the page ({@code navigator.clipboard.readText()}). */
    public String clipboardText() {
        return String.valueOf(jsAsync("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('<clipboard not readable: ' + e + '>'));"));
    }

    /** Polls {@code probe} until {@code ok}; a timeout names {@code what} and shows the page's URL, text and console. */
    public <T> T await(Duration timeout, String what, Supplier<T> probe, Predicate<T> ok) {
        return Await.until(timeout, probe, ok, () -> what + " did not happen\n" + describe());
    }

    /** The page's URL, the visible text of {@code <main>} and the browser console, for failure messages. */
    public String describe() {
        String text;
        try {
            text = String.valueOf(js("const m = document.querySelector('main'); return m ? m.innerText : document.body.innerText;"));
        } catch (RuntimeException e) {
            text = "<cannot read the page: " + e.getMessage() + ">";
        }
        return "url: " + driver.getCurrentUrl() + "\n--- page text:\n" + text + "\n--- console:\n" + console();
    }

    /** The browser console so far (errors, CSP violations, script exceptions). */
    public String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "<console unavailable: " + e.getMessage() + ">";
        }
    }

    /** Saves a PNG of the window (for looking at a failing page). */
    public Path screenshot(Path file) {
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headless windows include no browser chrome, but make sure the page viewport really is the size asked for. */
    private void fitViewport(int width, int height) {
        Object inner = js("return [window.innerWidth, window.innerHeight];");
        List<?> size = (List<?>) inner;
        int dw = width - ((Number) size.get(0)).intValue();
        int dh = height - ((Number) size.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            Dimension outer = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(outer.getWidth() + dw, outer.getHeight() + dh));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
