package io.chainpos.till.ledger;

/**
 * The ledger could not record or read, for a reason outside the sale (disk full, file unreadable).
 * Nothing of the failed transaction was kept; what committed before stays committed.
 */
public final class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
