package io.chainpos.till.device.printer;

import java.time.Instant;
import java.util.Objects;

/**
 * A printout waiting in the print queue, as the exact bytes the printer gets. {@code reference} is what the
 * cashier knows it by (a receipt number); {@code attempts} counts the rounds the printer could not take it.
 */
public record PrintJob(long id, Kind kind, String reference, byte[] document, int attempts, String lastProblem,
                       Instant queuedAt) {

    public enum Kind { SALE, REFUND, REPRINT, REPORT, MEMBER_CARD, TOP_UP }

    public PrintJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(document, "document");
    }

    /** A job to queue; {@code sourceEventId} (may be null) makes queueing the same committed event twice a no-op. */
    public record New(Kind kind, String reference, String sourceEventId, int sourceEpoch, long sourceSeq, byte[] document) {
        public New {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(document, "document");
        }

        public static New of(Kind kind, String reference, byte[] document) {
            return new New(kind, reference, null, 0, 0, document);
        }
    }
}
