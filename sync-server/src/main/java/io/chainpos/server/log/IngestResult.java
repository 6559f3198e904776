package io.chainpos.server.log;

import io.chainpos.model.id.EventId;
import java.util.List;

/** What a push did, known only after the commit. */
public sealed interface IngestResult {

    /**
     * The batch is committed through {@code ackedThrough}. {@code quarantined} events were set apart rather
     * than stored (a reused key or id, refused content, an event that could not be merged): they are kept
     * and reported, and their seqs count as consumed.
     */
    record Stored(long ackedThrough, int accepted, int duplicates, List<Quarantined> quarantined) implements IngestResult {
        public Stored {
            quarantined = List.copyOf(quarantined);
        }
    }

    /** The batch starts beyond mark+1; nothing of it was stored. */
    record SequenceGap(long expectedSeq, long ackedThrough) implements IngestResult {
    }

    /** One event set apart, with a sentence for head office saying why. */
    record Quarantined(EventId eventId, long tillSeq, Reason reason, String detail) {
    }

    enum Reason {
        /** The till key was stored before with different content. */
        KEY_REUSED,
        /** The event id was stored before under another till key. */
        EVENT_ID_REUSED,
        /** The push rules refused its content (an impossible amount, characters no database keeps). */
        REFUSED
    }
}
