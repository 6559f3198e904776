package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.Chromium;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebDriver;

/**
 * Issue 11's key flow with every part real: head office changes a product's price and publishes a 满减 promotion in a
 * headless Chromium on the server's pages; a real till pulls them, sells at the new price with the 满减 applied, pushes
 * the sale, and the sale shows on head office's page of the store's sales. On SQLite and on PostgreSQL.
 */
class HeadOfficeInTheBrowserEndToEndTest {
    private static final String COLA_BARCODE = "6901234000016"; // demo SKU 100001, 3.50
    private static final String PASSWORD = "head office in a browser";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    private RealServer server;
    private SyncedTill till;
    private WebDriver driver;

    @AfterEach
    void closeAll() {
        if (driver != null) {
            driver.quit();
        }
        if (till != null) {
            till.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aPriceAndASpendAndSavePublishedInTheBrowserAreSoldAtATillAndTheSaleShowsAtHeadOffice(String database) throws Exception {
        String spec = database.equals("sqlite") ? dir.resolve("server.db").toString() : EmbeddedDatabase.newDatabase();
        server = RealServer.startOn(spec, clock, Duration.ofDays(30), true);
        server.createUser("wang.admin", Role.HQ_ADMIN, null, PASSWORD);
        driver = Chromium.start("en");
        Browser browser = BackOffice.signIn(Browser.on(driver, server.uri()), "wang.admin", PASSWORD);

        // The cola goes from 3.50 to 4.00, now.
        assertThat(browser.open("/catalog?q=" + COLA_BARCODE).texts("#products tbody td a")).containsExactly("100001");
        browser.open("/catalog/100001");
        browser.fill("new_price", "4.00").click("price-submit");
        assertThat(browser.text("notice")).isEqualTo("The price change was published to the tills.");
        assertThat(browser.text("fact-price")).isEqualTo("CN¥4.00");

        // 满10减2 on every product, previewed on three colas before it is published.
        browser.open("/promotions").click("new-SPEND_X_SAVE_Y");
        browser.fill("code", "MJ10").fill("name_zh", "满10减2").fill("name_en", "2 off from 10")
                .fill("threshold", "10").fill("saving", "2").fill("cart_sku_1", COLA_BARCODE).fill("cart_qty_1", "3")
                .click("promotion-preview");
        assertThat(browser.text("preview-subtotal")).isEqualTo("CN¥12.00");
        assertThat(browser.text("preview-total")).isEqualTo("CN¥10.00");
        browser.click("promotion-submit");
        assertThat(browser.text("notice")).isEqualTo("The promotions were published to the tills.");
        assertThat(browser.texts("#promotion-order tr.promotion-step td:nth-child(2)")).containsExactly("MEMBER_PRICE", "MJ10");

        // A till enrolled now pulls both (enrolled after the browser's work: its kept-alive connection would outlast the
        // server's idle timeout, and the till does not retry a request on a dropped connection within one round) and sells
        // three colas at 4.00, 2.00 off for reaching 10.00.
        till = SyncedTill.enroll(dir.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        till.sync();
        Checkout.Completed sold = till.sell(null, COLA_BARCODE, 3_000, new Tender(TenderMethod.CASH, 1_000, null));
        assertThat(sold.sale().lines().getFirst().unitPrice()).isEqualTo(400);
        assertThat(sold.sale().promotionsApplied()).containsExactly(new AppliedPromotion("MJ10", "满10减2", 200));
        assertThat(sold.sale().total()).isEqualTo(1_000);
        till.sync();

        assertThat(browser.open("/sales").texts("#sales-stores tbody td a")).containsExactly("S001");
        List<String> row = browser.open("/stores/S001/sales").texts("#sales tbody tr.sale td");
        assertThat(row).hasSize(8);
        assertThat(row.get(0)).isEqualTo(sold.sale().receiptNo().value());
        assertThat(row.get(2)).as("the store's time, Asia/Shanghai").isEqualTo("23 Nov 2026, 11:00:00");
        assertThat(List.of(row.get(1), row.get(3), row.get(4), row.get(5), row.get(6), row.get(7)))
                .containsExactly("Sale", "CN¥10.00", "", "no", "Cash CN¥10.00", "S001-T1");
    }
}
