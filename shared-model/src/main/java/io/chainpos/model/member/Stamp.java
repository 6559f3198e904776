package io.chainpos.model.member;

import java.util.Objects;

/**
 * Which write set a value: its hybrid timestamp, the till that wrote it and the event id, ordered by
 * {@link LastWriterWins}, the chain's one last-writer-wins rule.
 */
public record Stamp(long hlc, String tillId, String eventId) implements Comparable<Stamp> {

    public Stamp {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public int compareTo(Stamp other) {
        return LastWriterWins.ORDER.compare(this, other);
    }

    /** True when this write replaces {@code current} (none, or an earlier one). */
    public boolean winsOver(Stamp current) {
        return LastWriterWins.wins(this, current);
    }
}
