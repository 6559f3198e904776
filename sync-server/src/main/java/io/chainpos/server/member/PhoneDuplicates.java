package io.chainpos.server.member;

import java.util.List;

/**
 * The phones the projector noted as held by more than one member, until head office has published their merge. A node
 * claims notes before publishing, for {@link #CLAIM} at most: another node does not publish them meanwhile, and a node
 * stopped with a claim leaves them to whichever claims them after it. A note made again while claimed stays claimed
 * until its claimant clears what it read: clearing releases it, so the next round publishes what the new note calls for.
 */
public interface PhoneDuplicates {
    /** How long a claim holds: far longer than publishing a round's merges takes. */
    java.time.Duration CLAIM = java.time.Duration.ofMinutes(1);

    /** A noted phone (its keyed hash) and the event that noted it last. */
    record Note(String phoneHash, String notedBy) {
    }

    /** Up to {@code limit} notes, claimed or not, in phone hash order. */
    List<Note> noted(int limit);

    /** Claims up to {@code limit} notes no claim holds now, in phone hash order. */
    List<Note> claim(int limit);

    /** Clears these notes, each only if no event noted its phone again since it was read; one noted again is released. */
    void cleared(List<Note> notes);
}
