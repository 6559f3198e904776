package io.chainpos.model.event;

import io.chainpos.model.id.SaleId;
import java.util.Objects;

/** A coupon code was used up by a sale; a code is good for one use. */
public record CouponRedeemed(String code, String promotionCode, SaleId saleId) implements SaleEvent {
    public CouponRedeemed {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(saleId, "saleId");
    }
}
