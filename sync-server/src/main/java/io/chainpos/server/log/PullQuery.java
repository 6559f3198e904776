package io.chainpos.server.log;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.util.Objects;

/**
 * A till asking for events after its cursor. It never gets back its own events of the epoch it writes in
 * ({@code requesterEpoch}); those of its earlier epochs it does get, for a reinstalled till has lost them.
 */
public record PullQuery(long after, int limit, TillId requester, int requesterEpoch, StoreId requesterStore) {
    public PullQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requesterStore, "requesterStore");
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("after must be >= 0 and limit >= 1");
        }
    }
}
