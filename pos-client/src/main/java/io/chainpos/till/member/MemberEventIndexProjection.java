package io.chainpos.till.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberMentions;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/**
 * The member index on the till: one row per member an event is about (both sides of a merge), written with
 * the event, whether this till recorded it or pulled it. {@link MemberStore#eventsAbout} reads through it.
 */
public final class MemberEventIndexProjection implements Projection {

    @Override
    public void apply(Handle handle, TillIdentity self, EventEnvelope event) {
        for (MemberId member : MemberMentions.of(event.payload())) {
            handle.createUpdate("INSERT OR IGNORE INTO member_events (member_id, event_id, type) VALUES (?, ?, ?)")
                    .bind(0, member.toString())
                    .bind(1, event.eventId().toString())
                    .bind(2, event.type())
                    .execute();
        }
    }

    /** No envelope is kept for it, so nothing for the member's history on this till to read. */
    @Override
    public void applyUnkept(Handle handle, TillIdentity self, EventEnvelope event) {
    }

    @Override
    public void reset(Handle handle) {
        handle.execute("DELETE FROM member_events");
    }
}
