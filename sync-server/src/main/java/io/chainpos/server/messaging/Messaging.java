package io.chainpos.server.messaging;

import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.UuidV7;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.member.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues messages to members under the chain's rules: only to a member who consented to marketing and was not
 * erased, within the weekly cap, never in quiet hours (a message queued in them is due when they end); and takes
 * opt-outs (退订), which head office states as a profile change so every till has it at its next pull.
 */
public final class Messaging {
    /** What queuing one message came to. */
    public sealed interface Outcome permits Queued, Refused {
    }

    public record Queued(String messageId, Instant due) implements Outcome {
    }

    /** Why a message was not queued; {@code NOTHING_TO_FILL_IN}: the text uses a value this message has not got (a coupon code for a campaign without coupons). */
    public enum Why { NO_SUCH_MEMBER, NO_CONSENT, ERASED, WEEKLY_CAP, UNKNOWN_PLACEHOLDER, NOTHING_TO_FILL_IN }

    public record Refused(Why why, String detail) implements Outcome {
    }

    /** The rules a chain sets: quiet hours, and at most {@code weeklyCap} messages a member in any seven days. */
    public record Rules(QuietHours quiet, int weeklyCap) {
    }

    private static final Duration WEEK = Duration.ofDays(7);

    private final Outbox outbox;
    private final Members members;
    private final MarketingConsent consent;
    private final HeadOffice headOffice;
    private final Rules rules;
    private final Clock clock;

    public Messaging(Outbox outbox, Members members, MarketingConsent consent, HeadOffice headOffice, Rules rules, Clock clock) {
        this.outbox = outbox;
        this.members = members;
        this.consent = consent;
        this.headOffice = headOffice;
        this.rules = rules;
        this.clock = clock;
    }

    /** Queues one message from {@code template} in {@code lang}, its placeholders filled with the member's values and {@code extra}. */
    public Outcome queue(MemberId memberId, MessageTemplate template, String lang, Map<String, String> extra, String campaignId) {
        Optional<MessageTemplate.Unknown> unknown = template.unknownPlaceholder();
        if (unknown.isPresent()) {
            return new Refused(Why.UNKNOWN_PLACEHOLDER, unknown.get().field() + ": " + unknown.get().placeholders());
        }
        switch (consent.standing(memberId)) {
            case UNKNOWN -> {
                return new Refused(Why.NO_SUCH_MEMBER, memberId.toString());
            }
            case ERASED -> {
                return new Refused(Why.ERASED, memberId.toString());
            }
            case DECLINED -> {
                return new Refused(Why.NO_CONSENT, memberId.toString());
            }
            case CONSENTS -> { }
        }
        Optional<MemberView> member = members.member(memberId);
        if (member.isEmpty()) {
            return new Refused(Why.NO_SUCH_MEMBER, memberId.toString());
        }
        Instant now = clock.instant();
        if (outbox.countedSince(member.get().memberId(), now.minus(WEEK)) >= rules.weeklyCap()) {
            return new Refused(Why.WEEKLY_CAP, rules.weeklyCap() + " a week");
        }
        Map<String, String> values = values(member.get(), extra);
        List<String> unfilled = Placeholders.unfilled(template.body(lang), values);
        if (!unfilled.isEmpty()) {
            return new Refused(Why.NOTHING_TO_FILL_IN, unfilled.toString());
        }
        String text = Placeholders.render(template.body(lang), values);
        String messageId = UuidV7.next(clock).toString();
        Instant due = rules.quiet().nextAllowed(now);
        outbox.queue(new Outbox.Message(messageId, member.get().memberId(), template.kind(), campaignId, lang, text,
                Outbox.Status.QUEUED, null, 0, now, due, null));
        return new Queued(messageId, due);
    }

    /** The values a member's message fills in, for sending and for the back office's preview. */
    public static Map<String, String> values(MemberView member, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("name", member.name() == null ? "" : member.name());
        values.put("points", Long.toString(member.pointsBalance()));
        values.put("tier", member.tierCode() == null ? "" : member.tierCode());
        values.put("storedValue", yuan(member.storedValueBalance()));
        values.put("cardNo", member.cardNo() == null ? "" : member.cardNo());
        values.putAll(extra);
        return values;
    }

    /** The template filled in with a real member's values, nothing queued. */
    public Optional<String> preview(MemberId memberId, MessageTemplate template, String lang, Map<String, String> extra) {
        if (template.unknownPlaceholder().isPresent()) {
            return Optional.empty();
        }
        return members.member(memberId).map(m -> Placeholders.render(template.body(lang), values(m, extra)));
    }

    /**
     * The member opts out: head office states the consent withdrawn (a profile change every till pulls), the opt-out
     * is kept with where it came from, and the member's queued messages are dropped at once.
     */
    public int optOut(MemberId memberId, String source) {
        headOffice.publish(List.of(new MemberProfileChanged(memberId, null, null, null, null, null, null, false)));
        String survivor = members.member(memberId).map(MemberView::memberId).orElse(memberId.toString());
        outbox.optedOut(survivor, clock.instant(), source);
        return outbox.dropQueued(survivor, "opted out");
    }

    /** The member a message went to opts out (a reply to it, as the provider forwards it); empty for an unknown message. */
    public Optional<String> optOutByReply(String messageId) {
        Optional<Outbox.Message> message = outbox.message(messageId);
        message.ifPresent(m -> optOut(MemberId.parse(m.memberId()), "reply to message " + messageId));
        return message.map(Outbox.Message::memberId);
    }

    private static String yuan(long minor) {
        return String.format("%d.%02d", minor / 100, Math.abs(minor % 100));
    }
}
