package io.chainpos.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.auth.Role;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Members who buy X also buy Y" in a real headless Chromium against the real server (SQLite). Every figure below
 * is worked out by hand from these sales, all in Shanghai's days.
 */
class CoPurchaseBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();
    private static final String PERIOD = "?from=2026-11-22&to=2026-11-23";
    private static final String TEA = "100001";
    private static final String RICE = "100002";
    private static final String OIL = "100003";

    /**
     * In the period (11-22..11-23): M1 at S001 buys tea and rice in one basket; M2 at S001 buys tea, and oil in a
     * second basket the next day; M3 at S002 buys tea and rice; M4 at S002 buys oil; someone who is no member buys
     * tea and rice at S001 (not counted). In the previous period (11-20..11-21): M5 at S001 buys tea and rice.
     *
     * <p>So for the chain: 4 members; tea bought by 3 (M1, M2, M3), rice by 2 (M1, M3), oil by 2 (M2, M4). Tea's
     * buyers also bought rice: 2 members, support 2/4 = 50.0%, confidence 2/3 = 66.7%, lift 2×4/(3×2) = 1.33, 1 the
     * period before (M5); and oil: 1 member, 25.0%, 33.3%, lift 1×4/(3×2) = 0.67, none before. At S001 alone: 2
     * members, tea bought by both, rice by M1, oil by M2: each 1 member, 50.0%, 50.0%, lift 1×2/(2×1) = 1.00.
     */
    @BeforeAll
    static void pushSales() {
        TestServer server = office.server();
        server.clock.set(Instant.parse("2026-11-01T00:00:00Z"));
        new HeadOffice(server.ports.log(), Json.CODEC, server.clock).publish(List.of(
                item(TEA, "茶叶", "Tea"), item(RICE, "大米", "Rice"), item(OIL, "食用油", "Cooking oil")));
        TestServer.EnrolledTill s001 = server.enroll("S001", "S001-T1");
        TestServer.EnrolledTill s002 = server.enroll("S002", "S002-T1");
        List<EventEnvelope> first = new ArrayList<>();
        List<EventEnvelope> second = new ArrayList<>();
        first.add(at(s001, "2026-11-20T03:00:00Z", sale(member(5), TEA, RICE)));
        first.add(at(s001, "2026-11-22T02:00:00Z", sale(member(1), TEA, RICE)));
        first.add(at(s001, "2026-11-22T03:00:00Z", sale(member(2), TEA)));
        first.add(at(s001, "2026-11-22T04:00:00Z", sale(null, TEA, RICE)));
        first.add(at(s001, "2026-11-23T02:00:00Z", sale(member(2), OIL)));
        second.add(at(s002, "2026-11-22T05:00:00Z", sale(member(3), TEA, RICE)));
        second.add(at(s002, "2026-11-23T05:00:00Z", sale(member(4), OIL)));
        server.clock.set(TestServer.START);
        assertThat(s001.push(first).status()).isEqualTo(200);
        assertThat(s002.push(second).status()).isEqualTo(200);
    }

    @Test
    void withoutAProductThePageListsWhatMostMembersBoughtEachALink() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/reports/pairs" + PERIOD);

        assertThat(browser.text("pairs-members")).isEqualTo("4 members bought something in the period");
        assertThat(rows(browser, "most-bought")).containsExactly(
                List.of(TEA, "Tea", "3"), List.of(RICE, "Rice", "2"), List.of(OIL, "Cooking oil", "2"));

        browser.driver().findElement(By.linkText(TEA)).click();
        browser.waitUntil(b -> b.has("also-bought"));

        assertThat(browser.text("pairs-asked")).startsWith("Members who bought 100001 Tea (3) also bought");
        assertThat(rows(browser, "also-bought")).containsExactly(
                List.of(RICE, "Rice", "2", "50.0%", "66.7%", "1.33", "1"),
                List.of(OIL, "Cooking oil", "1", "25.0%", "33.3%", "0.67", "0"));
        browser.waitForAttribute("pairs-chart", "data-chart-drawn");
        assertThat(browser.driver().findElements(By.cssSelector("#pairs-chart canvas"))).isNotEmpty();
    }

    @Test
    void inChineseTheProductsHaveTheirChineseNames() {
        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)
                .open("/reports/pairs" + PERIOD + "&sku=" + TEA);

        assertThat(rows(chinese, "also-bought")).extracting(row -> row.get(1)).containsExactly("大米", "食用油");
    }

    @Test
    void theCsvHoldsWhatThePageShows() {
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();

        PageClient.Page pairs = client.get("/reports/pairs.csv" + PERIOD + "&sku=" + TEA);
        PageClient.Page most = client.get("/reports/pairs.csv" + PERIOD + "&store=S002");

        assertThat(pairs.status()).isEqualTo(200);
        assertThat(pairs.body().lines().toList()).containsExactly(
                "\uFEFFSKU,Product,Members who bought both,Support,Confidence,Lift,\"Both, previous period\"",
                "100002,Rice,2,50.0%,66.7%,1.33,1",
                "100003,Cooking oil,1,25.0%,33.3%,0.67,0");
        assertThat(most.body().lines().skip(1).toList()).containsExactly("100001,Tea,1", "100002,Rice,1", "100003,Cooking oil,1");
        assertThat(client.get("/reports/pairs.csv?from=2026-11-30&to=2026-11-01").status()).isEqualTo(400);
    }

    @Test
    void aStoreManagerSeesTheirStoresMembersOnly() {
        Browser browser = office.signInAs(Role.STORE_MANAGER).open("/stores/S001/reports/pairs" + PERIOD + "&sku=" + TEA);

        assertThat(browser.text("pairs-title")).isEqualTo("Bought together: store S001");
        assertThat(browser.text("pairs-members")).isEqualTo("2 members bought something in the period");
        assertThat(rows(browser, "also-bought")).containsExactly(
                List.of(RICE, "Rice", "1", "50.0%", "50.0%", "1.00", "1"),
                List.of(OIL, "Cooking oil", "1", "50.0%", "50.0%", "1.00", "0"));
        for (String path : List.of("/stores/S002/reports/pairs" + PERIOD, "/stores/S002/reports/pairs.csv" + PERIOD,
                "/reports/pairs" + PERIOD, "/reports/pairs.csv" + PERIOD + "&store=S001")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }

    private static List<List<String>> rows(Browser browser, String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList()).toList();
    }

    private static CatalogItemUpserted item(String sku, String zh, String en) {
        return new CatalogItemUpserted(1, Instant.parse("2026-10-01T00:00:00Z"), Sku.of(sku), List.of(), zh, en, "FOOD",
                CatalogItemUpserted.Unit.PIECE, 1000, null, 1300, true);
    }

    private static MemberId member(int n) {
        return new MemberId(UUID.fromString("0192f0a0-0000-7000-9000-0000000001%02d".formatted(n)));
    }

    private static int sales;

    private static SaleCompleted sale(MemberId member, String... skus) {
        List<SaleLine> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add(new SaleLine(Sku.of(sku), sku, 1000, 1000, 0, 1000, List.of()));
        }
        long total = 1000L * skus.length;
        int n = ++sales;
        return new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-9000-%012d".formatted(n))), ReceiptNo.of("R-" + n),
                member, "CNY", lines, List.of(), total, 0, total, List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier-01");
    }

    private static EventEnvelope at(TestServer.EnrolledTill till, String instant, Event payload) {
        office.server().clock.set(Instant.parse(instant));
        return till.writer().next(payload);
    }
}
