package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The member messages pages in a real headless Chromium against the real server on SQLite: templates, a campaign, who may. */
class MessagePagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    private static void push(String store, Event... facts) {
        TestServer.EnrolledTill till = office.server().enroll(store, store + "-T" + FeedbackId.newId(office.server().clock));
        assertThat(till.push(till.writer().next(List.of(facts))).status()).isEqualTo(200);
    }

    @Test
    void headOfficeWritesATemplatePreviewsItCreatesACampaignWithAHoldOutAndSendsIt() {
        MemberRegistered first = Facts.registered(Facts.member(861), "13800008611", "周杰");
        push(BackOffice.STORE, first, Facts.registered(Facts.member(862), "13800008622", "吴敏"),
                Facts.registered(Facts.member(863), "13800008633", "郑爽"), Facts.registered(Facts.member(864), "13800008644", "王磊"));

        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/messages");
        assertThat(browser.heading()).isEqualTo("Messages to members");
        browser.click("new-template").fill("name", "We miss you").choose("kind", "CAMPAIGN")
                .fill("bodyZh", "{name}，好久不见，{nmae}").fill("bodyEn", "{name}, we miss you").click("save-template");
        assertThat(browser.text("bodyZh-error")).as("named next to its field").isEqualTo("Unknown placeholder: {nmae}");
        browser.fill("bodyZh", "{name}，好久不见，您有{points}积分").click("save-template");
        assertThat(browser.text("notice")).isEqualTo("The template was saved.");
        browser.fill("card", "nobody").click("preview-submit");
        assertThat(browser.text("card-error")).isEqualTo("No member has this card number");
        browser.fill("card", first.cardNo().toString()).click("preview-submit");
        assertThat(browser.text("preview-zh")).isEqualTo("周杰，好久不见，您有0积分");
        assertThat(browser.text("preview-en")).isEqualTo("周杰, we miss you");

        browser.open("/messages").click("new-campaign").fill("name", "Winter return").fill("holdoutPercent", "95").click("create-campaign");
        assertThat(browser.text("holdoutPercent-error")).isEqualTo("A whole number from 0 to 90");
        browser.fill("holdoutPercent", "50").click("create-campaign");
        assertThat(browser.text("notice")).isEqualTo("The campaign's members were chosen.");
        assertThat(browser.text("campaign-groups")).isEqualTo("2 members targeted, 2 held out (50%)");
        browser.click("send-campaign-submit");
        assertThat(browser.text("notice")).isEqualTo("The campaign's messages were queued.");
        assertThat(browser.texts("#delivery li")).containsExactly("Queued: 2");
        assertThat(browser.texts("#campaign-report tbody tr")).hasSize(2);
        assertThat(browser.texts("#campaign-messages tbody tr")).hasSize(2).allSatisfy(row -> assertThat(row).contains("Queued"));
        assertThat(browser.open("/messages").texts("#campaigns tbody tr")).singleElement().asString().contains("Winter return", "50%");

        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/messages").heading()).isEqualTo("会员消息");
        assertThat(chinese.texts("#templates tbody tr")).singleElement().asString().contains("We miss you", "营销活动");
    }

    @Test
    void theAnalystReadsButWritesNothing() {
        Browser analyst = office.signInAs(Role.HQ_ANALYST).open("/messages");
        assertThat(analyst.heading()).isEqualTo("Messages to members");
        assertThat(analyst.has("new-template")).isFalse();
        assertThat(analyst.has("new-campaign")).isFalse();
        assertThat(analyst.open("/messages/campaigns/new").heading()).isEqualTo("Not allowed");
    }

    @Test
    void aStoreManagerHasNoPartInMemberMessages() {
        Browser manager = office.signInAs(Role.STORE_MANAGER);
        assertThat(manager.texts("header nav a")).doesNotContain("Member messages");
        assertThat(manager.open("/messages").heading()).isEqualTo("Not allowed");
    }
}
