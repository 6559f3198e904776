package io.chainpos.server.log;

import io.chainpos.model.event.EventChain;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a till's events against the head of its (till, epoch) chain as they are first taken, and moves the head
 * (docs/protocol.md, "Event chain"). A break never refuses anything: it is a finding for head office. Runs under
 * the lock of the epoch's mark, on events above it only, so a push sent again finds nothing to check twice.
 */
final class JdbcChain {
    private static final String HEAD = "SELECT till_seq, hash, chained FROM chain_heads WHERE till_id = ? AND till_epoch = ?";
    private static final String STORED_BODY = "SELECT body FROM events WHERE till_id = ? AND till_epoch = ? AND till_seq = ?";
    private static final String SAVE_HEAD = """
            INSERT INTO chain_heads (till_id, till_epoch, till_seq, hash, chained) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (till_id, till_epoch) DO UPDATE SET till_seq = excluded.till_seq, hash = excluded.hash,
                chained = excluded.chained""";
    private static final String CLOSE = """
            INSERT INTO chain_closes (till_id, till_epoch, till_seq, hash, occurred_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (till_id, till_epoch, till_seq) DO NOTHING""";

    /** The last event taken: its seq, its hash (null when unknown) and whether it was chained. */
    private record Head(long seq, String hash, boolean chained) {
    }

    /**
     * Checks {@code fresh} (the events above {@code mark}, in order, stored or quarantined alike: each consumes its
     * seq) and returns the breaks found; the head moves to the last of them.
     */
    List<SyncException> take(SqlSession sql, IngestBatch batch, TillMark mark, List<IncomingEvent> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        Head head = head(sql, batch, mark);
        List<SyncException> breaks = new ArrayList<>();
        for (IncomingEvent event : fresh) {
            EventEnvelope e = event.envelope();
            String got = e.prevHash();
            if (e.tillSeq() > head.seq() + 1) {
                breaks.add(broken(e, now, "events %d to %d are missing".formatted(head.seq() + 1, e.tillSeq() - 1), head.hash(), got));
            } else if (got != null && head.hash() != null && !got.equals(head.hash())) {
                breaks.add(broken(e, now, "the event at seq %d is not the one this event was chained to".formatted(head.seq()),
                        head.hash(), got));
            } else if (got == null && head.chained()) {
                breaks.add(broken(e, now, "not chained, after a chained event", head.hash(), null));
            }
            String hash = EventChain.hashOf(event.body());
            if (e.payload() instanceof ShiftClosed) {
                sql.update(CLOSE, e.tillId().value(), e.tillEpoch(), e.tillSeq(), hash, e.occurredAt().toString());
            }
            head = new Head(e.tillSeq(), hash, got != null);
        }
        sql.update(SAVE_HEAD, batch.tillId().value(), batch.tillEpoch(), head.seq(), head.hash(), head.chained() ? 1 : 0);
        return breaks;
    }

    /**
     * The head as kept; for an epoch that began before the server kept heads, the hash of the event at the mark as
     * stored (looked up once); before an epoch's first event, the genesis.
     */
    private static Head head(SqlSession sql, IngestBatch batch, TillMark mark) {
        Object[] key = {batch.tillId().value(), batch.tillEpoch()};
        return sql.first(HEAD, rs -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0), key)
                .or(() -> mark.ackedThrough() == 0 ? Optional.of(new Head(0, EventChain.GENESIS, false))
                        : sql.first(STORED_BODY, rs -> new Head(mark.ackedThrough(), EventChain.hashOf(rs.getString(1)), false),
                                batch.tillId().value(), batch.tillEpoch(), mark.ackedThrough()))
                .orElse(new Head(mark.ackedThrough(), null, false));
    }

    private static SyncException broken(EventEnvelope e, Instant now, String what, String expected, String got) {
        String detail = "epoch %d seq %d: %s, expected %s got %s".formatted(e.tillEpoch(), e.tillSeq(), what,
                expected == null ? "unknown" : expected, got == null ? "none" : got);
        return Findings.about(SyncException.Kind.CHAIN_BROKEN, e, now, detail);
    }
}
