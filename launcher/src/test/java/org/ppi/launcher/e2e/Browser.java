package org.ppi.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless Chromium (Debian {@code chromium} + {@code chromium-driver}; nothing downloaded), one
 * window of a laptop's size, downloads kept in a folder of the test's, screenshots under
 * {@code launcher/target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI base;
    final Path downloads;

    private Browser(ChromeDriver driver, URI base, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
    }

    static Browser open(URI base) {
        try {
            Path downloads = Files.createTempDirectory("ppi-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(executable("PPI_CHROMIUM", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=es-DO",
                    "--user-data-dir=" + Files.createTempDirectory("ppi-chromium"));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "es-DO,es"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(executable("PPI_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, base, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String variable, String fallback) {
        String path = Optional.ofNullable(System.getenv(variable)).orElse(fallback);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does), or set " + variable);
        }
        return path;
    }

    /** Opens a page of the platform, e.g. {@code /costos}. */
    void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Signs in on the identity provider's page the gateway sends a new visitor to, and waits for the app. */
    void signIn(String username, String password) {
        go("/");
        WebElement user = await(d -> d.findElements(By.id("username")).stream().findFirst().orElse(null));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        await(d -> d.getCurrentUrl().startsWith(base.toString()) && !d.findElements(By.cssSelector("[data-testid=session-user]")).isEmpty());
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** The element with {@code data-testid}, once it shows. */
    WebElement byTestId(String testId) {
        return await(d -> d.findElements(By.cssSelector("[data-testid='" + testId + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the element's text satisfies {@code check}, and returns that text. */
    String textOf(String testId, java.util.function.Predicate<String> check) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid='" + testId + "']"));
            return found.isEmpty() || !check.test(found.get(0).getText()) ? null : found.get(0).getText();
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement first(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a finished download whose name ends with {@code suffix} that appeared after {@code since}. */
    Path download(String suffix, Instant since) {
        return await(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                        .filter(f -> f.toFile().lastModified() >= since.toEpochMilli() - 1000)
                        .max(Comparator.comparingLong(f -> f.toFile().lastModified())).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
    }
}
