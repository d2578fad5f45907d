package dev.herald.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages (chromium and chromium-driver), driven by Selenium
 * with the driver given explicitly: Selenium would otherwise try to download one.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("herald.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("herald.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    public static WebDriver open() {
        return open(null);
    }

    /** A browser that saves downloads in the given directory without asking (none when null). */
    public static WebDriver open(Path downloads) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver); .ci/run installs them");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1366,768");
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.default_directory",
                            downloads.toAbsolutePath().toString(),
                            "download.prompt_for_download",
                            false));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1366, 768));
        return driver;
    }

    /** Saves what the browser shows under target/screenshots, for people to look at. */
    public static Path screenshot(WebDriver driver, String name) {
        Path directory = Path.of(System.getProperty("herald.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a picture of the page whenever a browser test fails, named after the test. */
    public static final class ScreenshotOnFailure implements TestWatcher {
        private final Supplier<WebDriver> driver;

        public ScreenshotOnFailure(Supplier<WebDriver> driver) {
            this.driver = driver;
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WebDriver current = driver.get();
            if (current != null) {
                screenshot(
                        current,
                        "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                                + context.getRequiredTestMethod().getName());
            }
        }
    }
}
