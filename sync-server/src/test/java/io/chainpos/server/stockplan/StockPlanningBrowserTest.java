package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Head office's stock planning in a real headless Chromium over {@link PlanningFixture}'s sales and stock: minimums
 * set one at a time and many at once (bad input named beside its field), low stock, cover, suggested orders equal to
 * the sums done by hand and exported as CSV after a change; zh-CN labels; a store manager kept to their store.
 */
class StockPlanningBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void fixture() {
        PlanningFixture.push(office);
    }

    @Test
    void headOfficeSetsMinimumsOneAtATimeOrManyAtOnceAndIsToldWhatIsWrongBesideTheField() {
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/stock/minimums");
        assertThat(browser.texts("#minimum-S001-100001 td")).startsWith("S001", "100001", "20", "hq-admin");
        assertThat(browser.texts("#minimums tbody tr")).hasSize(3);

        browser.fill("store", "S999").fill("sku", "100002").fill("minimum", "lots").click("minimum-submit");
        assertThat(browser.text("store-error")).isEqualTo("There is no store S999.");
        assertThat(browser.text("minimum-error")).isEqualTo("Enter a number, such as 12 or 0.5.");
        browser.fill("store", "S002").fill("minimum", "-2").click("minimum-submit");
        assertThat(browser.has("store-error")).isFalse();
        assertThat(browser.text("minimum-error")).isEqualTo("A quantity cannot be below zero.");
        browser.fill("minimum", "5").click("minimum-submit");
        assertThat(browser.text("notice")).isEqualTo("The minimum was set and published to the tills.");
        assertThat(browser.texts("#minimum-S002-100002 td")).startsWith("S002", "100002", "5");

        browser.fill("rows", "S002,100001,12\nS002,999999,3").click("minimums-submit");
        assertThat(browser.text("rows-error")).isEqualTo("Line 2: There is no product 999999.");
        assertThat(browser.texts("#minimum-S002-100001 td")).as("nothing set when a line is wrong").startsWith("S002", "100001", "10");
        browser.fill("rows", "store,sku,minimum\nS002,100002,0").click("minimums-submit");
        assertThat(browser.text("notice")).isEqualTo("The minimums were set and published to the tills.");
        assertThat(browser.has("minimum-S002-100002")).as("0 clears it").isFalse();
        browser.open("/audit?action=stock.minimums-set");
        assertThat(browser.texts("#audit tbody tr")).as("the fixture's three, then one, then the clearing one").hasSize(3);
    }

    @Test
    void lowStockAndCoverShowWhatIsBelowItsMinimumAndHowLongStockLasts() {
        Browser browser = office.signInAs(Role.HQ_ANALYST);
        assertThat(browser.texts("header nav a")).contains("Stock planning");
        assertThat(browser.text("home-low-stock-count")).isEqualTo("2");
        browser.click("home-low-stock-count");
        assertThat(browser.text("low-count")).isEqualTo("2 products below their minimum");
        assertThat(browser.texts("#low-S001-100001 td")).containsExactly("S001", "100001", "16", "20", "4", "0");
        assertThat(browser.texts("#low-S001-100002 td")).containsExactly("S001", "100002", "1", "6", "5", "0");
        assertThat(browser.has("minimum-form")).as("an analyst reads, sets nothing").isFalse();

        browser.open("/stock/cover");
        // 16 on hand at 14 in 28 days (0.5 a day): 32 days; 10 at 30 in 28 days (1.07 a day): 9.3 days.
        assertThat(browser.texts("#cover-S001-100001 td")).containsExactly("S001", "100001", "16", "14", "0.5", "32", "20");
        assertThat(browser.texts("#cover-S002-100001 td")).containsExactly("S002", "100001", "10", "30", "1.1", "9.3", "10");
        assertThat(browser.texts("#cover-S002-100002 td")).containsExactly("S002", "100002", "40", "0", "0", "∞", "");
        browser.fill("days", "7").click("cover-submit").waitUntil(b -> b.driver().getCurrentUrl().contains("days=7"));
        // The same 14 colas in 7 days: 2 a day, 8 days.
        assertThat(browser.texts("#cover-S001-100001 td")).containsExactly("S001", "100001", "16", "14", "2", "8", "20");
        browser.fill("days", "a week").click("cover-submit");
        assertThat(browser.text("days-error")).isEqualTo("Enter a whole number of days from 1 to 365.");
    }

    @Test
    void suggestedOrdersEqualTheHandSumsAndExportAsChangedOnThePage(@TempDir Path downloads) throws IOException {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/stock/orders");
        browser.fill("lead", "10").fill("safety", "4").click("orders-submit").waitUntil(b -> b.has("order-S001-100001"));
        // By hand (ReorderRulesTest has the sums): S001 cola 4, S001 bread 5, S002 cola 5; S002's bread nothing.
        assertThat(browser.texts("#order-S001-100001 td")).startsWith("S001", "100001", "16", "0", "20", "14", "0.5", "4");
        assertThat(browser.texts("#order-S001-100002 td")).startsWith("S001", "100002", "1", "0", "6", "7", "0.3", "5");
        assertThat(browser.texts("#order-S002-100001 td")).startsWith("S002", "100001", "10", "0", "10", "30", "1.1", "5");
        assertThat(browser.texts("#orders tbody tr")).hasSize(3);

        browser.fill("lead", "x").click("orders-submit").waitUntil(b -> b.has("lead-error"));
        assertThat(browser.text("lead-error")).isEqualTo("Enter a whole number of days from 0 to 365.");

        browser.fill("lead", "10").choose("scope", "chain").click("orders-submit");
        browser.waitUntil(b -> b.has("order-chain-100001"));
        assertThat(browser.texts("#order-chain-100001 td")).startsWith("Chain", "100001").contains("9");
        assertThat(browser.texts("#order-chain-100002 td")).startsWith("Chain", "100002").contains("5");

        browser.choose("scope", "stores").click("orders-submit").waitUntil(b -> b.has("qty-S001-100001"));
        ((ChromiumDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.fill("qty-S001-100001", "6").fill("qty-S002-100001", "0");
        browser.driver().findElement(org.openqa.selenium.By.id("orders-export")).click();
        Path csv = downloads.resolve("suggested-order.csv");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).containsExactly(
                "\uFEFFStore,SKU,On hand,On its way,Minimum,Sold,Suggested,Order",
                "S001,100001,16,0,20,14,4,6",
                "S001,100002,1,0,6,7,5,5");

        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();
        client.get("/stock/orders?lead=10&safety=4");
        PageClient.Page wrong = client.post("/stock/orders.csv", Map.of("_csrf", client.csrfToken(), "lead", "10", "safety", "4",
                "qty:S001:100002", "-1"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"qty-S001-100002-error\"", "A quantity cannot be below zero.");
    }

    @Test
    void chineseLabels() {
        Browser browser = office.browser("zh-CN,zh");
        BackOffice.signIn(browser, office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        browser.open("/stock/low");
        assertThat(browser.heading()).isEqualTo("低库存");
        assertThat(browser.texts("#low-stock thead th")).containsExactly("门店", "商品编码", "现有库存", "最低库存", "缺少", "在途");
        browser.open("/stock/orders");
        assertThat(browser.heading()).isEqualTo("建议采购单");
        assertThat(browser.source()).contains("到货周期（天）", "安全库存（天）", "导出 CSV");
        browser.open("/stock/minimums").fill("store", "S001").fill("sku", "100001").fill("minimum", "abc").click("minimum-submit");
        assertThat(browser.text("minimum-error")).isEqualTo("请输入数字，例如 12 或 0.5。");
    }

    @Test
    void aStoreManagerSeesTheirStoresLowStockAndNoOtherStores() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);
        assertThat(browser.texts("header nav a")).contains("My store's low stock").doesNotContain("Stock planning");
        assertThat(browser.text("home-low-stock-count")).as("S001's two").isEqualTo("2");
        browser.open("/stores/S001/stock/low");
        assertThat(browser.texts("#low-stock tbody tr")).hasSize(2);
        browser.open("/stores/S001/stock/cover");
        assertThat(browser.texts("#cover tbody tr")).hasSize(2);
        assertThat(browser.has("minimum-form")).isFalse();
        for (String path : List.of("/stores/S002/stock/low", "/stores/S002/stock/cover", "/stores/S002/stock/minimums", "/stock/low",
                "/stock/orders", "/stock/minimums", "/stock/proposals")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }
}
