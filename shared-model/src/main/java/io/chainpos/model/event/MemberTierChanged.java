package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member moved tier: up on the sale that crossed a threshold ({@code saleId} set), or down at a period end
 * by head office's evaluation. {@code periodMeasure} is what qualified: spend in minor units, or points,
 * within the period starting {@code periodStart}, under tier rules {@code rulesVersion}.
 */
public record MemberTierChanged(
        MemberId memberId,
        String fromTier,
        String toTier,
        Direction direction,
        long rulesVersion,
        LocalDate periodStart,
        long periodMeasure,
        SaleId saleId) implements LoyaltyEvent {

    public enum Direction { UPGRADE, DOWNGRADE }

    public MemberTierChanged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(toTier, "toTier");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(periodStart, "periodStart");
    }
}
