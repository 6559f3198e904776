package io.chainpos.till.care;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.Sealed;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import java.time.Clock;
import java.util.Optional;

/**
 * A member's feedback or complaint taken at the counter (客户反馈): a category and what they said, recorded in the
 * ledger as {@link FeedbackRecorded} for this store, so it goes to head office with the next sync however long the
 * network is down. The words are sealed with the member's key, like their name, so erasing the member forgets them.
 */
public final class RecordFeedback {

    public sealed interface Result permits Recorded, Refused {
    }

    /** Recorded; {@code message} says so for the member named. */
    public record Recorded(FeedbackRecorded feedback, TillMessage message) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final Clock clock;

    public RecordFeedback(Ledger ledger, MemberStore members, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.clock = clock;
    }

    public Result record(MemberId memberId, FeedbackRecorded.Category category, String text, String cashier) {
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.FEEDBACK_TEXT_EMPTY));
        }
        int length = words.codePointCount(0, words.length());
        if (length > FeedbackRecorded.MAX_TEXT) {
            return new Refused(TillMessage.of(TillMessage.Code.FEEDBACK_TEXT_TOO_LONG, length, FeedbackRecorded.MAX_TEXT));
        }
        if (category == null) {
            return new Refused(TillMessage.of(TillMessage.Code.FEEDBACK_NO_CATEGORY));
        }
        return ledger.write(tx -> {
            Optional<Member> member = memberId == null ? Optional.empty() : members.findById(tx, memberId);
            if (member.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.MEMBER_UNKNOWN));
            }
            Optional<Sealed> sealed = members.keys().seal(tx, member.get().memberId(), words);
            if (sealed.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.FEEDBACK_MEMBER_KEY_MISSING));
            }
            FeedbackRecorded feedback = new FeedbackRecorded(FeedbackId.newId(clock), member.get().memberId(),
                    tx.identity().storeId(), category, null, sealed.get(), cashier, FeedbackRecorded.Channel.TILL);
            tx.append(feedback);
            return new Recorded(feedback, TillMessage.of(TillMessage.Code.FEEDBACK_RECORDED, member.get().name()));
        });
    }
}
