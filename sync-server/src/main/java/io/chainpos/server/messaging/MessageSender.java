package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.member.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds through one channel. Each pass first drops the queued messages of erased members,
 * sends nothing in quiet hours, then claims the due messages (each under a lease) and asks the member's standing
 * again just before sending: a member who opted out or was erased since it was queued is sent nothing. All its
 * state is in the outbox, so a sender started after a crash carries on where the last one stopped; the message id
 * sent as the idempotency key lets the provider ignore the one attempt that may have reached it twice.
 */
public final class MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final Optional<MessageChannel> channel;
    private final MarketingConsent consent;
    private final Members members;
    private final QuietHours quiet;
    private final Backoff backoff;
    private final Duration lease;
    private final Clock clock;
    private ScheduledExecutorService loop;

    public MessageSender(Outbox outbox, MessageChannel channel, MarketingConsent consent, Members members, QuietHours quiet,
                         Backoff backoff, Duration lease, Clock clock) {
        this(outbox, Optional.of(channel), consent, members, quiet, backoff, lease, clock);
    }

    /**
     * Without a channel (none configured) it sends nothing and messages wait in the outbox, but it still drops and
     * forgets erased members' messages.
     */
    public MessageSender(Outbox outbox, Optional<MessageChannel> channel, MarketingConsent consent, Members members, QuietHours quiet,
                         Backoff backoff, Duration lease, Clock clock) {
        this.outbox = outbox;
        this.channel = channel;
        this.consent = consent;
        this.members = members;
        this.quiet = quiet;
        this.backoff = backoff;
        this.lease = lease;
        this.clock = clock;
    }

    /** One pass over what is due; returns how many messages were sent. */
    public int sendDue() throws InterruptedException {
        List<String> queued = outbox.membersQueued();
        if (!queued.isEmpty()) {
            outbox.forget(consent.erasedAmong(queued), "member erased");
        }
        if (channel.isEmpty() || quiet.quiet(clock.instant())) {
            return 0;
        }
        int sent = 0;
        List<Outbox.Message> batch;
        do {
            batch = outbox.claimDue(clock.instant(), lease, BATCH);
            for (Outbox.Message m : batch) {
                if (send(m)) {
                    sent++;
                }
            }
        } while (batch.size() == BATCH);
        return sent;
    }

    private boolean send(Outbox.Message m) throws InterruptedException {
        MemberId memberId = MemberId.parse(m.memberId());
        switch (consent.standing(memberId)) {
            case ERASED -> {
                outbox.dropped(m.messageId(), "member erased");
                return false;
            }
            case DECLINED -> {
                outbox.dropped(m.messageId(), "opted out");
                return false;
            }
            case UNKNOWN -> {
                outbox.dropped(m.messageId(), "no such member");
                return false;
            }
            case CONSENTS -> { }
        }
        Optional<MemberView> member = members.member(memberId);
        if (member.isEmpty() || member.get().phone() == null || m.body() == null) {
            outbox.failed(m.messageId(), "no phone to send to");
            return false;
        }
        MessageChannel.Delivery delivery = channel.orElseThrow().deliver(new MessageChannel.Outgoing(m.messageId(), m.memberId(),
                member.get().phone(), m.kind(), m.lang(), m.body(), m.campaignId()));
        Instant now = clock.instant();
        switch (delivery) {
            case MessageChannel.Delivered d -> {
                outbox.sent(m.messageId(), now);
                return true;
            }
            case MessageChannel.TryAgain again -> {
                if (backoff.exhausted(m.attempts())) {
                    outbox.failed(m.messageId(), again.reason() + " (after " + m.attempts() + " attempts)");
                } else {
                    outbox.retryAt(m.messageId(), now.plus(backoff.after(m.attempts())), again.reason());
                }
                LOG.info("message.retry id={} attempt={} reason={}", m.messageId(), m.attempts(), again.reason());
                return false;
            }
            case MessageChannel.Refused refused -> {
                outbox.failed(m.messageId(), refused.reason());
                LOG.info("message.refused id={} reason={}", m.messageId(), refused.reason());
                return false;
            }
        }
    }

    /** Sends in the background every {@code every} until {@link #stop()}. */
    public synchronized void start(Duration every) {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("message-sender").daemon().factory());
        loop.scheduleWithFixedDelay(this::pass, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            sendDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("message.sender.failed", e);
        }
    }

    /** Stops at once, interrupting a send in progress; what it held stays leased in the outbox for the next sender. */
    public synchronized void stop() throws InterruptedException {
        if (loop != null) {
            loop.shutdownNow();
            if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the message sender did not stop");
            }
            loop = null;
        }
    }
}
