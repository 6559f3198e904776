package io.chainpos.server.log;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A till asking for the chain's state instead of the events since its cursor. {@code have} is, per epoch of
 * its own, the highest sequence it still holds in its ledger: those events it counts itself, so they are
 * left out; any of its own it lost (a reinstall, a restore) come back. Sales and audit records received
 * before {@code recordsSince} are left out.
 */
public record SnapshotQuery(TillId requester, StoreId requesterStore, Map<Integer, Long> have, Instant recordsSince) {
    public SnapshotQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requesterStore, "requesterStore");
        Objects.requireNonNull(recordsSince, "recordsSince");
        have = Map.copyOf(have);
    }

    /** True for an event of the requester that it still holds. */
    boolean isHeld(String tillId, int epoch, long seq) {
        return requester.value().equals(tillId) && seq <= have.getOrDefault(epoch, 0L);
    }
}
