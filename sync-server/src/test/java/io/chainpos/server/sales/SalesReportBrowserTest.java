package io.chainpos.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.auth.Role;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The sales report and the home page's today in a real headless Chromium against the real server (SQLite), with
 * sales pushed by two stores' tills: S001 in Urumqi, S002 in Shanghai (head office's default zone). Every expected
 * figure below is worked out by hand from these sales.
 */
class SalesReportBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();
    private static final String PERIOD = "?from=2026-11-22&to=2026-11-23";

    /**
     * S001 (Urumqi, UTC+6): sale A 2026-11-22 23:30 local (a member; 2 × 100001 at 15.00, 1 × 100002 at 20.00 less 5.00
     * of promotion AUTUMN: 45.00, cash 50.00, change 5.00); refund of one 100001 of A, 15.00, on 11-23 08:00; sale B
     * 11-23 08:30, 1 × 100001, 15.00 by card. S002 (Shanghai): sale C 11-23 00:30 local, 3 × 100002, 60.00 by wallet;
     * sale E 11-21 12:00, 20.00 (the previous period); sale D 11-16 11:00, 30.00 (the same weekday last week).
     */
    @BeforeAll
    static void pushSales() {
        TestServer server = office.server();
        new JdbcStores(server.storage.database()).add(new Stores.Store("S001", "Urumqi", "", ZoneId.of("Asia/Urumqi"), 1, TestServer.START));
        TestServer.EnrolledTill urumqi = server.enroll("S001", "S001-T1");
        TestServer.EnrolledTill shanghai = server.enroll("S002", "S002-T1");
        SaleCompleted a = sale(1, new MemberId(UUID.fromString("0192f0a0-0000-7000-9000-000000000099")), List.of(
                        new SaleLine(Sku.of("100001"), "Tea", 2000, 1500, 0, 3000, List.of()),
                        new SaleLine(Sku.of("100002"), "Rice", 1000, 2000, 500, 1500, List.of(new AppliedPromotion("AUTUMN", "Autumn", 500)))),
                List.of(new Tender(TenderMethod.CASH, 5000, null)), 500);
        SaleRefunded refund = new SaleRefunded(new RefundId(UUID.fromString("0192f0a0-0000-7000-9000-000000000050")), a.saleId(), "CNY",
                List.of(new RefundLine(Sku.of("100001"), "Tea", 1000, 1500)), 1500, List.of(new Tender(TenderMethod.CASH, 1500, null)),
                null, null, "S001-T1-R000001");
        SaleCompleted b = sale(2, null, List.of(new SaleLine(Sku.of("100001"), "Tea", 1000, 1500, 0, 1500, List.of())),
                List.of(new Tender(TenderMethod.BANK_CARD, 1500, null)), 0);
        SaleCompleted c = sale(3, null, List.of(new SaleLine(Sku.of("100002"), "Rice", 3000, 2000, 0, 6000, List.of())),
                List.of(new Tender(TenderMethod.MOBILE_WALLET, 6000, "w")), 0);
        SaleCompleted d = sale(4, null, List.of(new SaleLine(Sku.of("100002"), "Rice", 1000, 3000, 0, 3000, List.of())),
                List.of(new Tender(TenderMethod.BANK_CARD, 3000, null)), 0);
        SaleCompleted e = sale(5, null, List.of(new SaleLine(Sku.of("100002"), "Rice", 1000, 2000, 0, 2000, List.of())),
                List.of(new Tender(TenderMethod.BANK_CARD, 2000, null)), 0);
        List<EventEnvelope> fromUrumqi = List.of(at(urumqi, "2026-11-22T17:30:00Z", a), at(urumqi, "2026-11-23T02:00:00Z", refund),
                at(urumqi, "2026-11-23T02:30:00Z", b));
        List<EventEnvelope> fromShanghai = List.of(at(shanghai, "2026-11-16T03:00:00Z", d), at(shanghai, "2026-11-21T04:00:00Z", e),
                at(shanghai, "2026-11-22T16:30:00Z", c));
        server.clock.set(TestServer.START);
        assertThat(urumqi.push(fromUrumqi).status()).isEqualTo(200);
        assertThat(shanghai.push(fromShanghai).status()).isEqualTo(200);
    }

    @Test
    void theReportShowsTheFiguresTheSalesImplyBesideThePreviousPeriod() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/reports/sales" + PERIOD);

        assertThat(browser.text("report-title")).isEqualTo("Sales report: all stores");
        assertThat(browser.texts("#figure-net td")).containsExactly("CN¥105.00", "CN¥20.00", "+425.0%");
        assertThat(browser.texts("#figure-baskets td")).containsExactly("3", "1", "+200.0%");
        assertThat(browser.texts("#figure-refunded td")).containsExactly("CN¥15.00", "CN¥0.00", "—");
        assertThat(browser.texts("#figure-discount td")).containsExactly("CN¥5.00", "CN¥0.00", "—");
        // Members' share: A less its refund (30.00) of 105.00.
        assertThat(browser.texts("#figure-members td")).containsExactly("28.6%", "0.0%", "");
        assertThat(rows(browser, "stores")).containsExactly(
                List.of("S001", "2", "CN¥22.50", "CN¥45.00", "CN¥0.00", "—"),
                List.of("S002", "1", "CN¥60.00", "CN¥60.00", "CN¥20.00", "+200.0%"));
        // Urumqi's 23:30 sale is on its 22nd, though it was already the 23rd in Shanghai.
        assertThat(rows(browser, "days")).containsExactly(
                List.of("2026-11-22", "Sun", "1", "CN¥45.00", "CN¥0.00", "—"),
                List.of("2026-11-23", "Mon", "2", "CN¥60.00", "CN¥20.00", "+200.0%"));
        assertThat(rows(browser, "tenders")).containsExactly(
                List.of("Bank card", "1", "CN¥15.00", "CN¥0.00", "CN¥15.00", "14.3%", "CN¥20.00"),
                List.of("Cash", "1", "CN¥45.00", "CN¥15.00", "CN¥30.00", "28.6%", "CN¥0.00"),
                List.of("WeChat/Alipay", "1", "CN¥60.00", "CN¥0.00", "CN¥60.00", "57.1%", "CN¥0.00"));
        assertThat(rows(browser, "promotions")).containsExactly(List.of("AUTUMN", "Autumn", "1", "CN¥5.00", "CN¥0.00", "—"));
        assertThat(rows(browser, "best")).containsExactly(
                List.of("100002", "100002", "(no category)", "4", "CN¥75.00", "CN¥0.00"),
                List.of("100001", "100001", "(no category)", "2", "CN¥30.00", "CN¥15.00"));
        // The peak hours: Sunday 23:00 (A in Urumqi), Monday 00:00 (C) and 08:00 (B; the refund is no basket).
        assertThat(rows(browser, "hours").get(23).get(7)).isEqualTo("1");
        assertThat(rows(browser, "hours").get(0).get(1)).isEqualTo("1");
        assertThat(rows(browser, "hours").get(8).get(1)).isEqualTo("1");
        browser.waitForAttribute("chart-hours", "data-chart-drawn");
        assertThat(browser.driver().findElements(By.cssSelector("#chart-hours canvas"))).isNotEmpty();
    }

    @Test
    void eachSectionExportsWhatThePageShowsAsCsv() {
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();

        PageClient.Page stores = client.get("/reports/sales.csv" + PERIOD + "&section=stores");
        PageClient.Page oneStore = client.get("/reports/sales.csv" + PERIOD + "&store=S002&section=tenders");

        assertThat(stores.status()).isEqualTo(200);
        assertThat(stores.body().lines().toList()).containsExactly(
                "\uFEFFStore,Baskets,Average basket,Net sales,Previous period,Change",
                "S001,2,CN¥22.50,CN¥45.00,CN¥0.00,—",
                // A cell starting with + is quoted so a spreadsheet does not take it for a formula.
                "S002,1,CN¥60.00,CN¥60.00,CN¥20.00,'+200.0%");
        assertThat(oneStore.body().lines().skip(1).toList()).containsExactly("WeChat/Alipay,1,CN¥60.00,CN¥0.00,CN¥60.00,100.0%,CN¥0.00");
        PageClient.Page wrong = client.get("/reports/sales.csv?from=2026-11-30&to=2026-11-01&section=stores");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"to-error\"", "The end comes before the start.");
    }

    @Test
    void aWrongDateIsNamedBesideItsField() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/reports/sales?from=2026-13-01&to=2026-11-23");

        assertThat(browser.text("from-error")).isEqualTo("Enter a date as year-month-day, for example 2026-11-30.");
        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)
                .open("/reports/sales?from=2026-11-23&to=2026-11-01");
        assertThat(chinese.text("to-error")).isEqualTo("结束日期早于开始日期。");
    }

    @Test
    void aStoreManagerSeesOnlyTheirStore() {
        Browser browser = office.signInAs(Role.STORE_MANAGER).open("/stores/S001/reports/sales" + PERIOD);

        assertThat(browser.text("report-title")).isEqualTo("Sales report: store S001");
        assertThat(browser.texts("#figure-net td")).containsExactly("CN¥45.00", "CN¥0.00", "—");
        assertThat(rows(browser, "stores")).containsExactly(List.of("S001", "2", "CN¥22.50", "CN¥45.00", "CN¥0.00", "—"));
        assertThat(browser.has("store")).as("no store to pick").isFalse();
        for (String path : List.of("/stores/S002/reports/sales" + PERIOD, "/stores/S002/reports/sales.csv" + PERIOD,
                "/reports/sales" + PERIOD + "&store=S002", "/reports/sales.csv" + PERIOD + "&store=S002&section=stores")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
        Browser home = browser.open("/").waitUntil(b -> b.has("today-S001"));
        assertThat(home.texts("#sales-today-table tbody tr")).hasSize(1);
    }

    @Test
    void theHomePageShowsTodayPerStoreAgainstTheSameWeekdayLastWeek() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).waitUntil(b -> b.has("today-S002"));

        assertThat(browser.texts("#today-S002 td")).containsExactly("S002", "CN¥60.00", "1", "CN¥30.00", "+100.0%");
        assertThat(browser.texts("#today-S001 td")).containsExactly("S001", "CN¥0.00", "1", "CN¥0.00", "—");
        assertThat(browser.driver().findElement(By.id("home-sales-today")).getAttribute("hx-trigger")).contains("every");
    }

    private static List<List<String>> rows(Browser browser, String section) {
        return browser.driver().findElements(By.cssSelector("#table-" + section + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList()).toList();
    }

    private static SaleCompleted sale(int n, MemberId member, List<SaleLine> lines, List<Tender> tenders, long change) {
        long subtotal = lines.stream().mapToLong(l -> l.total() + l.discount()).sum();
        long discount = lines.stream().mapToLong(SaleLine::discount).sum();
        return new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-9000-%012d".formatted(n))), ReceiptNo.of("R-" + n),
                member, "CNY", lines, List.of(), subtotal, discount, subtotal - discount, tenders, change, 1, "cashier-01");
    }

    private static EventEnvelope at(TestServer.EnrolledTill till, String instant, io.chainpos.model.event.Event payload) {
        office.server().clock.set(Instant.parse(instant));
        return till.writer().next(payload);
    }
}
