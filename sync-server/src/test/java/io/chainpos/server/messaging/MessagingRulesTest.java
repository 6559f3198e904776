package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.audit.JdbcAuditLog;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.log.PullQuery;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.member.MemberErasure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain's rules on messages, each sent through the demo's file channel: consent to marketing, an opt-out taken at
 * once and stated to the tills, quiet hours, the weekly cap and an erased member's messages dropped.
 */
class MessagingRulesTest {
    /** 12:00 in Shanghai. */
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), MessagingFixture.SHANGHAI);
    static final MessageTemplate HELLO = MessagingFixture.template("{name}，本周会员日全场9折", "{name}, 10% off this week");

    @TempDir
    Path dir;
    MessagingFixture db;
    Path sentFile;
    MemberId consenting;

    @BeforeEach
    void open() {
        db = open(dir, NOON);
        sentFile = dir.resolve("messages.jsonl");
        consenting = db.register(811, "13800008111", "张伟", true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The database these tests run on: a SQLite file here, PostgreSQL in the subclass. */
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.on(dir, now);
    }

    private Messaging messaging(int weeklyCap) {
        return db.messaging(new Messaging.Rules(NIGHT, weeklyCap));
    }

    private MessageSender sender() {
        return db.sender(new FileChannel(sentFile), NIGHT, Backoff.standard());
    }

    private List<String> linesSent() throws IOException {
        return Files.exists(sentFile) ? Files.readAllLines(sentFile) : List.of();
    }

    private String queued(Messaging.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Messaging.Queued.class);
        return ((Messaging.Queued) outcome).messageId();
    }

    @Test
    void aConsentingMemberIsSentTheMessageFilledInThroughTheFileChannel() throws Exception {
        String id = queued(messaging(3).queue(consenting, HELLO, "zh", Map.of(), null));

        assertThat(sender().sendDue()).isEqualTo(1);

        assertThat(linesSent()).singleElement().asString()
                .contains("\"messageId\":\"" + id + "\"", "\"to\":\"13800008111\"", "\"text\":\"张伟，本周会员日全场9折\"");
        assertThat(db.outbox.message(id).orElseThrow().status()).isEqualTo(Outbox.Status.SENT);
    }

    @Test
    void aMemberWhoDidNotConsentIsRefused() throws IOException {
        MemberId declined = db.register(812, "13800008122", "刘洋", false);

        Messaging.Outcome outcome = messaging(3).queue(declined, HELLO, "zh", Map.of(), null);

        assertThat(outcome).isEqualTo(new Messaging.Refused(Messaging.Why.NO_CONSENT, declined.toString()));
        assertThat(linesSent()).isEmpty();
    }

    @Test
    void anOptOutDropsTheQueuedMessagesAtOnceAndIsStatedToTheTillsAsAProfileChange() throws Exception {
        Messaging messaging = messaging(3);
        String id = queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
        db.clock.advance(Duration.ofMinutes(1));

        int dropped = messaging.optOut(consenting, "reply TD to " + id);

        assertThat(dropped).isEqualTo(1);
        assertThat(db.outbox.message(id).orElseThrow().status()).isEqualTo(Outbox.Status.DROPPED);
        assertThat(db.outbox.message(id).orElseThrow().body()).isNull();
        assertThat(db.outbox.optOuts(consenting.toString())).isEqualTo(1);
        assertThat(db.consent.standing(consenting)).isEqualTo(MarketingConsent.Standing.DECLINED);
        List<String> pulledByAnotherTill = db.ports.log()
                .pull(new PullQuery(0, 100, TillId.of("S002-T1"), 1, StoreId.of("S002"))).events().stream()
                .map(PullPage.PulledEvent::body).filter(body -> body.contains("MemberProfileChanged")).toList();
        assertThat(pulledByAnotherTill).singleElement().asString()
                .contains("\"tillId\":\"HQ\"", "\"consentMarketing\":false", consenting.toString());
        assertThat(sender().sendDue()).isZero();
        assertThat(messaging.queue(consenting, HELLO, "zh", Map.of(), null))
                .isEqualTo(new Messaging.Refused(Messaging.Why.NO_CONSENT, consenting.toString()));
        assertThat(linesSent()).isEmpty();
    }

    @Test
    void anOptOutTakenAfterAMessageWasClaimedStillStopsItBeforeItLeaves() throws Exception {
        Messaging messaging = messaging(3);
        String id = queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
        // consent withdrawn at a till (not through the back office): the sender asks again before sending
        db.push(new MemberProfileChanged(consenting, null, null, null, null, null, null, false));

        assertThat(sender().sendDue()).isZero();

        assertThat(db.outbox.message(id).orElseThrow().status()).isEqualTo(Outbox.Status.DROPPED);
        assertThat(db.outbox.message(id).orElseThrow().reason()).isEqualTo("opted out");
        assertThat(linesSent()).isEmpty();
    }

    @Test
    void aMessageQueuedInQuietHoursWaitsForTheirEnd() throws Exception {
        db.clock.set(Instant.parse("2026-12-01T14:30:00Z")); // 22:30 in Shanghai
        String id = queued(messaging(3).queue(consenting, HELLO, "zh", Map.of(), null));

        assertThat(db.outbox.message(id).orElseThrow().due()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z")); // 08:00
        db.clock.set(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(sender().sendDue()).isZero();
        assertThat(linesSent()).isEmpty();
        db.clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(sender().sendDue()).isEqualTo(1);
        assertThat(linesSent()).hasSize(1);
    }

    @Test
    void aRetryThatFallsInQuietHoursIsNotSentUntilTheyEnd() throws Exception {
        String id = queued(messaging(3).queue(consenting, HELLO, "zh", Map.of(), null));
        db.clock.set(Instant.parse("2026-12-01T13:30:00Z")); // 21:30, the message long due

        assertThat(sender().sendDue()).isZero();
        assertThat(db.outbox.message(id).orElseThrow().status()).isEqualTo(Outbox.Status.QUEUED);
        db.clock.set(Instant.parse("2026-12-02T00:00:01Z"));
        assertThat(sender().sendDue()).isEqualTo(1);
    }

    @Test
    void theWeeklyCapRefusesOneMessageTooManyUntilSevenDaysHavePassed() {
        Messaging messaging = messaging(2);
        queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
        db.clock.advance(Duration.ofDays(3));
        queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
        db.clock.advance(Duration.ofDays(3));

        assertThat(messaging.queue(consenting, HELLO, "zh", Map.of(), null))
                .isEqualTo(new Messaging.Refused(Messaging.Why.WEEKLY_CAP, "2 a week"));
        db.clock.advance(Duration.ofDays(1));
        queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
    }

    @Test
    void anErasedMemberGetsNothingAndTheirQueuedMessagesAreDroppedAndForgotten() throws Exception {
        Messaging messaging = messaging(3);
        String id = queued(messaging.queue(consenting, HELLO, "zh", Map.of(), null));
        MemberErasure erasure = new MemberErasure(db.ports.members(), db.headOffice, new JdbcAuditLog(db.storage.database(), db.clock));

        assertThat(erasure.erase("hq-admin", consenting)).isInstanceOf(MemberErasure.Erased.class);
        assertThat(sender().sendDue()).isZero();

        Outbox.Message message = db.outbox.message(id).orElseThrow();
        assertThat(message.status()).isEqualTo(Outbox.Status.DROPPED);
        assertThat(message.reason()).isEqualTo("member erased");
        assertThat(message.body()).as("the text named the member").isNull();
        assertThat(linesSent()).isEmpty();
        assertThat(messaging.queue(consenting, HELLO, "zh", Map.of(), null))
                .isEqualTo(new Messaging.Refused(Messaging.Why.ERASED, consenting.toString()));
    }

    @Test
    void withNoChannelConfiguredAnErasedMembersQueuedTextIsForgottenAllTheSame() throws Exception {
        String id = queued(messaging(3).queue(consenting, HELLO, "zh", Map.of(), null));
        new MemberErasure(db.ports.members(), db.headOffice, new JdbcAuditLog(db.storage.database(), db.clock)).erase("hq-admin", consenting);

        MessageSender noChannel = new MessageSender(db.outbox, java.util.Optional.empty(), db.consent, db.ports.members(), NIGHT,
                Backoff.standard(), Duration.ofMinutes(2), db.clock);
        assertThat(noChannel.sendDue()).isZero();

        assertThat(db.outbox.message(id).orElseThrow().status()).isEqualTo(Outbox.Status.DROPPED);
        assertThat(db.outbox.message(id).orElseThrow().body()).isNull();
    }

    @Test
    void aTextNeedingACouponCodeIsNotSentWithoutOne() throws IOException {
        MessageTemplate coupon = MessagingFixture.template("{name}，您的优惠码{couponCode}", "{name}, your code {couponCode}");

        assertThat(messaging(3).queue(consenting, coupon, "zh", Map.of(), null))
                .isEqualTo(new Messaging.Refused(Messaging.Why.NOTHING_TO_FILL_IN, "[couponCode]"));
        queued(messaging(3).queue(consenting, coupon, "zh", Map.of("couponCode", "WINTER-7Q2K"), null));
        assertThat(linesSent()).isEmpty();
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedBeforeSendingNamingTheField() throws IOException {
        MessageTemplate typo = MessagingFixture.template("{name}您好", "Dear {nmae}, your {points} points");

        assertThat(messaging(3).queue(consenting, typo, "zh", Map.of(), null))
                .isEqualTo(new Messaging.Refused(Messaging.Why.UNKNOWN_PLACEHOLDER, "bodyEn: [nmae]"));
        assertThat(linesSent()).isEmpty();
    }
}
