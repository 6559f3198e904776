package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberMentions;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The member index: for every stored event about a member (both sides of a merge), one row naming the member
 * and the event, written in the ingest transaction. A member's history is read through it, so finding it
 * costs the member's own events, not the log's size.
 */
public final class JdbcMemberEventIndex implements Projection {
    // The event id is new by construction; the same member named twice by one event is one row.
    private static final String INSERT = """
            INSERT INTO member_events (member_id, event_id, type) VALUES (?, ?, ?)
            ON CONFLICT (member_id, event_id) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("member_events");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (EventEnvelope event : events) {
            for (MemberId member : MemberMentions.of(event.payload())) {
                rows.add(new Object[] {member.toString(), event.eventId().toString(), event.type()});
            }
        }
        // In key order, so writers on PostgreSQL lock index entries in the same order and cannot deadlock.
        rows.sort(Comparator.<Object[], String>comparing(r -> (String) r[0]).thenComparing(r -> (String) r[1]));
        sql.batch(INSERT, rows);
        return List.of();
    }
}
