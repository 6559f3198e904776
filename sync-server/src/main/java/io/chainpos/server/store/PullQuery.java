package io.chainpos.server.store;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.util.Objects;

/** A till asking for events after its cursor. */
public record PullQuery(long after, int limit, TillId requester, StoreId requesterStore) {
    public PullQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requesterStore, "requesterStore");
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("after must be >= 0 and limit >= 1");
        }
    }
}
