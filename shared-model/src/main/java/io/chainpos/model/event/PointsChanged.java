package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.util.List;
import java.util.Objects;

/**
 * Points earned, redeemed, expired, adjusted or reversed, with the rules that produced them.
 * {@code qualifyingSpend} is the money (minor units) this sale counts towards the member's tier in its
 * period: positive on an EARN, negative on a REVERSE; it travels chain-wide with the points, so every till
 * knows a member's period spend across all stores without seeing other stores' sales.
 */
public record PointsChanged(
        MemberId memberId,
        long delta,
        Reason reason,
        SaleId saleId,
        List<String> rulesApplied,
        long qualifyingSpend) implements BalanceEvent {

    public enum Reason { EARN, REDEEM, EXPIRE, ADJUST, REVERSE }

    public PointsChanged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(reason, "reason");
        rulesApplied = rulesApplied == null ? List.of() : List.copyOf(rulesApplied);
    }

    /** A change that counts nothing towards a tier. */
    public PointsChanged(MemberId memberId, long delta, Reason reason, SaleId saleId, List<String> rulesApplied) {
        this(memberId, delta, reason, saleId, rulesApplied, 0);
    }
}
