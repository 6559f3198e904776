package io.chainpos.model.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * Something head office must look at, found while merging: a balance spent below zero, negative stock, a
 * quarantined or unreadable event, a till clock far off. Fields that do not apply to the kind are null.
 */
public record SyncException(
        Kind kind,
        String memberId,
        Long balance,
        String storeId,
        String sku,
        Long qtyMilli,
        String tillId,
        String eventId,
        String detail,
        Instant detectedAt) {

    public enum Kind {
        POINTS_OVERDRAFT, STORED_VALUE_OVERDRAFT, NEGATIVE_STOCK, QUARANTINED_EVENT, UNKNOWN_EVENT, CLOCK_SKEW,
        /** A registration whose sealed fields do not open with the key its till uploaded. */
        SEALING_BROKEN,
        /** A registration whose key did not arrive within the deadline. */
        MEMBER_KEY_MISSING,
        /** A till's event chain does not hold: an event left out of its ledger, or changed there (docs/protocol.md). */
        CHAIN_BROKEN,
        /**
         * A transfer received twice (two tills of the store, both offline) or both received and cancelled: each
         * recorded its stock movement, so the stores' stock needs head office's adjustment.
         */
        TRANSFER_CONFLICT,
        /**
         * A stored event head office's figures could not take in (a projection failed on what it holds): it stays in the
         * log and reaches the tills, and the figures leave it out until it is looked at.
         */
        UNPROCESSABLE_EVENT
    }

    public SyncException {
        Objects.requireNonNull(kind, "kind");
    }
}
