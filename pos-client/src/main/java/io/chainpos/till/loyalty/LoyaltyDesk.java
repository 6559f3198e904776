package io.chainpos.till.loyalty;

/** The loyalty use-cases a counter offers besides selling: the slot the screens and the command line call. */
public record LoyaltyDesk(TopUp topUp, RefundTopUp refundTopUp, RedeemReward redeemReward, ExpiringPoints expiringPoints,
                          LoyaltyStore store) {
}
