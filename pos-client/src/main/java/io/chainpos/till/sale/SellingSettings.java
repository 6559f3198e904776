package io.chainpos.till.sale;

import io.chainpos.model.pricing.CashRounding;
import io.chainpos.model.scan.ScaleLayout;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A store's selling settings: its time zone (daily promotion windows, birthday months), cash rounding, how
 * its scale prints labels, and how much of a line a cashier may discount without a manager (basis points).
 */
public record SellingSettings(ZoneId zone, CashRounding rounding, ScaleLayout scale, int cashierDiscountLimitBasisPoints) {
    public SellingSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(scale, "scale");
    }

    public static SellingSettings defaults(ZoneId zone) {
        return new SellingSettings(zone, CashRounding.NONE, ScaleLayout.DEFAULT, 1000);
    }
}
