package io.chainpos.model.sync;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;

/**
 * The till's identity and device token. {@code tillEpoch} is new at every enrollment, so a till that is
 * reinstalled or restored and enrolled again never reuses the sequence numbers of its former life.
 * {@code memberLookupKey} is the chain's secret for the keyed phone hash (base64), so the till can find members
 * by phone without keeping phones readable.
 */
public record EnrollResponse(StoreId storeId, TillId tillId, String token, int tillEpoch, String memberLookupKey) {
    @Override
    public String toString() {
        return "EnrollResponse[" + storeId + ", " + tillId + ", epoch " + tillEpoch + "]";
    }
}
