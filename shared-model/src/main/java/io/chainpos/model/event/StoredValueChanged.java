package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.util.Objects;

/** A change to a member's stored value (储值), in minor units. */
public record StoredValueChanged(
        MemberId memberId,
        long delta,
        Reason reason,
        SaleId saleId) implements BalanceEvent {

    public enum Reason { TOPUP, BONUS, PAY, REFUND, ADJUST }

    public StoredValueChanged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(reason, "reason");
    }
}
