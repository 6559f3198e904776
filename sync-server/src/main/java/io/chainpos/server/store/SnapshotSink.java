package io.chainpos.server.store;

/**
 * Receives a snapshot as the store reads it, in this order: the cursor it is taken at, the events kept as
 * they are, then the balances and stock carried forward as sums. Nothing is held in memory on the way.
 */
public interface SnapshotSink {
    /** The server sequence the snapshot reflects: the till pulls from here afterwards. */
    void begin(long cursor);

    /** An event exactly as stored. */
    void event(String body);

    /** A member's points and stored value, summed over every event not the till's own (at least one is non-zero). */
    void balance(String memberId, long points, long storedValue);

    /** The requesting store's stock of a SKU, summed likewise (non-zero). */
    void stock(String sku, long qtyMilli);
}
