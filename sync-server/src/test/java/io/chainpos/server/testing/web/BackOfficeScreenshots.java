package io.chainpos.server.testing.web;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.id.TopUpId;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Takes the README's screenshots of head office's pages from a running demo server (run by
 * {@code docs/screenshots/take-backoffice-screenshots.sh}): enrolls a till with the code given and pushes a little
 * of a day's business (a top-up with its 充100送20 bonus, points spent twice at two offline counters), then signs in
 * with headless Chromium in Chinese and saves the home page, the catalog editor (a product's page), a member and the
 * exceptions.
 * Arguments: server address, enrollment code of S001-T1, admin username, output folder; the password on stdin.
 */
public final class BackOfficeScreenshots {
    private BackOfficeScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        String password = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        Path out = Path.of(args[3]);
        business(server, args[1]);
        ChromeDriver driver = Chromium.start("zh-CN,zh");
        try {
            Browser browser = BackOffice.signIn(new Browser(driver, server), args[2], password);
            browser.open("/");
            if (browser.has("exceptions-chart")) {
                browser.waitForAttribute("exceptions-chart", "data-chart-drawn");
                Thread.sleep(1_500); // ECharts' bars grow for a second: the picture shows them grown
            }
            shot(driver, browser, out, "backoffice-home-zh.png", 900);
            shot(driver, browser.open("/catalog/100001"), out, "backoffice-catalog-zh.png", 1300);
            shot(driver, browser.open("/members/" + DemoData.LI_NA), out, "backoffice-member-zh.png", 1300);
            shot(driver, browser.open("/exceptions"), out, "backoffice-exceptions-zh.png", 900);
        } finally {
            driver.quit();
        }
    }

    private static void business(URI server, String code) {
        Api.Reply enrolled = new Api(server, null).post("/api/v1/enroll", "{\"code\":\"" + code + "\"}");
        if (enrolled.status() != 200) {
            throw new IllegalStateException("enrollment failed: " + enrolled);
        }
        Api till = new Api(server, enrolled.json().get("token").asText());
        TillWriter writer = new TillWriter("S001", "S001-T1", enrolled.json().get("tillEpoch").asInt(), Clock.systemUTC());
        TopUpId topUp = new TopUpId(UUID.randomUUID());
        Api.Reply pushed = till.post("/api/v1/sync/push", Json.push(writer, writer.next(List.of(
                new StoredValueChanged(DemoData.LI_NA, 10_000, StoredValueChanged.Reason.TOPUP, null, 0, topUp),
                new StoredValueChanged(DemoData.LI_NA, 2_000, StoredValueChanged.Reason.BONUS, null, 2_000, topUp),
                new StoredValueChanged(DemoData.LI_NA, -3_550, StoredValueChanged.Reason.PAY, null),
                new PointsChanged(DemoData.LI_NA, 35, PointsChanged.Reason.EARN, null, List.of("BASE:1/yuan"), 3_550),
                new PointsChanged(DemoData.WANG_FANG, -9_000, PointsChanged.Reason.REDEEM, null, List.of())))));
        if (pushed.status() != 200) {
            throw new IllegalStateException("push failed: " + pushed);
        }
    }

    private static void shot(ChromeDriver driver, Browser page, Path out, String name, int height) throws java.io.IOException {
        driver.manage().window().setSize(new Dimension(1280, height));
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote docs/screenshots/" + name);
    }
}
