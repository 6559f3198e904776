package io.chainpos.server.web;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The liabilities page in a real headless Chromium: owed by the store that sold it when a member spends at
 * another store, breakage, the chart, the CSV as filtered, both languages; a store manager kept to their store.
 */
class LiabilityPagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void liabilities() {
        TestServer.EnrolledTill s1 = office.server().enroll("S001", "S001-T1");
        TestServer.EnrolledTill s2 = office.server().enroll("S002", "S002-T1");
        // Sold at S001: 100.00 paid, 20.00 bonus, 300 points; spent at S002: 30.00 paid and 100 points.
        assertThat(s1.push(s1.writer().next(List.of(registered(member(11), "13800138011", "钱一"),
                new StoredValueChanged(member(11), 10_000, StoredValueChanged.Reason.TOPUP, null),
                new StoredValueChanged(member(11), 2_000, StoredValueChanged.Reason.BONUS, null, 2_000, null),
                new PointsChanged(member(11), 300, PointsChanged.Reason.EARN, null, List.of())))).status()).isEqualTo(200);
        assertThat(s2.push(s2.writer().next(List.of(registered(member(12), "13800138012", "孙二"),
                new StoredValueChanged(member(11), -3_000, StoredValueChanged.Reason.PAY, null),
                new PointsChanged(member(11), -100, PointsChanged.Reason.REDEEM, null, List.of()),
                new PointsChanged(member(12), 50, PointsChanged.Reason.EARN, null, List.of()),
                new PointsChanged(member(12), -20, PointsChanged.Reason.EXPIRE, null, List.of())))).status()).isEqualTo(200);
    }

    @Test
    void headOfficeSeesWhatEachStoreSoldStillOwedWithBreakageAChartAndTheCsv() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/liabilities");

        assertThat(browser.texts("#liability-S001 td")).startsWith("S001", "200", "CN¥70.00", "CN¥20.00", "CN¥90.00", "300", "0");
        assertThat(browser.texts("#liability-S002 td")).startsWith("S002", "30", "CN¥0.00", "CN¥0.00", "CN¥0.00", "50", "20", "40.00%");
        assertThat(browser.texts("#liability-total td")).startsWith("230", "CN¥70.00", "CN¥20.00", "CN¥90.00", "350", "20");
        assertThat(browser.texts("#liabilities-expiring li")).hasSize(3);
        browser.waitForAttribute("liabilities-chart", "data-chart-drawn");

        browser.fill("store", "S002").click("liabilities-submit");
        assertThat(browser.texts("#liabilities tbody tr")).singleElement().asString().startsWith("S002");
        String csv = fetch(browser, browser.driver().findElement(org.openqa.selenium.By.id("liabilities-csv")).getAttribute("href"));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("S002,30,0.00,0.00,0.00,50,20");

        browser.fill("days", "0").click("liabilities-submit");
        assertThat(browser.text("days-error")).isEqualTo("A whole number of days from 1 to 366.");

        browser.open("/liabilities").click("language-zh-CN");
        assertThat(browser.heading()).isEqualTo("会员负债");
        assertThat(browser.source()).contains("储值本金", "储值赠金", "沉淀率");
    }

    @Test
    void aStoreManagerSeesOnlyTheirOwnStore() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);
        assertThat(browser.texts("header nav a")).contains("My store's liabilities");

        browser.open("/stores/S001/liabilities");
        assertThat(browser.texts("#liabilities tbody tr")).singleElement().asString().startsWith("S001 200");
        assertThat(browser.has("store")).as("no store filter on a store's page").isFalse();
        for (String path : List.of("/stores/S002/liabilities", "/stores/S002/liabilities.csv", "/liabilities", "/liabilities.csv?store=S002")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }

    /** The CSV as the browser receives it, with the signed-in session. */
    private static String fetch(Browser browser, String href) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
    }
}
