package io.chainpos.server.merge;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;

/**
 * Where head office's own events come from: the server appends them as store {@code HQ}, till {@code HQ},
 * in one epoch with gap-free sequence numbers, like any till. No real till may enroll under these names.
 */
public final class HeadOfficeTill {
    public static final StoreId STORE = StoreId.of("HQ");
    public static final TillId TILL = TillId.of("HQ");
    public static final int EPOCH = 1;

    private HeadOfficeTill() {
    }

    public static boolean isReserved(StoreId storeId, TillId tillId) {
        return STORE.equals(storeId) || TILL.equals(tillId);
    }
}
