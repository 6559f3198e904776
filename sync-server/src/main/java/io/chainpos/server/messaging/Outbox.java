package io.chainpos.server.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The messages queued, in hand and done: what the sender works from, and resumes from after a restart. */
public interface Outbox {
    enum Status { QUEUED, SENT, FAILED, DROPPED }

    /** One message as the outbox keeps it. */
    record Message(String messageId, String memberId, MessageKind kind, String campaignId, String lang, String body,
                   Status status, String reason, int attempts, Instant queued, Instant due, Instant sent) {
    }

    void queue(Message message);

    Optional<Message> message(String messageId);

    /** A member's messages queued or sent after {@code since} (what the weekly cap counts over the last seven days). */
    int countedSince(String memberId, Instant since);

    /**
     * Takes up to {@code limit} queued messages due by {@code now}: each gets one more attempt and is not due again
     * before {@code now + lease}, so another sender (or this one after a crash) takes it only when the lease ran out.
     */
    List<Message> claimDue(Instant now, Duration lease, int limit);

    void sent(String messageId, Instant at);

    void retryAt(String messageId, Instant due, String reason);

    void failed(String messageId, String reason);

    /** Sends nothing more of it and forgets its text. */
    void dropped(String messageId, String reason);

    /** Drops every queued message of these members and forgets the text of all their messages (an erasure). */
    int forget(Collection<String> memberIds, String reason);

    /** Drops every queued message of this member (an opt-out); returns how many. */
    int dropQueued(String memberId, String reason);

    /** Members with a message still queued. */
    List<String> membersQueued();

    /** Every message of a campaign. */
    List<Message> ofCampaign(String campaignId);

    /** Keeps that a member opted out, when and from where (a reply to a message, the back office). */
    void optedOut(String memberId, Instant at, String source);

    /** How many times a member opted out. */
    int optOuts(String memberId);

    /** Whether the member was queued a message of this kind after {@code since} (so a daily reminder is not repeated). */
    boolean hadKindSince(String memberId, MessageKind kind, Instant since);
}
