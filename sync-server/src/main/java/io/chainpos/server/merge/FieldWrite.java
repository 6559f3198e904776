package io.chainpos.server.merge;

import io.chainpos.model.member.LastWriterWins;
import io.chainpos.model.member.Stamp;
import java.util.Comparator;
import java.util.Objects;

/**
 * One profile field as some event wrote it. Writes are ordered by the chain's one rule, {@link LastWriterWins}
 * over their {@link Stamp}, the till's order too, so every server, every till and every rebuild picks the same
 * winner.
 */
public record FieldWrite(String memberId, ProfileField field, String value, long hlc, String tillId, String eventId) {

    /** Later writers sort last. The storage adapters' upserts encode the same order in SQL. */
    public static final Comparator<FieldWrite> LAST_WRITER_LAST = Comparator.comparing(FieldWrite::stamp,
            LastWriterWins.ORDER);

    public FieldWrite {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(eventId, "eventId");
    }

    public Stamp stamp() {
        return new Stamp(hlc, tillId, eventId);
    }

    public boolean winsOver(FieldWrite other) {
        return LastWriterWins.wins(stamp(), other.stamp());
    }
}
