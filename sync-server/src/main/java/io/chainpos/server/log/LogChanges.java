package io.chainpos.server.log;

import io.chainpos.model.id.StoreId;
import java.util.Set;

/**
 * Whom the events committed after a server sequence are for: the stores of the store-scoped ones, whether any is
 * chain-wide, and the log head they were read up to (where to ask from next).
 */
public record LogChanges(long head, Set<StoreId> stores, boolean chain) {
    public LogChanges {
        stores = Set.copyOf(stores);
    }

    public boolean isEmpty() {
        return stores.isEmpty() && !chain;
    }
}
