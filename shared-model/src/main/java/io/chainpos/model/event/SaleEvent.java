package io.chainpos.model.event;

/** Facts about money taken or given back at a counter. */
public sealed interface SaleEvent extends Event permits SaleCompleted, SaleRefunded, CouponRedeemed {
}
