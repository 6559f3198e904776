package io.chainpos.server.care;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Feedback and complaints as the projection keeps them: listed by store, category and status, one with its changes. */
public interface CareBook {
    ListSpec LIST = new ListSpec(List.of(new ListSpec.Column("at", "recorded_ms", true),
            new ListSpec.Column("store", "store_id", false), new ListSpec.Column("status", "status", false)),
            new ListSpec.Column("id", "feedback_id", false), "at", false, Set.of("store", "category", "status"), 50);

    /**
     * One feedback: the words are {@code text} (no member) or {@code sealedText} (a member's, null once the member was
     * erased); {@code closed} is when it was last resolved or closed, null while it is open or in progress.
     */
    record Feedback(String feedbackId, String storeId, String memberId, FeedbackRecorded.Category category, String text,
                    String sealedText, String recordedBy, FeedbackRecorded.Channel channel, Instant recorded,
                    FeedbackUpdated.Status status, String handler, Instant updated, Instant closed) {
    }

    /** One change to a feedback, in log order. */
    record Update(Instant at, String updatedBy, FeedbackUpdated.Status status, String handler, String note, String sealedNote) {
    }

    /** Which statuses a list shows: the ones still being worked on (open, in progress), one status, or all. */
    sealed interface StatusFilter {
        record Active() implements StatusFilter {
        }

        record Only(FeedbackUpdated.Status status) implements StatusFilter {
        }

        record All() implements StatusFilter {
        }
    }

    /** What a list shows; an empty part means any. */
    record Filter(Optional<String> store, Optional<FeedbackRecorded.Category> category, StatusFilter status) {
    }

    Slice<Feedback> list(Filter filter, ListRequest request);

    Optional<Feedback> find(String feedbackId);

    List<Update> updates(String feedbackId);
}
