package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import java.util.Objects;

/**
 * Points exchanged for a reward from head office's catalog: goods handed over ({@code sku}) or a coupon
 * issued ({@code couponCode}, good once anywhere). The points leave by the REDEEM delta recorded with it.
 */
public record RewardRedeemed(
        MemberId memberId,
        String rewardCode,
        Kind kind,
        long points,
        Sku sku,
        String couponCode,
        String cashier) implements LoyaltyEvent {

    public enum Kind { GOODS, COUPON }

    public RewardRedeemed {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(rewardCode, "rewardCode");
        Objects.requireNonNull(kind, "kind");
        if (points <= 0) {
            throw new IllegalArgumentException("a reward costs points");
        }
    }
}
