package io.chainpos.till.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.promotion.Rule;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.member.MemberStore;
import java.util.List;
import java.util.Optional;

/**
 * Exchanges points for a reward from head office's list (积分兑换): goods handed over at the counter (stock
 * goes down) or a coupon code from the reward's coupon promotion, one not used or handed out anywhere yet.
 * The offline limit applies as to redeeming at the till.
 */
public final class RedeemReward {

    public sealed interface Result permits Redeemed, Refused {
    }

    /** Recorded; {@code couponCode} is the code to give the member for a coupon reward. */
    public record Redeemed(RewardRedeemed reward, long pointsLeft) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final BalanceStore balances;
    private final LoyaltyStore loyalty;
    private final LoyaltyAtCheckout atCheckout;
    private final CatalogStore catalog;
    private final java.time.Clock clock;

    public RedeemReward(Ledger ledger, MemberStore members, BalanceStore balances, LoyaltyStore loyalty, LoyaltyAtCheckout atCheckout,
                        CatalogStore catalog, java.time.Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.balances = balances;
        this.loyalty = loyalty;
        this.atCheckout = atCheckout;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The rewards head office offers now. */
    public List<LoyaltyRulesPublished.Reward> rewards() {
        return ledger.read(s -> catalog.loyaltyRules(s, clock.instant()).map(LoyaltyRulesPublished::rewards).orElse(List.of()));
    }

    public Result redeem(MemberId memberId, String rewardCode, String cashier) {
        return ledger.write(tx -> {
            if (memberId == null || members.findById(tx, memberId).isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.MEMBER_UNKNOWN));
            }
            MemberId member = members.findById(tx, memberId).orElseThrow().memberId();
            Optional<LoyaltyRulesPublished.Reward> reward = catalog.loyaltyRules(tx, tx.now()).stream()
                    .flatMap(r -> r.rewards().stream()).filter(r -> r.code().equalsIgnoreCase(rewardCode.strip())).findFirst();
            if (reward.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.NO_REWARD, rewardCode));
            }
            long points = reward.get().points();
            long available = balances.points(tx, member);
            if (points > available) {
                return new Refused(TillMessage.of(TillMessage.Code.REWARD_POINTS_SHORT, available, reward.get().name(), points));
            }
            Optional<TillMessage> capped = atCheckout.redeemRefusal(tx, member, points, tx.now());
            if (capped.isPresent()) {
                return new Refused(capped.get());
            }
            return record(tx, member, reward.get(), cashier);
        });
    }

    private Result record(LedgerTransaction tx, MemberId member, LoyaltyRulesPublished.Reward reward, String cashier) {
        String coupon = null;
        if (reward.kind() == RewardRedeemed.Kind.COUPON) {
            Optional<String> code = freeCouponCode(tx, reward.couponPromotion());
            if (code.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.NO_COUPON_LEFT, reward.couponPromotion()));
            }
            coupon = code.get();
        }
        RewardRedeemed redeemed = new RewardRedeemed(member, reward.code(), reward.kind(), reward.points(),
                reward.kind() == RewardRedeemed.Kind.GOODS ? reward.sku() : null, coupon, cashier);
        tx.append(redeemed);
        tx.append(new PointsChanged(member, -reward.points(), PointsChanged.Reason.REDEEM, null, List.of("REWARD:" + reward.code())));
        if (redeemed.sku() != null) {
            tx.append(new StockChanged(tx.identity().storeId(), redeemed.sku(), -1000, StockChanged.Reason.ADJUST,
                    "reward " + reward.code()));
        }
        return new Redeemed(redeemed, balances.points(tx, member));
    }

    private Optional<String> freeCouponCode(LedgerTransaction tx, String promotionCode) {
        return catalog.promotions(tx, tx.now()).map(PromotionsPublished::promotions).orElse(List.of()).stream()
                .filter(p -> p.code().equals(promotionCode) && p.rule() instanceof Rule.Coupon)
                .flatMap(p -> ((Rule.Coupon) p.rule()).codes().stream())
                .filter(code -> !loyalty.couponTaken(tx, code))
                .findFirst();
    }
}
