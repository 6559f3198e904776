package io.chainpos.model.member;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which write set a profile field: its hybrid timestamp, ties broken by the till that wrote it and then by
 * the event id. The last tie-break matters for a till restored from a backup, which can issue a hybrid
 * timestamp again; without it two nodes could keep different values.
 */
public record Stamp(long hlc, String tillId, String eventId) implements Comparable<Stamp> {
    private static final Comparator<Stamp> ORDER = Comparator.comparingLong(Stamp::hlc)
            .thenComparing(Stamp::tillId)
            .thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }
}
