package io.chainpos.server.log;

import io.chainpos.model.id.StoreId;
import java.util.Set;

/**
 * Whom the events committed after a server sequence are for: the stores of the store-scoped ones, whether any is
 * chain-wide, whether any is head office's (chain-wide too, and wanted on every counter at once), and the log head they
 * were read up to (where to ask from next). Too many to read which they are, they are taken as chain-wide and head
 * office's: every till is to be woken.
 */
public record LogChanges(long head, Set<StoreId> stores, boolean chain, boolean headOffice) {
    public LogChanges {
        stores = Set.copyOf(stores);
    }

    public boolean isEmpty() {
        return stores.isEmpty() && !chain;
    }
}
