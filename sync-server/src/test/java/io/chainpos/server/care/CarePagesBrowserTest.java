package io.chainpos.server.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.auth.Role;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The feedback and complaints pages in a real headless Chromium against the real server on SQLite. */
class CarePagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void stores() {
        JdbcStores stores = new JdbcStores(office.server().storage.database());
        for (String store : List.of("S001", "S002", "S050", "S051")) {
            stores.add(new Stores.Store(store, "Store " + store, "", ZoneId.of("Asia/Shanghai"), 1, TestServer.START));
        }
    }

    /** A till of {@code store} records these, and the server takes them. */
    private static void push(String store, Event... facts) {
        TestServer.EnrolledTill till = office.server().enroll(store, store + "-T" + FeedbackId.newId(office.server().clock));
        assertThat(till.push(till.writer().next(List.of(facts))).status()).isEqualTo(200);
    }

    private static FeedbackRecorded anonymous(String store, FeedbackRecorded.Category category, String words) {
        return new FeedbackRecorded(FeedbackId.newId(office.server().clock), null, StoreId.of(store), category, words, null,
                "cashier-01", FeedbackRecorded.Channel.TILL);
    }

    private static List<String> rowIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#care tbody tr[id]")).stream()
                .map((WebElement row) -> row.getAttribute("id").substring("feedback-".length())).toList();
    }

    @Test
    void headOfficeFiltersSeesAgeingChangesTheStatusWithANoteAndRecordsOne() {
        MemberId member = Facts.member(801);
        FeedbackRecorded rude = new FeedbackRecorded(FeedbackId.newId(office.server().clock), member, StoreId.of("S050"),
                FeedbackRecorded.Category.SERVICE, null, Facts.key(member).seal("收银员态度不好"), "cashier-01",
                FeedbackRecorded.Channel.TILL);
        push("S050", Facts.registered(member, "13800008011", "赵敏"), rude);
        FeedbackRecorded dirty = anonymous("S051", FeedbackRecorded.Category.HYGIENE, "The floor by the door is dirty");
        push("S051", dirty);
        office.server().clock.advance(Duration.ofHours(26).plusMinutes(10));
        String rudeId = rude.feedbackId().toString();
        String dirtyId = dirty.feedbackId().toString();

        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/care");
        assertThat(rowIds(browser)).contains(rudeId, dirtyId);
        assertThat(browser.text("feedback-" + rudeId)).as("the member's words opened with their key, and the time open")
                .contains("Service", "收银员态度不好", "Open", "1 d 2 h");
        browser.fill("store", "S051").click("filter-care");
        assertThat(rowIds(browser)).containsExactly(dirtyId);
        assertThat(rowIds(browser.open("/care?category=SERVICE&store=S050"))).containsExactly(rudeId);
        assertThat(rowIds(browser.open("/care?category=PRICE&store=S050"))).isEmpty();
        browser.open("/care?status=SOMETIMES");
        assertThat(browser.text("status-error")).isEqualTo("Choose a status.");

        browser.open("/care?store=S050").click("open-feedback-" + rudeId);
        assertThat(browser.path()).isEqualTo("/stores/S050/care/" + rudeId);
        assertThat(browser.text("feedback-words")).isEqualTo("收银员态度不好");
        browser.click("update-feedback-submit");
        assertThat(browser.text("status-error")).isEqualTo("Change the status or the handler, or write a note.");
        browser.choose("status", "IN_PROGRESS").fill("handler", "Manager Li").fill("note", "Called the customer back")
                .click("update-feedback-submit");
        assertThat(browser.text("notice")).isEqualTo("The feedback was changed.");
        assertThat(browser.text("feedback-status")).isEqualTo("In progress");
        assertThat(browser.text("feedback-handler")).isEqualTo("Manager Li");
        assertThat(browser.texts("#feedback-notes tbody tr")).singleElement().asString()
                .contains("hq:hq-admin", "In progress", "Manager Li", "Called the customer back");
        assertThat(rowIds(browser.open("/care?store=S050&status=IN_PROGRESS"))).containsExactly(rudeId);
        assertThat(rowIds(browser.open("/care?store=S050&status=OPEN"))).isEmpty();
        browser.open("/stores/S050/care/" + rudeId).choose("status", "RESOLVED").click("update-feedback-submit");
        assertThat(rowIds(browser.open("/care?store=S050"))).as("the default list is what is still being worked on").isEmpty();
        assertThat(browser.open("/audit?action=care.updated").texts("#audit tbody tr")).hasSize(2).allSatisfy(row ->
                assertThat(row).contains("Changed feedback", "S050").doesNotContain("Called the customer back"));

        browser.open("/care").click("record-feedback").fill("store", "S051").click("new-feedback-submit");
        assertThat(browser.text("text-error")).isEqualTo("Write what the customer said.");
        browser.choose("category", "PRICE").fill("text", "Shelf price 3.50, charged 4.00").click("new-feedback-submit");
        assertThat(browser.text("notice")).isEqualTo("The feedback was recorded.");
        assertThat(browser.path()).startsWith("/stores/S051/care/");
        assertThat(browser.text("feedback-words")).isEqualTo("Shelf price 3.50, charged 4.00");
        assertThat(rowIds(browser.open("/care?store=S051&category=PRICE"))).hasSize(1);

        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/care?store=S051&category=HYGIENE").text("feedback-" + dirtyId)).contains("卫生", "待处理", "1 天 2 小时");
    }

    @Test
    void aStoreManagerSeesTheirStoresComplaintsHandlesThemAndIsRefusedAnotherStores() {
        FeedbackRecorded own = anonymous(BackOffice.STORE, FeedbackRecorded.Category.PRODUCT, "Milk past its date");
        push(BackOffice.STORE, own);
        FeedbackRecorded other = anonymous("S002", FeedbackRecorded.Category.PRICE, "Wrong price on the shelf");
        push("S002", other);
        Browser browser = office.signInAs(Role.STORE_MANAGER).open("/stores/" + BackOffice.STORE + "/care");

        assertThat(rowIds(browser)).contains(own.feedbackId().toString()).doesNotContain(other.feedbackId().toString());
        for (String path : List.of("/care", "/stores/S002/care", "/stores/S002/care/" + other.feedbackId(), "/care/new")) {
            assertThat(browser.open(path).heading()).as(path).isEqualTo("Not allowed");
        }
        browser.open("/stores/" + BackOffice.STORE + "/care/" + other.feedbackId());
        assertThat(browser.text("error-message")).as("another store's complaint asked for under one's own store")
                .isEqualTo("There is no such page.");
        assertThat(browser.source()).doesNotContain("Wrong price on the shelf");

        browser.open("/stores/" + BackOffice.STORE + "/care/" + own.feedbackId()).choose("status", "CLOSED")
                .fill("note", "Took the milk off the shelf").click("update-feedback-submit");
        assertThat(browser.text("feedback-status")).isEqualTo("Closed");
        assertThat(browser.text("back-to-care")).isEqualTo("All feedback");
    }
}
