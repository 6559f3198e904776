package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainpos.model.id.MemberId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook channel against a provider on loopback: signed JSON with the message id as idempotency key, a 503 and
 * a timeout tried again after the backoff, a 4xx failed with its reason, and a sender stopped in the middle of a send
 * resumed by a new sender on the same database file, the provider sending the text once.
 */
class WebhookChannelTest {
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    static final byte[] SECRET = "a-shared-secret-of-the-provider".getBytes(StandardCharsets.UTF_8);
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 5);

    @TempDir
    Path dir;
    MessagingFixture db;
    LoopbackProvider provider;
    MemberId member;

    @BeforeEach
    void open() throws Exception {
        db = MessagingFixture.on(dir, NOON);
        provider = new LoopbackProvider(SECRET);
        member = db.register(801, "13800008011", "李雷", true);
    }

    @AfterEach
    void close() {
        provider.close();
        db.close();
    }

    private WebhookChannel channel(Duration timeout) {
        return new WebhookChannel(provider.url(), SECRET, timeout, db.clock);
    }

    private String queue() {
        Messaging.Outcome outcome = db.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 5))
                .queue(member, MessagingFixture.template("{name}您好，您有{points}积分", "Hello {name}, {points} points"), "zh", Map.of(), null);
        assertThat(outcome).isInstanceOf(Messaging.Queued.class);
        return ((Messaging.Queued) outcome).messageId();
    }

    private Outbox.Message message(String id) {
        return db.outbox.message(id).orElseThrow();
    }

    @Test
    void aMessageIsPostedAsSignedJsonWithItsIdAsTheIdempotencyKey() throws Exception {
        String id = queue();

        int sent = db.sender(channel(Duration.ofSeconds(5)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF).sendDue();

        assertThat(sent).isEqualTo(1);
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.signedRight()).isTrue();
            assertThat(r.key()).isEqualTo(id);
        });
        JsonNode json = new ObjectMapper().readTree(provider.requests().getFirst().body());
        assertThat(json.get("messageId").asText()).isEqualTo(id);
        assertThat(json.get("to").asText()).isEqualTo("13800008011");
        assertThat(json.get("text").asText()).isEqualTo("李雷您好，您有0积分");
        assertThat(message(id).status()).isEqualTo(Outbox.Status.SENT);
        assertThat(message(id).sent()).isEqualTo(NOON);
        String body = provider.requests().getFirst().body();
        assertThat(WebhookSignature.verify(SECRET, "1764561600", body.replace("李雷", "韩梅梅"),
                WebhookSignature.sign(SECRET, 1764561600, body))).as("a changed body fails the signature").isFalse();
    }

    @Test
    void aProviderThatAnswers503IsTriedAgainAfterTheBackoffAndSendsOnce() throws Exception {
        provider.then(new LoopbackProvider.Status(503, "busy"));
        String id = queue();
        MessageSender sender = db.sender(channel(Duration.ofSeconds(5)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);

        assertThat(sender.sendDue()).isZero();
        assertThat(message(id).status()).isEqualTo(Outbox.Status.QUEUED);
        assertThat(message(id).reason()).isEqualTo("HTTP 503: busy");
        assertThat(message(id).due()).isEqualTo(NOON.plusSeconds(10));
        db.clock.advance(Duration.ofSeconds(9));
        assertThat(sender.sendDue()).as("not before its backoff").isZero();
        db.clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(message(id).status()).isEqualTo(Outbox.Status.SENT);
        assertThat(message(id).attempts()).isEqualTo(2);
        assertThat(provider.requests()).extracting(LoopbackProvider.Request::key).containsExactly(id, id);
        assertThat(provider.texts()).containsOnlyKeys(id);
    }

    @Test
    void aProviderThatTimesOutAfterTakingTheMessageSendsItOnceWhenTriedAgain() throws Exception {
        provider.then(new LoopbackProvider.Hang());
        String id = queue();
        MessageSender sender = db.sender(channel(Duration.ofMillis(300)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);

        assertThat(sender.sendDue()).isZero();
        assertThat(message(id).reason()).startsWith("timeout");
        provider.release();
        db.clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(provider.requests()).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(id));
        assertThat(provider.texts()).as("the provider sent one text for the one key").hasSize(1).containsKey(id);
        assertThat(message(id).status()).isEqualTo(Outbox.Status.SENT);
    }

    @Test
    void a4xxFailsTheMessageWithTheProvidersReasonAndIsNotTriedAgain() throws Exception {
        provider.then(new LoopbackProvider.Status(422, "invalid phone number"));
        String id = queue();
        MessageSender sender = db.sender(channel(Duration.ofSeconds(5)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);

        sender.sendDue();
        db.clock.advance(Duration.ofHours(1));
        sender.sendDue();

        assertThat(message(id).status()).isEqualTo(Outbox.Status.FAILED);
        assertThat(message(id).reason()).isEqualTo("HTTP 422: invalid phone number");
        assertThat(provider.requests()).hasSize(1);
    }

    @Test
    void aWrongSecretIsRefusedByTheProviderAndTheMessageFails() throws Exception {
        String id = queue();
        WebhookChannel wrong = new WebhookChannel(provider.url(), "another secret".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5), db.clock);

        db.sender(wrong, QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF).sendDue();

        assertThat(provider.requests()).singleElement().satisfies(r -> assertThat(r.signedRight()).isFalse());
        assertThat(provider.texts()).isEmpty();
        assertThat(message(id).status()).isEqualTo(Outbox.Status.FAILED);
        assertThat(message(id).reason()).isEqualTo("HTTP 401: bad signature");
    }

    @Test
    void aRetryGivesUpAfterItsAttemptsWithTheLastReason() throws Exception {
        for (int i = 0; i < BACKOFF.attempts(); i++) {
            provider.then(new LoopbackProvider.Status(500, "down"));
        }
        String id = queue();
        MessageSender sender = db.sender(channel(Duration.ofSeconds(5)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);

        for (int i = 0; i < BACKOFF.attempts(); i++) {
            sender.sendDue();
            db.clock.advance(Duration.ofMinutes(10));
        }

        assertThat(provider.requests()).hasSize(BACKOFF.attempts());
        assertThat(message(id).status()).isEqualTo(Outbox.Status.FAILED);
        assertThat(message(id).reason()).isEqualTo("HTTP 500: down (after 5 attempts)");
    }

    @Test
    void aSenderStoppedMidSendIsResumedByANewSenderOnTheSameDatabaseAndTheTextGoesOnce() throws Exception {
        provider.then(new LoopbackProvider.Hang());
        String id = queue();
        MessageSender first = db.sender(channel(Duration.ofSeconds(20)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);
        first.start(Duration.ofMillis(50));
        assertThat(provider.hanging.await(10, TimeUnit.SECONDS)).isTrue();

        first.stop();
        assertThat(message(id).status()).as("left in the outbox under its lease").isEqualTo(Outbox.Status.QUEUED);
        assertThat(message(id).attempts()).isEqualTo(1);
        MessagingFixture restarted = db.reopened();
        db = restarted;
        provider.release();
        db.clock.advance(Duration.ofMinutes(2));
        MessageSender second = db.sender(channel(Duration.ofSeconds(5)), QuietHours.none(MessagingFixture.SHANGHAI), BACKOFF);
        second.start(Duration.ofMillis(50));
        await().atMost(10, TimeUnit.SECONDS).until(() -> message(id).status() == Outbox.Status.SENT);
        second.stop();

        assertThat(provider.requests()).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(id));
        assertThat(provider.texts()).hasSize(1);
        assertThat(message(id).attempts()).isEqualTo(2);
    }
}
