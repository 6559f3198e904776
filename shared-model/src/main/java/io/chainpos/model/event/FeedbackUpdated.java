package io.chainpos.model.event;

import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.member.Sealed;
import java.util.Objects;

/**
 * Head office (or a store) handling a feedback: its status now, who handles it (null: nobody yet), and a note of
 * what was done. A note about a member's feedback is {@code sealedNote}, sealed with the member's key like the
 * feedback's words; about anyone else's it is {@code note}, in the clear; both are null when no note was added.
 * {@code updatedBy} is the user who changed it (the audit).
 */
public record FeedbackUpdated(
        FeedbackId feedbackId,
        Status status,
        String handler,
        String note,
        Sealed sealedNote,
        String updatedBy) implements CareEvent {

    /** Where a feedback stands; CLOSED and RESOLVED may be opened again by a later update. */
    public enum Status { OPEN, IN_PROGRESS, RESOLVED, CLOSED }

    /** The longest note, in characters. */
    public static final int MAX_NOTE = 1_000;

    public FeedbackUpdated {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (note != null && sealedNote != null) {
            throw new IllegalArgumentException("a note is either sealed or in the clear");
        }
    }
}
