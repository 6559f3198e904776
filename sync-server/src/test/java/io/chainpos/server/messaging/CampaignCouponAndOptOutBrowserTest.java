package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.UuidV7;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.auth.Role;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.member.JdbcMarketingConsent;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real headless Chromium against the real server on SQLite: a campaign aimed at a product's buyers with a coupon
 * batch (refused with too few codes, then created and sent), the scheduled messages' settings, and the opt-out (退订)
 * button on head office's member page. Its own server: the members here would change other tests' targets.
 */
class CampaignCouponAndOptOutBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    private static int receipts;

    private static void push(Event... facts) {
        TestServer.EnrolledTill till = office.server().enroll(BackOffice.STORE, BackOffice.STORE + "-T" + FeedbackId.newId(office.server().clock));
        assertThat(till.push(till.writer().next(List.of(facts))).status()).isEqualTo(200);
    }

    private static SaleCompleted bought(MemberId member, String sku) {
        return new SaleCompleted(new SaleId(UuidV7.next(office.server().clock)), ReceiptNo.of("S001-B-" + (++receipts)), member, "CNY",
                List.of(new SaleLine(Sku.of(sku), "item", 1000, 1000, 0, 1000, List.of())), List.of(), 1000, 0, 1000,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), 0, 1, "cashier-01");
    }

    @Test
    void aCampaignToAProductsBuyersGivesCouponCodesOnlyWhenThereAreEnough() {
        MemberId a = Facts.member(871);
        MemberId b = Facts.member(872);
        MemberId c = Facts.member(873);
        push(Facts.registered(a, "13800008711", "甲"), Facts.registered(b, "13800008722", "乙"), Facts.registered(c, "13800008733", "丙"),
                Facts.registered(Facts.member(874), "13800008744", "丁"));
        push(bought(a, "TEA-1"), bought(b, "TEA-1"), bought(c, "TEA-1"), bought(Facts.member(874), "COFFEE-1"));
        new HeadOffice(office.server().ports.log(), Json.CODEC, office.server().clock).publish(List.of(new PromotionsPublished(1,
                office.server().clock.instant(), List.of(Promotion.everywhere("TEA5", "茶券", "Tea coupon", 1, false,
                        new Rule.Coupon(List.of("TEA-A", "TEA-B"), 500, 0, 0))))));
        new JdbcTemplates(office.server().storage.database(), office.server().clock).save(new MessageTemplate("t-tea", MessageKind.CAMPAIGN,
                "Tea lovers", "{name}，茶券{couponCode}", "{name}, tea coupon {couponCode}"), "hq-admin");

        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/messages").click("new-campaign");
        assertThat(browser.texts("#couponPromotion option")).containsExactly("No coupon", "TEA5 Tea coupon: 2 of 2 codes free");
        browser.fill("name", "Tea").choose("templateId", "t-tea").fill("boughtSku", "TEA-1").fill("boughtWithinDays", "many")
                .fill("holdoutPercent", "0").choose("couponPromotion", "TEA5").click("create-campaign");
        assertThat(browser.text("boughtWithinDays-error")).isEqualTo("A whole number of days, 1 or more, with a product");
        browser.fill("boughtWithinDays", "30").click("create-campaign");
        assertThat(browser.text("couponPromotion-error")).isEqualTo("The campaign targets 3 members but the coupon promotion has only 2 "
                + "free codes: nothing was created. Add codes to the promotion or narrow the target");
        browser.fill("holdoutPercent", "34").click("create-campaign");
        assertThat(browser.text("notice")).isEqualTo("The campaign's members were chosen.");
        assertThat(browser.text("campaign-groups")).as("34% of 3 is 1 held out").isEqualTo("2 members targeted, 1 held out (34%)");
        assertThat(browser.text("campaign-coupon")).isEqualTo("Coupon promotion (one code per targeted member): TEA5");
        browser.click("send-campaign-submit");
        assertThat(browser.texts("#delivery li")).containsExactly("Queued: 2");
        assertThat(browser.text("campaign-redemptions")).as("nothing sent yet").isEqualTo("0 coupon codes sent, 0 used in sales");
        assertThat(browser.open("/messages/campaigns/new").texts("#couponPromotion option")).as("both codes given")
                .contains("TEA5 Tea coupon: 0 of 2 codes free");

        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        chinese.open("/messages/campaigns/new").fill("name", "再来").choose("templateId", "t-tea").fill("boughtSku", "TEA-1")
                .choose("couponPromotion", "TEA5").click("create-campaign");
        assertThat(chinese.text("couponPromotion-error")).as("the hold-out left empty is 10%: none of 3")
                .isEqualTo("活动目标会员3人，但该优惠券只剩0个可用券码：未创建活动。请给该促销增加券码或缩小目标范围");
    }

    @Test
    void headOfficeSetsTheStoredValueThresholdAndTheBirthdayCoupon() {
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/messages").click("message-settings");
        browser.fill("storedValueLowBelow", "fifty").click("save-settings");
        assertThat(browser.text("storedValueLowBelow-error")).isEqualTo("An amount in yuan above 0, like 50 or 49.50");
        assertThat(new JdbcMessageSettings(office.server().storage.database(), office.server().clock).values().storedValueLowBelow())
                .as("nothing kept").isEmpty();
        browser.fill("storedValueLowBelow", "49.5").click("save-settings");
        assertThat(browser.text("notice")).isEqualTo("The settings were saved.");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("storedValueLowBelow")).getAttribute("value")).isEqualTo("49.50");
        assertThat(new JdbcMessageSettings(office.server().storage.database(), office.server().clock).values().storedValueLowBelow())
                .contains(4_950L);
        browser.driver().manage().deleteAllCookies();
        assertThat(office.signInAs(Role.HQ_ANALYST).open("/messages/settings").heading()).isEqualTo("Not allowed");
    }

    @Test
    void theAdminOptsAMemberOutFromTheMemberPageAndTheAnalystCannot() {
        MemberId member = Facts.member(881);
        MemberRegistered registered = Facts.registered(member, "13800008811", "退订者");
        push(registered);

        Browser analyst = office.signInAs(Role.HQ_ANALYST).open("/members/" + member);
        assertThat(analyst.text("member-marketing")).isEqualTo("Consents");
        assertThat(analyst.has("opt-out-member-submit")).isFalse();

        analyst.driver().manage().deleteAllCookies();
        Browser admin = office.signInAs(Role.HQ_ADMIN).open("/members/" + member);
        admin.click("opt-out-member-submit");
        assertThat(admin.text("notice")).isEqualTo("The member was opted out of marketing messages.");
        assertThat(admin.text("member-marketing")).isEqualTo("Declined or opted out");
        assertThat(admin.has("opt-out-member-submit")).isFalse();
        assertThat(new JdbcMarketingConsent(office.server().storage.database()).standing(member))
                .as("the consent change every till pulls is in the log").isEqualTo(MarketingConsent.Standing.DECLINED);
        assertThat(new JdbcOutbox(office.server().storage.database()).optOuts(member.toString())).isEqualTo(1);
        String source = office.server().storage.database().read(h -> h.createQuery("SELECT source FROM message_opt_outs WHERE member_id = :m")
                .bind("m", member.toString()).mapTo(String.class).one());
        assertThat(source).isEqualTo("head office: " + office.user(Role.HQ_ADMIN));
        assertThat(admin.open("/audit").source()).contains("member.opted-out");

        Browser chinese = BackOffice.signIn(office.browser("zh-CN"), office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/members/" + member).text("member-marketing")).isEqualTo("未同意或已退订");
    }
}
