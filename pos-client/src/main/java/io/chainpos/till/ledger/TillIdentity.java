package io.chainpos.till.ledger;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.util.Objects;

/** Who this till is: its store, its id, and the epoch its sequence numbers belong to. */
public record TillIdentity(StoreId storeId, TillId tillId, int epoch) {
    public TillIdentity {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(tillId, "tillId");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch starts at 1: " + epoch);
        }
    }
}
