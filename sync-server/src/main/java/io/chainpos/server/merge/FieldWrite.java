package io.chainpos.server.merge;

import java.util.Comparator;
import java.util.Objects;

/**
 * One profile field as some event wrote it. Writes are ordered by {@code hlc}, then till id, then event id,
 * a total order, so every server and every rebuild picks the same winner whatever the arrival order.
 */
public record FieldWrite(String memberId, ProfileField field, String value, long hlc, String tillId, String eventId) {

    /** Later writers sort last. The storage adapters' upserts encode the same order in SQL. */
    public static final Comparator<FieldWrite> LAST_WRITER_LAST = Comparator.comparingLong(FieldWrite::hlc)
            .thenComparing(FieldWrite::tillId)
            .thenComparing(FieldWrite::eventId);

    public FieldWrite {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(eventId, "eventId");
    }

    public boolean winsOver(FieldWrite other) {
        return LAST_WRITER_LAST.compare(this, other) > 0;
    }
}
