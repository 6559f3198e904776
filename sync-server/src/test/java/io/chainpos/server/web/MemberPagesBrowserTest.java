package io.chainpos.server.web;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.id.TopUpId;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Head office's member pages in a real headless Chromium: find, read, erase; a store manager kept to their store. */
class MemberPagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void members() {
        TestServer.EnrolledTill s1 = office.server().enroll("S001", "S001-T1");
        TestServer.EnrolledTill s2 = office.server().enroll("S002", "S002-T1");
        TopUpId topUp = new TopUpId(UUID.fromString("0192f0a0-0000-7000-8000-000000000077"));
        assertThat(s1.push(s1.writer().next(List.of(registered(member(1), "13800138000", "王小明"),
                new StoredValueChanged(member(1), 10_000, StoredValueChanged.Reason.TOPUP, null, 0, topUp),
                new StoredValueChanged(member(1), 2_000, StoredValueChanged.Reason.BONUS, null, 2_000, topUp),
                new PointsChanged(member(1), 120, PointsChanged.Reason.EARN, null, List.of("BASE:1/yuan"), 12_000),
                registered(member(3), "13700137000", "赵六")))).status()).isEqualTo(200);
        assertThat(s2.push(s2.writer().next(List.of(registered(member(2), "13900139000", "李四")))).status()).isEqualTo(200);
    }

    @Test
    void headOfficeFindsAMemberByPhoneAndSeesPaidAndBonusStoredValue() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/members");

        browser.fill("phone", "138 0013 8000").click("find-by-phone-submit");

        assertThat(browser.path()).isEqualTo("/members/" + member(1));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("138");
        assertThat(browser.text("member-name")).isEqualTo("王小明");
        assertThat(browser.text("member-phone")).isEqualTo("13800138000");
        assertThat(browser.text("member-points")).isEqualTo("120");
        assertThat(browser.text("member-stored-value")).endsWith("120.00");
        assertThat(browser.text("member-paid")).endsWith("100.00");
        assertThat(browser.text("member-bonus")).endsWith("20.00");
        assertThat(browser.source()).contains("Paid (本金)", "Bonus (赠金)");
        assertThat(browser.texts("#member-history tbody td")).contains("Registered", "Stored value", "Points", "S001");
        assertThat(browser.has("erase-member")).as("an analyst erases nothing").isFalse();

        browser.open("/members").fill("phone", "13800000009").click("find-by-phone-submit");
        assertThat(browser.text("phone-error")).isEqualTo("No member has this mobile number.");
        browser.fill("phone", "12345").click("find-by-phone-submit");
        assertThat(browser.text("phone-error")).isEqualTo("Type a mainland mobile number (11 digits, starting with 1).");
        browser.fill("name", "小明").click("find-by-name-submit");
        assertThat(browser.texts("#found tbody td")).contains("王小明");
    }

    @Test
    void erasureIsRefusedWithoutTheCardNumberAndDoneWithIt() {
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/members/" + member(3));
        String card = browser.text("member-card");
        assertThat(browser.text("member-name")).isEqualTo("赵六");

        browser.fill("confirm", "yes").click("erase-member-submit");
        assertThat(browser.text("confirm-error")).isEqualTo("Type the member's card number exactly to confirm; nothing was erased.");
        assertThat(browser.text("member-name")).isEqualTo("赵六");

        browser.fill("confirm", card).click("erase-member-submit");
        assertThat(browser.text("notice")).isEqualTo("The member's personal data was erased.");
        assertThat(browser.text("member-name")).isEqualTo("(erased)");
        assertThat(browser.text("member-phone")).isEqualTo("(erased)");
        assertThat(browser.source()).doesNotContain("赵六", "13700137000");
        assertThat(browser.has("erase-member")).isFalse();

        browser.open("/members").fill("phone", "13700137000").click("find-by-phone-submit");
        assertThat(browser.text("phone-error")).isEqualTo("No member has this mobile number.");
        browser.fill("name", "赵六").click("find-by-name-submit");
        assertThat(browser.texts("#found tbody td")).containsExactly("No member found among the names read.");
        browser.open("/audit?action=member.erased");
        assertThat(browser.texts("#audit tbody tr")).singleElement().asString()
                .contains("Erased a member's personal data", office.user(Role.HQ_ADMIN), member(3).toString());
    }

    @Test
    void aStoreManagerReadsTheirStoresMembersAndIsRefusedAnotherStoresMember() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);
        assertThat(browser.texts("header nav a")).contains("My store's members");

        browser.open("/stores/S001/members").fill("phone", "13800138000").click("find-by-phone-submit");
        assertThat(browser.path()).isEqualTo("/stores/S001/members/" + member(1));
        assertThat(browser.text("member-bonus")).endsWith("20.00");
        assertThat(browser.has("erase-member")).isFalse();
        assertThat(browser.has("member-export")).isFalse();

        browser.open("/stores/S001/members").fill("phone", "13900139000").click("find-by-phone-submit");
        assertThat(browser.text("phone-error")).as("another store's member is not found from here").isEqualTo("No member has this mobile number.");
        browser.open("/stores/S001/members/" + member(2));
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.text("error-message")).isEqualTo("This member was not registered at your store.");
        for (String path : List.of("/stores/S002/members", "/stores/S002/members/" + member(2), "/members/" + member(1), "/members")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }
}
