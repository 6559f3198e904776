package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office enrolls a real till from its pages, in a real headless Chromium against the real server on loopback:
 * the code issued in the browser is typed at a real till (its ledger on disk, its sync agent over HTTP), the till
 * shows in the store's list with its last push and its version once it syncs, and once revoked in the browser
 * its next sync is refused.
 */
class HeadOfficeEnrollsARealTillBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @TempDir
    Path dir;

    @Test
    void aCodeIssuedInTheBrowserEnrollsARealTillWhichShowsItsSyncAndIsRefusedOnceRevoked() throws Exception {
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/stores/new");
        browser.fill("id", "S040").fill("name", "Jing'an Temple").fill("address", "1686 Nanjing West Road")
                .fill("zone", "Asia/Shanghai").click("new-store-submit");
        browser.click("store-tills").fill("till", "S040-T1").click("enroll-till-submit");
        String code = browser.text("enrollment-code");

        try (SyncedTill till = SyncedTill.enroll(dir.resolve("till.db"), office.server().clock, office.server()::uri, code)) {
            till.register("13700000040", "王芳");
            assertThat(till.sync().pushed()).isPositive();

            browser.open("/stores/S040/tills");
            assertThat(browser.texts("#till-S040-T1 .till-last-push")).singleElement().asString().isEqualTo("23 Nov 2026, 11:00:00");
            assertThat(browser.texts("#till-S040-T1 .till-online")).containsExactly("Online");
            assertThat(browser.texts("#till-S040-T1 .till-version")).singleElement().asString()
                    .matches("\\d+\\.\\d+\\.\\d+.*").isEqualTo(AppVersion.current());
            assertThat(browser.texts("#till-S040-T1 .till-waiting")).as("it pulled everything there was").containsExactly("0");

            browser.clickConfirming("revoke-S040-T1-submit");
            assertThat(browser.text("notice")).isEqualTo("The till was revoked: its token is refused from now on.");

            till.register("13700000041", "李雷");
            assertThatThrownBy(till::sync).isInstanceOfSatisfying(SyncRefusedException.class,
                    refused -> assertThat(refused.status()).isEqualTo(401));
        }
    }
}
