package io.chainpos.server.auth;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.util.Objects;

/** An enrolled till; {@code tillEpoch} is the epoch its token was issued for, the latest it may write. */
public record TillPrincipal(StoreId storeId, TillId tillId, int tillEpoch) implements Principal {
    public TillPrincipal {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(tillId, "tillId");
    }
}
