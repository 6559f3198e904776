package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;

/** A delta to one of a member's balances; balances are sums of these over distinct event ids. */
public sealed interface BalanceEvent extends Event permits PointsChanged, StoredValueChanged {
    MemberId memberId();

    long delta();

    /** The sale or refund this delta belongs to, or null. */
    SaleId saleId();
}
