package io.tvarr.app;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the web interface's tests. Where either is
 * missing the test is skipped with the reason, except under CI, where .ci/run installs them and a missing browser
 * is a failure.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Opens a browser with a fresh profile in {@code profile}, on pages relative to {@code base}. */
    static Browser open(Path profile, String base) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String reason = CHROMIUM + " or " + CHROMEDRIVER + " not found (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail("under CI the browser tests must run: " + reason);
            }
            assumeTrue(false, reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    /**
     * Drags {@code dragged} onto the upper half of {@code target} with the HTML5 drag events a person's mouse makes
     * (dragstart, dragover, drop, dragend): ChromeDriver's own mouse actions do not start an HTML5 drag.
     */
    void dragAbove(WebElement dragged, WebElement target) {
        driver.executeScript(
                "const [from, to] = arguments; const data = new DataTransfer();"
                        + "const fire = (el, type, y) => el.dispatchEvent(new DragEvent(type,"
                        + " {bubbles: true, cancelable: true, dataTransfer: data, clientY: y}));"
                        + "const box = to.getBoundingClientRect();"
                        + "fire(from, 'dragstart', 0); fire(to, 'dragover', box.top + 1);"
                        + "fire(to, 'drop', box.top + 1); fire(from, 'dragend', 0);",
                dragged,
                target);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return find(By.cssSelector(css));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Waits until {@code condition} gives something other than null or false. */
    <T> T until(Function<WebDriver, T> condition) {
        // a page replaced while the condition looks at it is looked at again, not a failure;
        // Chromium reports an element of the replaced page either as stale or, when the new page
        // is still being built, as a node that "does not belong to the document"
        return new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    WebElement waitFor(String css) {
        return until(
                d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    String heading() {
        // read in one script, so a page replaced between finding the heading and reading it
        // cannot give an element of the old page
        Object text = driver.executeScript("const h = document.querySelector('h1'); return h ? h.innerText : '';");
        return String.valueOf(text).strip();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void logIn(String username, String password) {
        go("/login");
        type("#username", username);
        type("#password", password);
        click("#log-in");
        until(d -> d.findElements(By.cssSelector("h1")).stream()
                .anyMatch(h -> h.getText().equals("Dashboard")));
    }

    /** Resizes the window to {@code width} CSS pixels, as a phone held upright shows pages. */
    void width(int width) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 800));
    }

    /** How wide the page's content is: wider than the window means sideways scrolling. */
    long contentWidth() {
        return (Long) driver.executeScript("return document.documentElement.scrollWidth;");
    }

    long windowWidth() {
        return (Long) driver.executeScript("return window.innerWidth;");
    }

    /** Presses Tab on the page and tells the text of what holds the focus then. */
    String tab() {
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        return driver.switchTo().activeElement().getText();
    }

    /** Saves what the page shows as {@code target/screenshots/<name>.png}, for review. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
