package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link Outbox} in {@code message_outbox}; a claim is a conditional update, so two senders never hold one message. */
public final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = """
            message_id, member_id, kind, campaign_id, lang, body, status, reason, attempts, queued_ms, due_ms, sent_ms""";

    private final Database db;

    public JdbcOutbox(Database db) {
        this.db = db;
    }

    @Override
    public void queue(Message m) {
        db.write(tx -> tx.sql().update("INSERT INTO message_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.messageId(), m.memberId(), m.kind().name(), m.campaignId(), m.lang(), m.body(), m.status().name(), m.reason(),
                m.attempts(), m.queued().toEpochMilli(), m.due().toEpochMilli(), m.sent() == null ? null : m.sent().toEpochMilli()));
    }

    @Override
    public Optional<Message> message(String messageId) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM message_outbox WHERE message_id = :id")
                .bind("id", messageId).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public int countedSince(String memberId, Instant since) {
        return db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM message_outbox WHERE member_id = :m AND queued_ms > :since
                           AND status IN ('QUEUED', 'SENT')""")
                .bind("m", memberId).bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    @Override
    public List<Message> claimDue(Instant now, Duration lease, int limit) {
        return db.write(tx -> {
            List<Message> due = tx.sql().list("SELECT " + COLUMNS + " " + """
                    FROM message_outbox WHERE status = 'QUEUED' AND due_ms <= ? ORDER BY due_ms, message_id LIMIT ?""",
                    JdbcOutbox::row, now.toEpochMilli(), limit);
            List<Message> claimed = new ArrayList<>();
            long until = now.plus(lease).toEpochMilli();
            for (Message m : due) {
                int taken = tx.sql().update("""
                        UPDATE message_outbox SET attempts = attempts + 1, due_ms = ?
                        WHERE message_id = ? AND status = 'QUEUED' AND due_ms = ?""", until, m.messageId(), m.due().toEpochMilli());
                if (taken == 1) {
                    claimed.add(new Message(m.messageId(), m.memberId(), m.kind(), m.campaignId(), m.lang(), m.body(), m.status(),
                            m.reason(), m.attempts() + 1, m.queued(), Instant.ofEpochMilli(until), null));
                }
            }
            return claimed;
        });
    }

    @Override
    public void sent(String messageId, Instant at) {
        db.write(tx -> tx.sql().update("UPDATE message_outbox SET status = 'SENT', reason = NULL, sent_ms = ? WHERE message_id = ?",
                at.toEpochMilli(), messageId));
    }

    @Override
    public void retryAt(String messageId, Instant due, String reason) {
        db.write(tx -> tx.sql().update("UPDATE message_outbox SET due_ms = ?, reason = ? WHERE message_id = ? AND status = 'QUEUED'",
                due.toEpochMilli(), reason, messageId));
    }

    @Override
    public void failed(String messageId, String reason) {
        db.write(tx -> tx.sql().update("UPDATE message_outbox SET status = 'FAILED', reason = ? WHERE message_id = ?", reason, messageId));
    }

    @Override
    public void dropped(String messageId, String reason) {
        db.write(tx -> tx.sql().update("UPDATE message_outbox SET status = 'DROPPED', reason = ?, body = NULL WHERE message_id = ?",
                reason, messageId));
    }

    @Override
    public int forget(Collection<String> memberIds, String reason) {
        return db.write(tx -> {
            int dropped = 0;
            for (String id : memberIds) {
                dropped += tx.sql().update("""
                        UPDATE message_outbox SET status = 'DROPPED', reason = ? WHERE member_id = ? AND status = 'QUEUED'""", reason, id);
                tx.sql().update("UPDATE message_outbox SET body = NULL WHERE member_id = ?", id);
            }
            return dropped;
        });
    }

    @Override
    public int dropQueued(String memberId, String reason) {
        return db.write(tx -> tx.sql().update("""
                UPDATE message_outbox SET status = 'DROPPED', reason = ?, body = NULL WHERE member_id = ? AND status = 'QUEUED'""",
                reason, memberId));
    }

    @Override
    public List<String> membersQueued() {
        return db.read(h -> h.createQuery("SELECT DISTINCT member_id FROM message_outbox WHERE status = 'QUEUED' ORDER BY member_id")
                .mapTo(String.class).list());
    }

    @Override
    public List<Message> ofCampaign(String campaignId) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM message_outbox WHERE campaign_id = :c ORDER BY message_id")
                .bind("c", campaignId).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void optedOut(String memberId, Instant at, String source) {
        db.write(tx -> tx.sql().update("""
                INSERT INTO message_opt_outs (member_id, at_ms, source) VALUES (?, ?, ?) ON CONFLICT (member_id, at_ms) DO NOTHING""",
                memberId, at.toEpochMilli(), source));
    }

    @Override
    public int optOuts(String memberId) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM message_opt_outs WHERE member_id = :m").bind("m", memberId)
                .mapTo(Integer.class).one());
    }

    @Override
    public boolean hadKindSince(String memberId, MessageKind kind, Instant since) {
        return db.read(h -> h.createQuery("""
                        SELECT 1 FROM message_outbox WHERE member_id = :m AND kind = :k AND queued_ms > :since""")
                .bind("m", memberId).bind("k", kind.name()).bind("since", since.toEpochMilli()).mapTo(Integer.class).findFirst().isPresent());
    }

    private static Message row(ResultSet rs) throws SQLException {
        long sent = rs.getLong("sent_ms");
        boolean noSent = rs.wasNull();
        return new Message(rs.getString("message_id"), rs.getString("member_id"), MessageKind.valueOf(rs.getString("kind")),
                rs.getString("campaign_id"), rs.getString("lang"), rs.getString("body"), Status.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("queued_ms")),
                Instant.ofEpochMilli(rs.getLong("due_ms")), noSent ? null : Instant.ofEpochMilli(sent));
    }
}
