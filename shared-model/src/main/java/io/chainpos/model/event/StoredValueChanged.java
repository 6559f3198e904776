package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.TopUpId;
import java.util.Objects;

/**
 * A change to a member's stored value (储值), in minor units. {@code bonusPart} is the part of
 * {@code delta} that is bonus money (given by a top-up rule, spent last, never paid out as cash), with
 * the same sign as {@code delta}; the rest is money the member paid. {@code topUpId} names the top-up a
 * TOPUP, BONUS or REFUND delta belongs to.
 */
public record StoredValueChanged(
        MemberId memberId,
        long delta,
        Reason reason,
        SaleId saleId,
        long bonusPart,
        TopUpId topUpId) implements BalanceEvent {

    public enum Reason { TOPUP, BONUS, PAY, REFUND, ADJUST }

    public StoredValueChanged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(reason, "reason");
        if (bonusPart != 0 && (Long.signum(bonusPart) != Long.signum(delta) || Math.abs(bonusPart) > Math.abs(delta))) {
            throw new IllegalArgumentException("the bonus part is within the delta and of its sign: " + bonusPart + " of " + delta);
        }
    }

    /** A change of paid money only. */
    public StoredValueChanged(MemberId memberId, long delta, Reason reason, SaleId saleId) {
        this(memberId, delta, reason, saleId, 0, null);
    }

    /** The part of {@code delta} that is money the member paid. */
    public long paidPart() {
        return delta - bonusPart;
    }
}
