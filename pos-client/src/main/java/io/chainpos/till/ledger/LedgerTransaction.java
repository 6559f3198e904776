package io.chainpos.till.ledger;

import io.chainpos.model.event.ChainHead;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import java.time.Instant;
import java.util.Optional;

/**
 * One atomic write to the ledger. Everything appended commits together with the projections it changes,
 * or not at all. Use-cases append, and pass it to the feature stores to read what they decide on.
 */
public interface LedgerTransaction extends LedgerSession {

    /** Records a fact: assigns the next gap-free {@code tillSeq}, a hybrid timestamp and an event id. */
    EventEnvelope append(Event payload);

    /** The next value of a named counter that only this till increments (receipt numbers), from 1. */
    long nextNumber(String counter);

    /** The moment this transaction records its facts at: one instant for all of them. */
    Instant now();

    TillIdentity identity();

    /** The chain's head after the last event appended in this transaction; empty before the first. */
    Optional<ChainHead> chainHead();
}
