package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.UuidV7;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaigns: a target from the members who consented, a random hold-out sent nothing, and a report whose difference
 * between the groups finds an effect the fixture put there (each targeted member given one extra sale of 50.00 after
 * the send, on top of the same seeded random shopping for everyone).
 */
class CampaignTest {
    static final Instant START = Instant.parse("2026-11-01T04:00:00Z");
    static final long EXTRA = 5000;

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
        Messaging messaging = db.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 3));
        campaigns = db.campaigns(templates, messaging, new Random(7)::nextLong);
        assertThat(templates.save(new MessageTemplate("t-back", MessageKind.CAMPAIGN, "回来看看", "{name}，好久不见，本周回店满100减20",
                "{name}, we miss you: 20 off 100 this week"), "hq-admin")).isInstanceOf(Templates.Kept.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The database these tests run on: a SQLite file here, PostgreSQL in the subclass. */
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.on(dir, now);
    }

    private SaleCompleted sale(TillWriter till, MemberId member, long total) {
        return new SaleCompleted(new SaleId(UuidV7.next(db.clock)), ReceiptNo.of(till.till.value() + "-" + (++receipts)), member, "CNY",
                List.of(new SaleLine(Sku.of("6901"), "item", 1000, total, 0, total, List.of())), List.of(), total, 0, total,
                List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier-01");
    }

    @Test
    void theReportFindsTheEffectTheFixturePutOnTheTargetedMembersWithinItsInterval() throws Exception {
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add(db.register(900 + i, "1390000%04d".formatted(i), "会员" + i, true));
        }
        MemberId declined = db.register(1100, "13911110000", "不要短信", false);
        db.clock.advance(Duration.ofDays(1));

        Campaigns.Created created = campaigns.create("回店礼", "t-back", CampaignTarget.everyone(), 50, "hq-admin");
        assertThat(created).isEqualTo(new Campaigns.Chosen(((Campaigns.Chosen) created).campaignId(), 100, 100));
        String id = ((Campaigns.Chosen) created).campaignId();
        Campaigns.Sent sent = campaigns.send(id, "zh");
        assertThat(sent).isEqualTo(new Campaigns.Sent(100, 0));
        assertThat(campaigns.send(id, "zh")).as("sending again queues nobody twice").isEqualTo(new Campaigns.Sent(0, 0));
        Path file = dir.resolve("sent.jsonl");
        assertThat(db.sender(new FileChannel(file), QuietHours.none(MessagingFixture.SHANGHAI), Backoff.standard()).sendDue()).isEqualTo(100);

        Map<String, Boolean> chosen = new JdbcCampaignBook(db.storage.database()).members(id);
        assertThat(chosen).doesNotContainKey(declined.toString()).hasSize(200);
        Set<String> messaged = db.outbox.ofCampaign(id).stream().map(Outbox.Message::memberId).collect(Collectors.toSet());
        Set<String> heldOut = chosen.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(messaged).hasSize(100).doesNotContainAnyElementsOf(heldOut);

        Random random = new Random(20261201);
        for (int day = 0; day < 14; day++) {
            db.clock.advance(Duration.ofDays(1));
            List<SaleCompleted> sales = new ArrayList<>();
            for (MemberId member : members) {
                if (random.nextInt(7) == 0) {
                    sales.add(sale(db.till, member, 3000 + random.nextInt(6000)));
                }
                if (day == 3 && !heldOut.contains(member.toString())) {
                    sales.add(sale(db.till, member, EXTRA));
                }
            }
            db.push(sales.toArray(SaleCompleted[]::new));
        }

        CampaignReport report = campaigns.report(id).orElseThrow();

        assertThat(report.messages()).isEqualTo(Map.of(Outbox.Status.SENT, 100L));
        assertThat(report.spend().n1()).isEqualTo(100);
        assertThat(report.spend().n2()).isEqualTo(100);
        assertThat(report.spend().low()).as("the interval holds the effect put there").isLessThanOrEqualTo(EXTRA);
        assertThat(report.spend().high()).isGreaterThanOrEqualTo(EXTRA);
        assertThat(report.spend().clear()).as("and tells it from none").isTrue();
        assertThat(report.visits().low()).isLessThanOrEqualTo(1.0);
        assertThat(report.visits().high()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theTargetNarrowsByHomeStoreAndLastVisitAndLeavesOutThoseWhoDidNotConsent() {
        TillWriter s002 = new TillWriter("S002", "S002-T1", 1, db.clock);
        MemberId here = db.register(950, "13900009500", "本店常客", true);
        MemberId lapsed = db.register(951, "13900009510", "本店久未到店", true);
        db.push(sale(db.till, here, 1000), sale(db.till, lapsed, 1000));
        MemberId elsewhere = db.register(s002, 952, "13900009520", "外店常客", true);
        MemberId noConsent = db.register(s002, 953, "13900009530", "外店不要短信", false);
        db.clock.advance(Duration.ofDays(40));
        db.push(sale(db.till, here, 2000));

        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, "S002", null))).containsExactly(elsewhere.toString());
        assertThat(campaigns.chosen(new CampaignTarget(null, false, null, "S001", LocalDate.of(2026, 11, 20))))
                .containsExactly(lapsed.toString());
        assertThat(campaigns.chosen(CampaignTarget.everyone())).doesNotContain(noConsent.toString()).hasSize(3);
    }
}
