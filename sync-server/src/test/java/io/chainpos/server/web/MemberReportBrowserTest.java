package io.chainpos.server.web;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/** The members report in a real headless Chromium: active and lapsed, an RFM segment's members, churn risk, a store's own. */
class MemberReportBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void visits() {
        TestServer.EnrolledTill s1 = office.server().enroll("S001", "S001-T1");
        TestServer.EnrolledTill s2 = office.server().enroll("S002", "S002-T1");
        push(s1, registered(member(21), "13800138021", "周一"), registered(member(22), "13800138022", "吴二"),
                registered(member(23), "13800138023", "郑三"));
        push(s2, registered(member(24), "13800138024", "王四"));
        // Member 21 comes every five days three times, then stays away thirty days: well past its own interval.
        for (int visit = 0; visit < 3; visit++) {
            push(s1, sale(member(21), 5_000));
            office.server().clock.advance(Duration.ofDays(5));
        }
        office.server().clock.advance(Duration.ofDays(25));
        push(s1, sale(member(22), 800));
        push(s2, sale(member(24), 900));
        // Member 21 moves up to GOLD; points held: 21 has 1,200 from S001, 22 has 50 from S001, 24 has 300 from S002.
        push(s1, new MemberTierChanged(member(21), "NORMAL", "GOLD", MemberTierChanged.Direction.UPGRADE, 1,
                java.time.LocalDate.of(2026, 1, 1), 15_000, null));
        push(s1, new PointsChanged(member(21), 1_500, PointsChanged.Reason.EARN, null, null),
                new PointsChanged(member(21), -300, PointsChanged.Reason.REDEEM, null, null),
                new PointsChanged(member(22), 50, PointsChanged.Reason.EARN, null, null));
        push(s2, new PointsChanged(member(24), 300, PointsChanged.Reason.EARN, null, null));
    }

    @Test
    void tiersNowAndTheirMovesAndPointsHeldByBand() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/member-report");

        assertThat(browser.texts("#tier-GOLD td")).containsExactly("GOLD", "1", "1", "0");
        assertThat(browser.texts("#tier-NORMAL td")).containsExactly("NORMAL", "3", "0", "1");
        assertThat(browser.texts("#points-held tbody td")).containsExactly(
                "1 to 99", "1", "50",
                "100 to 499", "1", "300",
                "500 to 999", "0", "0",
                "1,000 to 4,999", "1", "1,200",
                "5,000 or more", "0", "0");
        browser.waitForAttribute("tiers-chart", "data-chart-drawn");
    }

    @Test
    void aStoreManagerSeesTheTiersOfTheirStoresMembersAndThePointsTheirStoreGave() {
        Browser manager = office.signInAs(Role.STORE_MANAGER).open("/stores/S001/member-report");
        assertThat(manager.texts("#tier-NORMAL td")).containsExactly("NORMAL", "2", "0", "1");
        assertThat(manager.texts("#points-held tbody td")).containsSequence("100 to 499", "0", "0");
        assertThat(manager.texts("#points-held tbody td")).containsSequence("1,000 to 4,999", "1", "1,200");
    }

    @Test
    void headOfficeSeesActiveAndLapsedASegmentsMembersAndChurnRisk() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/member-report");

        assertThat(browser.text("member-activity")).isEqualTo("3 active (a visit within 90 days), 0 lapsed, 1 never visited.");
        assertThat(browser.texts("#churn-risk tbody td")).contains(member(21).toString(), "5", "30");
        assertThat(browser.texts("#segment-at-risk td")).contains("1", "CN¥150.00");
        browser.waitForAttribute("segments-chart", "data-chart-drawn");

        browser.driver().findElement(org.openqa.selenium.By.linkText("At risk")).click();
        assertThat(browser.texts("#segment-members tbody td")).contains(member(21).toString(), "S001", "3");

        browser.fill("segment", "nobody").click("member-report-submit");
        assertThat(browser.text("segment-error")).isEqualTo("One of: champions, loyal, promising, at-risk, lost, needs-attention.");
    }

    @Test
    void aStoreManagerSeesTheirStoresMembersOnly() {
        Browser browser = office.signInAs(Role.STORE_MANAGER).open("/stores/S001/member-report");

        assertThat(browser.text("member-activity")).isEqualTo("2 active (a visit within 90 days), 0 lapsed, 1 never visited.");
        String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                browser.driver().findElement(org.openqa.selenium.By.id("member-report-csv")).getAttribute("href"));
        assertThat(csv).contains(member(21).toString(), member(22).toString(), member(23).toString()).doesNotContain(member(24).toString());
        for (String path : List.of("/stores/S002/member-report", "/member-report", "/member-report.csv")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }

    private static void push(TestServer.EnrolledTill till, io.chainpos.model.event.Event... events) {
        assertThat(till.push(till.writer().next(List.of(events))).status()).isEqualTo(200);
    }

    private static SaleCompleted sale(MemberId member, long total) {
        return new SaleCompleted(SaleId.newId(office.server().clock), ReceiptNo.of("R-" + total), member, "CNY",
                List.of(new SaleLine(Sku.of("100001"), "item", 1000, total, 0, total, List.of())), List.of(), total, 0, total,
                List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier-01");
    }
}
