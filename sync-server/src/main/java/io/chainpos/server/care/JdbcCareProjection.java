package io.chainpos.server.care;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.List;

/**
 * Merges feedback and complaints into {@code care_feedback} (one row each, with its status and handler now) and
 * {@code care_feedback_updates} (every change, with its note). The status and handler are those of the last update in
 * log order. An erased member's complaints lose their sealed words and notes here at once (the key that opened them is
 * destroyed too); the store, category, status and times stay for head office's counts.
 */
public final class JdbcCareProjection implements Projection {
    private static final String RECORD = """
            INSERT INTO care_feedback (feedback_id, store_id, member_id, category, text, sealed_text, recorded_by, channel,
                recorded_ms, status, handler, updated_ms, closed_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', NULL, ?, NULL)
            ON CONFLICT (feedback_id) DO NOTHING""";
    private static final String UPDATE = """
            INSERT INTO care_feedback_updates (event_id, feedback_id, at_ms, updated_by, status, handler, note, sealed_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";
    private static final String MOVE = """
            UPDATE care_feedback SET status = ?, handler = ?, updated_ms = ?,
                closed_ms = CASE WHEN ? IN ('RESOLVED', 'CLOSED') THEN COALESCE(closed_ms, ?) ELSE NULL END
            WHERE feedback_id = ?""";
    private static final String FORGET_TEXT = "UPDATE care_feedback SET sealed_text = NULL WHERE member_id = ?";
    private static final String FORGET_NOTES = """
            UPDATE care_feedback_updates SET sealed_note = NULL
            WHERE feedback_id IN (SELECT feedback_id FROM care_feedback WHERE member_id = ?)""";

    @Override
    public List<String> tables() {
        return List.of("care_feedback", "care_feedback_updates");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            long at = event.occurredAt().toEpochMilli();
            switch (event.payload()) {
                case FeedbackRecorded f -> sql.update(RECORD, f.feedbackId().toString(), f.storeId().value(),
                        f.memberId() == null ? null : f.memberId().toString(), f.category().name(), f.text(),
                        f.sealedText() == null ? null : f.sealedText().text(), f.recordedBy(), f.channel().name(), at, at);
                case FeedbackUpdated u -> {
                    sql.update(UPDATE, event.eventId().toString(), u.feedbackId().toString(), at, u.updatedBy(), u.status().name(),
                            u.handler(), u.note(), u.sealedNote() == null ? null : u.sealedNote().text());
                    sql.update(MOVE, u.status().name(), u.handler(), at, u.status().name(), at, u.feedbackId().toString());
                }
                case MemberErased erased -> {
                    sql.update(FORGET_NOTES, erased.memberId().toString());
                    sql.update(FORGET_TEXT, erased.memberId().toString());
                }
                default -> { }
            }
        }
        return List.of();
    }
}
