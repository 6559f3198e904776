package io.chainpos.model.event;

import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.member.Sealed;
import java.util.Objects;

/**
 * A customer's feedback or complaint, recorded against the store it concerns and, when the customer is a member,
 * against the member. With a member the words are {@code sealedText} (sealed with the member's key, so erasing the
 * member makes them unreadable) and {@code text} is null; without one they are {@code text} in the clear. It opens
 * with the status OPEN; {@link FeedbackUpdated} moves it on. {@code recordedBy} is the cashier or the head-office
 * user who took it down.
 */
public record FeedbackRecorded(
        FeedbackId feedbackId,
        MemberId memberId,
        StoreId storeId,
        Category category,
        String text,
        Sealed sealedText,
        String recordedBy,
        Channel channel) implements CareEvent {

    /** What the feedback is about. */
    public enum Category { PRODUCT, SERVICE, PRICE, HYGIENE, OTHER }

    /** Where it was taken down. */
    public enum Channel { TILL, BACK_OFFICE }

    /** The longest text a complaint takes, in characters, at the till and in the back office alike. */
    public static final int MAX_TEXT = 500;

    public FeedbackRecorded {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(channel, "channel");
        if (memberId != null && (sealedText == null || text != null)) {
            throw new IllegalArgumentException("a member's feedback carries its words sealed, never in the clear");
        }
        if (memberId == null && (text == null || sealedText != null)) {
            throw new IllegalArgumentException("feedback without a member carries its words in the clear");
        }
    }
}
