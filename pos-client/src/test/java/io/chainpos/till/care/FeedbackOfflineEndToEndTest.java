package io.chainpos.till.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.Chromium;
import io.chainpos.till.member.Member;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * Issue 18's promise with every part real: a member's complaint taken at a till while the server is down is kept in the
 * till's ledger, reaches the server when it is back, and head office reads it, opened with the member's key, on the
 * complaints page of a headless Chromium, with its store's time and how long it has been open.
 */
class FeedbackOfflineEndToEndTest {
    private static final String PASSWORD = "complaints seen at head office";

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

    @Test
    void aComplaintTakenWhileTheServerIsDownReachesHeadOfficeAfterSync() throws Exception {
        server = RealServer.startOn(dir.resolve("server.db").toString(), clock, Duration.ofDays(30), false);
        server.createUser("li.care", Role.HQ_ADMIN, null, PASSWORD);
        till = SyncedTill.enroll(dir.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        Member member = till.register("13800009001", "陈静");
        till.sync();

        server.stop();
        RecordFeedback feedback = new RecordFeedback(till.till.ledger, till.till.members, clock);
        RecordFeedback.Result result = feedback.record(member.memberId(), FeedbackRecorded.Category.PRICE,
                "价签写3元，收银时收了4元", "cashier-01");
        assertThat(result).isInstanceOf(RecordFeedback.Recorded.class);
        assertThatThrownBy(till::sync).as("the server is down").isInstanceOf(IOException.class);
        assertThat(till.till.ledger.syncMarks().pendingCount()).as("the complaint waits in the ledger").isEqualTo(1);

        clock.advance(Duration.ofHours(3));
        server.restart();
        till.sync();
        assertThat(till.till.ledger.syncMarks().pendingCount()).isZero();

        driver = Chromium.start("en");
        Browser browser = BackOffice.signIn(Browser.on(driver, server.uri()), "li.care", PASSWORD);
        String id = ((RecordFeedback.Recorded) result).feedback().feedbackId().toString();
        List<String> row = browser.open("/care?store=S001").texts("#feedback-" + id + " td");
        assertThat(row).containsExactly("23 Nov 2026, 11:00:00", "S001", "Price",
                member.cardNo().value(),
                "价签写3元，收银时收了4元", "Open", "", "0 d 3 h");
        browser.click("open-feedback-" + id);
        assertThat(browser.text("feedback-words")).isEqualTo("价签写3元，收银时收了4元");
        assertThat(browser.text("feedback-member")).contains(member.cardNo().value(), "陈静");
    }
}
