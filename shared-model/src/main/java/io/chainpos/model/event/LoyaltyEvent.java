package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;

/**
 * Issue 4: loyalty facts that are not plain balance deltas: a member's tier moving, a stored-value top-up
 * taken at a counter and its refund, a reward bought with points. Their balance effects are recorded
 * alongside as {@link PointsChanged} and {@link StoredValueChanged}, so balances stay sums of deltas.
 */
public sealed interface LoyaltyEvent extends Event permits MemberTierChanged, StoredValueToppedUp, TopUpRefunded, RewardRedeemed {
    MemberId memberId();
}
