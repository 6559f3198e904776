package io.chainpos.till.ledger;

import org.jdbi.v3.core.Handle;

/**
 * Access to the ledger's tables for the length of one read or one transaction. Use-cases hand it to the
 * feature stores; only stores and projections open it up with {@link #handle()}.
 */
public interface LedgerSession {

    /** For feature stores: the connection this session runs on. */
    Handle handle();
}
