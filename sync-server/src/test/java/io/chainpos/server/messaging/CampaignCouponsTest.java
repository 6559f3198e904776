package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.UuidV7;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns aimed at the buyers of a product, and campaigns that give each targeted member one free coupon code. */
class CampaignCouponsTest {
    static final Instant START = Instant.parse("2026-11-01T04:00:00Z");

    @TempDir
    Path dir;
    MessagingFixture db;
    Templates templates;
    Campaigns campaigns;
    int receipts;

    @BeforeEach
    void open() {
        db = open(dir, START);
        templates = new JdbcTemplates(db.storage.database(), db.clock);
        campaigns = campaigns(db);
        templates.save(new MessageTemplate("t-code", MessageKind.CAMPAIGN, "送券", "{name}，送您优惠券{couponCode}",
                "{name}, here is coupon {couponCode}"), "hq-admin");
        templates.save(new MessageTemplate("t-plain", MessageKind.CAMPAIGN, "问候", "{name}，好久不见", "{name}, we miss you"), "hq-admin");
    }

    private Campaigns campaigns(MessagingFixture on) {
        return on.campaigns(new JdbcTemplates(on.storage.database(), on.clock),
                on.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 3)), new Random(11)::nextLong);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The database these tests run on: a SQLite file here, PostgreSQL in the subclass. */
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.on(dir, now);
    }

    private SaleCompleted sale(MemberId member, String sku) {
        return new SaleCompleted(new SaleId(UuidV7.next(db.clock)), ReceiptNo.of("S001-T1-" + (++receipts)), member, "CNY",
                List.of(new SaleLine(Sku.of(sku), "item", 1000, 1000, 0, 1000, List.of())), List.of(), 1000, 0, 1000,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), 0, 1, "cashier-01");
    }

    @Test
    void theTargetTakesTheBuyersOfAProductEverOrWithinTheLastDays() {
        MemberId longAgo = db.register(801, "13800008011", "老顾客", true);
        MemberId lately = db.register(802, "13800008022", "新顾客", true);
        MemberId other = db.register(803, "13800008033", "别的商品", true);
        db.push(sale(longAgo, "6901"), sale(other, "7001"));
        db.clock.advance(Duration.ofDays(35));
        db.push(sale(lately, "6901"));
        db.clock.advance(Duration.ofDays(5));

        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, null, null, "6901", null)))
                .containsExactlyInAnyOrder(longAgo.toString(), lately.toString());
        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, null, null, "6901", 30)))
                .as("bought 40 days ago is not within 30; 5 days ago is").containsExactly(lately.toString());
        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, null, null, "6901", 5))).containsExactly(lately.toString());
        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, null, null, "6901", 4))).isEmpty();
        assertThat(campaigns.create("x", "t-plain", new CampaignTarget(null, false, null, null, null, null, 30), 0, "hq-admin"))
                .as("days without a product").isEqualTo(new Campaigns.Refused("boughtWithinDays", "days"));
    }

    @Test
    void eachTargetedMemberGetsOneFreeCodeTheHoldOutNoneAndTheReportCountsRedemptions() throws Exception {
        List<MemberId> members = List.of(db.register(811, "13800008111", "一", true), db.register(812, "13800008122", "二", true),
                db.register(813, "13800008133", "三", true), db.register(814, "13800008144", "四", true));
        db.publishCoupons(1, "WINTER", "W-1", "W-2", "W-3", "W-4");
        SaleCompleted earlier = sale(null, "6901");
        db.push(earlier, new CouponRedeemed("w-1", "WINTER", earlier.saleId()));

        assertThat(campaigns.create("冬季", "t-code", CampaignTarget.everyone(), 0, "WINTER", "hq-admin"))
                .as("four targeted, three codes free (W-1 was used in a sale)")
                .isEqualTo(new Campaigns.Refused("couponPromotion", "too-few", List.of(4, 3)));
        assertThat(campaigns.all()).as("nothing kept").isEmpty();
        assertThat(db.codes().givenAmong(List.of("W-1", "W-2", "W-3", "W-4"))).isEmpty();
        assertThat(campaigns.create("冬季", "t-plain", CampaignTarget.everyone(), 25, "WINTER", "hq-admin"))
                .isEqualTo(new Campaigns.Refused("couponPromotion", "unused"));
        assertThat(campaigns.create("冬季", "t-code", CampaignTarget.everyone(), 25, null, "hq-admin"))
                .isEqualTo(new Campaigns.Refused("couponPromotion", "needed"));
        assertThat(campaigns.create("冬季", "t-code", CampaignTarget.everyone(), 25, "NOPE", "hq-admin"))
                .isEqualTo(new Campaigns.Refused("couponPromotion", "unknown"));

        Campaigns.Created created = campaigns.create("冬季", "t-code", CampaignTarget.everyone(), 25, "WINTER", "hq-admin");
        assertThat(created).as("25% of 4 held out").isInstanceOf(Campaigns.Chosen.class);
        String id = ((Campaigns.Chosen) created).campaignId();
        assertThat(((Campaigns.Chosen) created).targeted()).isEqualTo(3);
        assertThat(campaigns.send(id, "zh")).isEqualTo(new Campaigns.Sent(3, 0));

        Map<String, Boolean> chosen = campaigns.members(id);
        String heldOut = chosen.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Outbox.Message> messages = db.outbox.ofCampaign(id);
        assertThat(messages).extracting(Outbox.Message::memberId).doesNotContain(heldOut).hasSize(3);
        Set<String> codesInTexts = messages.stream().map(m -> m.body().substring(m.body().indexOf("优惠券") + 3)).collect(Collectors.toSet());
        assertThat(codesInTexts).as("one distinct free code each").isEqualTo(Set.of("W-2", "W-3", "W-4"));
        assertThat(db.codes().given(id)).doesNotContainKey(heldOut).hasSize(3);

        if (db.file != null) {
            db = db.reopened();
            campaigns = campaigns(db);
        }
        assertThat(campaigns.send(id, "zh")).as("resumed after a restart: nobody twice").isEqualTo(new Campaigns.Sent(0, 0));
        assertThat(new HashSet<>(db.codes().given(id).values())).isEqualTo(Set.of("W-2", "W-3", "W-4"));
        assertThat(db.sender(new FileChannel(dir.resolve("sent.jsonl")), QuietHours.none(MessagingFixture.SHANGHAI), Backoff.standard())
                .sendDue()).isEqualTo(3);

        String someCode = db.codes().given(id).values().iterator().next();
        SaleCompleted used = sale(members.getFirst(), "6901");
        db.clock.advance(Duration.ofDays(2));
        // another till: the reopened fixture's own till would start its numbering again
        db.push(new io.chainpos.server.testing.TillWriter("S001", "S001-T2", 1, db.clock), used,
                new CouponRedeemed(someCode, "WINTER", used.saleId()));

        CampaignReport report = campaigns.report(id).orElseThrow();
        assertThat(report.codesSent()).isEqualTo(3);
        assertThat(report.codesRedeemed()).isEqualTo(1);
        assertThat(report.spend().n1() + report.spend().n2()).as("the spend comparison counts both groups as before").isEqualTo(4);
    }
}
