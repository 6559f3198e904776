package io.chainpos.server.member;

import java.util.List;

/** The phones the projector noted as held by more than one member, until head office has published their merge. */
public interface PhoneDuplicates {

    /** A noted phone (its keyed hash) and the event that noted it last. */
    record Note(String phoneHash, String notedBy) {
    }

    /** Up to {@code limit} notes, in phone hash order. */
    List<Note> noted(int limit);

    /** Clears these notes, each only if no event noted its phone again since it was read. */
    void cleared(List<Note> notes);
}
