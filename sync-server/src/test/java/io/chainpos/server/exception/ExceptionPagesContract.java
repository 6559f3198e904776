package io.chainpos.server.exception;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StockChanged;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The exceptions pages in a real headless Chromium against the real server on loopback. */
abstract class ExceptionPagesContract {
    /** The server and browsers of the test class. */
    abstract BackOffice office();

    @Test
    void anAdminResolvesAnExceptionWithANoteAndTheOpenCountDropsOnEveryPageAndTheResolutionIsAudited() {
        sellBelowZero("S030", "690001", "690002");
        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/exceptions?store=S030");
        long openBefore = openCount(browser);
        List<String> rows = rowIds(browser);
        assertThat(rows).hasSize(2);
        String id = rows.getFirst().substring("exception-".length());

        browser.click("open-exception-" + id).click("resolve-exception-submit");
        assertThat(browser.text("note-error")).isEqualTo("Say what was done about it.");
        assertThat(browser.text("exception-status")).isEqualTo("Open");

        browser.fill("note", "Shelf counted: 3 left, stock adjusted").click("resolve-exception-submit");

        assertThat(browser.text("notice")).isEqualTo("The exception was resolved.");
        assertThat(browser.text("exception-status")).startsWith("Resolved by hq-admin");
        assertThat(browser.text("exception-note")).isEqualTo("Shelf counted: 3 left, stock adjusted");
        assertThat(openCount(browser)).isEqualTo(openBefore - 1);
        assertThat(openCount(browser.open("/users"))).as("on every page").isEqualTo(openBefore - 1);
        assertThat(rowIds(browser.open("/exceptions?store=S030"))).containsExactly(rows.get(1));
        assertThat(rowIds(browser.open("/exceptions?store=S030&status=resolved"))).containsExactly(rows.getFirst());
        assertThat(browser.open("/audit?action=exception.resolved").texts("#audit tbody tr")).singleElement().asString()
                .contains("Resolved an exception", "#" + id, "S030", "Shelf counted: 3 left, stock adjusted");
        assertThat(office().server().headOffice().get("/api/v1/exceptions").json().get("exceptions").toString())
                .as("the JSON API lists what was found, resolved or not").contains("690001", "690002");

        PageClient second = office().http();
        second.signIn(office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        second.get("/exceptions/" + rows.get(1).substring("exception-".length()));
        String once = second.formToken();
        assertThat(second.post("/exceptions/" + id + "/resolve", Map.of("_csrf", second.csrfToken(), "_once", once,
                "note", "Someone else's note")).location()).endsWith("notice=exception-already-resolved");
        assertThat(browser.open("/exceptions/" + id).text("exception-note")).as("the first resolution stands")
                .isEqualTo("Shelf counted: 3 left, stock adjusted");
    }

    @Test
    void theListIsFilteredByKindAndDayInTheStoresZoneAWrongDayIsNamedAndTheCsvHoldsWhatIsFiltered() {
        sellBelowZero("S031", "690003");
        Browser browser = office().signInAs(Role.HQ_ADMIN);

        assertThat(rowIds(browser.open("/exceptions?store=S031&kind=NEGATIVE_STOCK&from=2026-11-23&to=2026-11-23"))).hasSize(1);
        assertThat(rowIds(browser.open("/exceptions?store=S031&kind=CLOCK_SKEW"))).isEmpty();
        assertThat(rowIds(browser.open("/exceptions?store=S031&from=2026-11-24"))).isEmpty();
        browser.open("/exceptions?store=S031&from=23.11.2026");
        assertThat(browser.text("from-error")).isEqualTo("Give a day as year-month-day, such as 2026-11-23.");
        assertThat(rowIds(browser)).as("nothing listed while a filter is wrong").isEmpty();

        PageClient http = office().http();
        http.signIn(office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        String csv = http.get("/exceptions.csv?store=S031&status=all").body();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains("Negative stock", "S031", "690003", "Stock went below zero: -1 left");

        Browser chinese = BackOffice.signIn(office().browser("zh-CN"), office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/exceptions?store=S031").texts("#exceptions tbody td"))
                .as("what went wrong, in the page's language").contains("负库存", "库存变为负数：剩余 -1");
    }

    @Test
    void aStoreManagerSeesOnlyTheirStoresExceptionsAndCountAndIsRefusedTheRest() {
        sellBelowZero(BackOffice.STORE, "690004");
        sellBelowZero("S002", "690005");
        Browser browser = office().signInAs(Role.STORE_MANAGER);

        assertThat(browser.text("open-exceptions")).isEqualTo("1 open exceptions");
        browser.click("open-exceptions");
        assertThat(browser.path()).isEqualTo("/stores/" + BackOffice.STORE + "/exceptions");
        assertThat(browser.texts("#exceptions tbody tr")).singleElement().asString().contains("690004").doesNotContain("690005");
        for (String path : List.of("/stores/S002/exceptions", "/stores/S002/exceptions.csv", "/exceptions", "/exceptions.csv",
                "/exceptions/1")) {
            assertThat(browser.open(path).heading()).as(path).isEqualTo("Not allowed");
        }
    }

    /** A till of {@code store} sells one of each SKU, none of which the store holds. */
    private void sellBelowZero(String store, String... skus) {
        TestServer.EnrolledTill till = office().server().enroll(store, store + "-T" + skus[0]);
        List<io.chainpos.model.event.Event> sold = java.util.Arrays.stream(skus)
                .<io.chainpos.model.event.Event>map(sku -> Facts.stock(store, sku, -1_000, StockChanged.Reason.SALE)).toList();
        assertThat(till.push(till.writer().next(sold)).status()).isEqualTo(200);
    }

    private long openCount(Browser browser) {
        return Long.parseLong(browser.text("open-exceptions").replaceAll("[^0-9]", ""));
    }

    private List<String> rowIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#exceptions tbody tr[id]")).stream()
                .map((WebElement row) -> row.getAttribute("id")).toList();
    }
}
