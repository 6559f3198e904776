package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.member.JdbcMarketingConsent;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A server's database opened on a file with the messaging parts over it, and members registered by a till. */
final class MessagingFixture implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Path file;
    final ManualClock clock;
    final Storage storage;
    final Ports ports;
    final HeadOffice headOffice;
    final Outbox outbox;
    final MarketingConsent consent;
    final TillWriter till;

    MessagingFixture(Path file, ManualClock clock) {
        this(file, clock, Storage.open(file.toString()));
    }

    MessagingFixture(Path file, ManualClock clock, Storage storage) {
        this(file, clock, storage, new TillWriter("S001", "S001-T1", 1, clock));
    }

    /** {@code till}: the till that goes on numbering its events where it was (a reopened file has its events). */
    private MessagingFixture(Path file, ManualClock clock, Storage storage, TillWriter till) {
        this.file = file;
        this.clock = clock;
        this.storage = storage;
        this.ports = Ports.on(storage, Json.CODEC, clock);
        ports.members().memberLookupSecret(Facts.LOOKUP_SECRET);
        this.headOffice = new HeadOffice(ports.log(), Json.CODEC, clock);
        this.outbox = new JdbcOutbox(storage.database());
        this.consent = new JdbcMarketingConsent(storage.database());
        this.till = till;
    }

    static MessagingFixture on(Path dir, Instant now) {
        return new MessagingFixture(dir.resolve("events.db"), new ManualClock(now, SHANGHAI));
    }

    /** On a fresh embedded PostgreSQL database instead of a SQLite file. */
    static MessagingFixture onPostgres(Instant now) {
        return new MessagingFixture(null, new ManualClock(now, SHANGHAI), Storage.open(
                io.chainpos.server.db.DatabaseSettings.of(io.chainpos.server.testing.EmbeddedDatabase.newDatabase()).withPoolSize(4)));
    }

    /** The same database file opened again, as a restarted server would. */
    MessagingFixture reopened() {
        storage.close();
        return new MessagingFixture(file, clock, Storage.open(file.toString()), till);
    }

    MemberId register(int n, String phone, String name, boolean consents) {
        return register(till, n, phone, name, consents);
    }

    MemberId register(TillWriter at, int n, String phone, String name, boolean consents) {
        return register(at, n, phone, name, consents, null);
    }

    MemberId register(TillWriter at, int n, String phone, String name, boolean consents, java.time.LocalDate birthday) {
        MemberId member = Facts.member(n);
        ports.members().storeMemberKeys(List.of(Facts.key(member)));
        MemberRegistered registered = new PersonalData(phone, name, birthday).register(Facts.key(member), Facts.LOOKUP,
                Gender.UNSPECIFIED, CardNo.of("88" + member.value().toString().substring(24)), "NORMAL", consents);
        push(at, registered);
        return member;
    }

    void push(Event... payloads) {
        push(till, payloads);
    }

    void push(TillWriter writer, Event... payloads) {
        IngestResult result = ports.log().ingest(new IngestBatch(writer.till, writer.epoch, Json.incoming(writer.next(List.of(payloads)))));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
        assertThat(((IngestResult.Stored) result).accepted()).as("every event stored, none taken for one already there")
                .isEqualTo(payloads.length);
    }

    Messaging messaging(Messaging.Rules rules) {
        return new Messaging(outbox, ports.members(), consent, headOffice, rules, clock);
    }

    MessageSender sender(MessageChannel channel, QuietHours quiet, Backoff backoff) {
        return new MessageSender(outbox, channel, consent, ports.members(), quiet, backoff, java.time.Duration.ofMinutes(2), clock);
    }

    CouponCodes codes() {
        return new JdbcCouponCodes(storage.database());
    }

    CouponBatches coupons() {
        return new CouponBatches(ports.promotions(), ports.couponRedemptions(), codes());
    }

    Campaigns campaigns(Templates templates, Messaging messaging, java.util.function.LongSupplier seeds) {
        return new Campaigns(new JdbcCampaignBook(storage.database()), templates, messaging, outbox, ports.memberActivities(), consent,
                ports.coPurchases(), coupons(), codes(), SHANGHAI, clock, seeds);
    }

    MessageSettings settings() {
        return new JdbcMessageSettings(storage.database(), clock);
    }

    DailyReminders.Scheduled scheduled(Messaging messaging) {
        return new DailyReminders.Scheduled(
                new BirthdayGreetings(new io.chainpos.server.member.JdbcBirthdays(storage.database(), storage.keys()), messaging, outbox,
                        coupons(), codes(), SHANGHAI, clock),
                new StoredValueLow(new io.chainpos.server.member.JdbcStoredValues(storage.database()),
                        new JdbcStoredValueWatch(storage.database()), messaging, outbox, clock), settings());
    }

    /** Head office publishes one coupon promotion (5.00 off) with these codes, as the next version of its set. */
    void publishCoupons(long version, String promotionCode, String... codes) {
        headOffice.publish(List.of(new io.chainpos.model.event.PromotionsPublished(version, clock.instant(), List.of(
                io.chainpos.model.promotion.Promotion.everywhere(promotionCode, "券" + promotionCode, "Coupon " + promotionCode, 1, false,
                        new io.chainpos.model.promotion.Rule.Coupon(List.of(codes), 500, 0, 0))))));
    }

    static MessageTemplate template(String zh, String en) {
        return new MessageTemplate("t1", MessageKind.CAMPAIGN, "test", zh, en);
    }

    @Override
    public void close() {
        storage.close();
    }
}
