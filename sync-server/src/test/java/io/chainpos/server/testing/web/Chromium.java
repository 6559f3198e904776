package io.chainpos.server.testing.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven headless by its matching chromedriver, with no Selenium Manager (nothing is
 * downloaded) and no background traffic to Google's hosts. Missing packages fail the test with their names:
 * on CI the browser tests must run, never skip.
 */
public final class Chromium {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final String PACKAGES = "chromium chromium-driver fonts-noto-cjk";

    private Chromium() {
    }

    /** A new headless browser whose pages ask for {@code acceptLanguage} (for example {@code en} or {@code zh-CN,zh}). */
    public static ChromeDriver start(String acceptLanguage) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and its driver (" + BROWSER + ", " + DRIVER
                    + "): sudo apt-get install " + PACKAGES + " (.ci/run installs them)");
        }
        System.setProperty("SE_OFFLINE", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("chainpos-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=" + acceptLanguage.split(",")[0],
                "--accept-lang=" + acceptLanguage,
                // Nothing but the server under test: no updates, sync, metrics, translation or safe-browsing lookups.
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-sync",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--metrics-recording-only",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--password-store=basic"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage,
                "credentials_enable_service", false, "profile.password_manager_enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    io.chainpos.server.testing.TempFolders.delete(profile); // the browser's profile, once it has stopped
                }
            }
        };
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
