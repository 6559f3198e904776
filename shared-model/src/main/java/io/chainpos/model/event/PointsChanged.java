package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.util.List;
import java.util.Objects;

/** Points earned, redeemed, expired, adjusted or reversed, with the rules that produced them. */
public record PointsChanged(
        MemberId memberId,
        long delta,
        Reason reason,
        SaleId saleId,
        List<String> rulesApplied) implements BalanceEvent {

    public enum Reason { EARN, REDEEM, EXPIRE, ADJUST, REVERSE }

    public PointsChanged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(reason, "reason");
        rulesApplied = rulesApplied == null ? List.of() : List.copyOf(rulesApplied);
    }
}
