package io.chainpos.server.care;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.member.Members;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Head office's and a store manager's handling of feedback and complaints: recording one taken by phone or at the
 * desk, and moving one on (status, handler, a note). Each is published as head office's event, so it is stored,
 * merged and pulled like a till's, and audited without its words. A member's words and notes are sealed with the
 * member's key before they are published, and opened with it for the pages.
 */
public final class Complaints {
    /** The longest handler name. */
    public static final int MAX_HANDLER = 100;

    private final CareBook book;
    private final Members members;
    private final HeadOffice headOffice;
    private final AuditLog audit;
    private final Predicate<String> storeExists;
    private final Clock clock;

    public Complaints(CareBook book, Members members, HeadOffice headOffice, AuditLog audit, Predicate<String> storeExists,
                      Clock clock) {
        this.book = book;
        this.members = members;
        this.headOffice = headOffice;
        this.audit = audit;
        this.storeExists = storeExists;
        this.clock = clock;
    }

    /** What became of a request: done, or refused with the field and the problem's code ({@code care.problem.<code>}). */
    public sealed interface Outcome {
        record Done(String feedbackId) implements Outcome {
        }

        record Refused(String field, String problem) implements Outcome {
        }

        record NotFound() implements Outcome {
        }
    }

    /** What head office types to record one: the store it concerns, the category, the words and the member's phone, if any. */
    public record NewFeedback(String store, String category, String text, String memberPhone) {
    }

    public Outcome record(String actor, NewFeedback asked) {
        String store = asked.store() == null ? "" : asked.store().strip();
        if (store.isEmpty() || !storeExists.test(store)) {
            return new Outcome.Refused("store", "store");
        }
        Optional<FeedbackRecorded.Category> category = category(asked.category());
        if (category.isEmpty()) {
            return new Outcome.Refused("category", "category");
        }
        String text = asked.text() == null ? "" : asked.text().strip();
        if (text.isEmpty()) {
            return new Outcome.Refused("text", "text-required");
        }
        if (text.codePointCount(0, text.length()) > FeedbackRecorded.MAX_TEXT) {
            return new Outcome.Refused("text", "text-too-long");
        }
        MemberKey key = null;
        String phone = asked.memberPhone() == null ? "" : asked.memberPhone().strip();
        if (!phone.isEmpty()) {
            Optional<MemberView> member = members.memberByPhone(phone);
            if (member.isEmpty()) {
                return new Outcome.Refused("memberPhone", "no-member");
            }
            Optional<MemberKey> found = keyOf(member.get().memberId());
            if (found.isEmpty()) {
                return new Outcome.Refused("memberPhone", "member-erased");
            }
            key = found.get();
        }
        FeedbackId id = FeedbackId.newId(clock);
        FeedbackRecorded recorded = key == null
                ? new FeedbackRecorded(id, null, new StoreId(store), category.get(), text, null, "hq:" + actor,
                        FeedbackRecorded.Channel.BACK_OFFICE)
                : new FeedbackRecorded(id, key.memberId(), new StoreId(store), category.get(), null, key.seal(text), "hq:" + actor,
                        FeedbackRecorded.Channel.BACK_OFFICE);
        headOffice.publish(List.of(recorded));
        audit.record(actor, "care.recorded", id.toString(), store, category.get().name());
        return new Outcome.Done(id.toString());
    }

    /** A change asked for on a feedback's page: the status, the handler (blank: nobody) and a note (blank: none). */
    public record Change(String status, String handler, String note) {
    }

    /**
     * Moves feedback {@code feedbackId} on, when it belongs to {@code store} (a store manager's pages name their own);
     * a change that changes nothing and adds no note is refused.
     */
    public Outcome update(String actor, String store, String feedbackId, Change change) {
        Optional<CareBook.Feedback> found = book.find(feedbackId).filter(f -> f.storeId().equals(store));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        CareBook.Feedback feedback = found.get();
        FeedbackUpdated.Status status;
        try {
            status = FeedbackUpdated.Status.valueOf(change.status() == null ? "" : change.status());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused("status", "status");
        }
        String handler = change.handler() == null || change.handler().isBlank() ? null : change.handler().strip();
        if (handler != null && handler.length() > MAX_HANDLER) {
            return new Outcome.Refused("handler", "handler-too-long");
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        if (note != null && note.codePointCount(0, note.length()) > FeedbackUpdated.MAX_NOTE) {
            return new Outcome.Refused("note", "note-too-long");
        }
        if (note == null && status == feedback.status() && Objects.equals(handler, feedback.handler())) {
            return new Outcome.Refused("status", "nothing-changed");
        }
        Sealed sealedNote = null;
        if (note != null && feedback.memberId() != null) {
            Optional<MemberKey> key = keyOf(feedback.memberId());
            if (key.isEmpty()) {
                return new Outcome.Refused("note", "member-erased");
            }
            sealedNote = key.get().seal(note);
            note = null;
        }
        headOffice.publish(List.of(new FeedbackUpdated(FeedbackId.parse(feedbackId), status, handler, note, sealedNote,
                "hq:" + actor)));
        audit.record(actor, "care.updated", feedbackId, store, "status " + status + ", handler " + (handler == null ? "-" : handler)
                + (change.note() == null || change.note().isBlank() ? "" : ", note added"));
        return new Outcome.Done(feedbackId);
    }

    /** The keys held for these members (none for an erased one), by member id. */
    public Map<String, MemberKey> keys(Collection<String> memberIds) {
        List<MemberId> ids = memberIds.stream().filter(Objects::nonNull).distinct().map(MemberId::parse).toList();
        Map<String, MemberKey> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            members.memberKeys(ids).forEach(k -> keys.put(k.memberId().toString(), k));
        }
        return keys;
    }

    /** The member a feedback names, as head office sees it; empty for none, or one the server no longer has. */
    public Optional<MemberView> member(String memberId) {
        return memberId == null ? Optional.empty() : members.member(MemberId.parse(memberId));
    }

    /** The words of a feedback or note: in the clear, opened with its member's key, or empty once the member was erased. */
    public static Optional<String> open(String text, String sealed, String memberId, Map<String, MemberKey> keys) {
        if (text != null) {
            return Optional.of(text);
        }
        MemberKey key = memberId == null ? null : keys.get(memberId);
        return sealed == null || key == null ? Optional.empty() : key.open(new Sealed(sealed));
    }

    private Optional<MemberKey> keyOf(String memberId) {
        return Optional.ofNullable(keys(List.of(memberId)).get(memberId));
    }

    static Optional<FeedbackRecorded.Category> category(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(FeedbackRecorded.Category.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
