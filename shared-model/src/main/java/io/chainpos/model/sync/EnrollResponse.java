package io.chainpos.model.sync;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;

/**
 * The till's identity and device token. {@code tillEpoch} is new at every enrollment, so a till that is
 * reinstalled or restored and enrolled again never reuses the sequence numbers of its former life.
 */
public record EnrollResponse(StoreId storeId, TillId tillId, String token, int tillEpoch) {
}
