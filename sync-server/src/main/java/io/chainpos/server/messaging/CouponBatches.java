package io.chainpos.server.messaging;

import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.promotion.CouponRedemptions;
import io.chainpos.server.promotion.Promotions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The coupon promotions (优惠券) of head office's published set whose codes messages may give, and which of their codes
 * are still free: neither given in a message nor used in a sale.
 */
public final class CouponBatches {
    /** A coupon promotion as the forms offer it, with how many codes it has in all. */
    public record Batch(String promotionCode, String nameZh, String nameEn, int codes) {
    }

    private final Promotions promotions;
    private final CouponRedemptions redemptions;
    private final CouponCodes given;

    public CouponBatches(Promotions promotions, CouponRedemptions redemptions, CouponCodes given) {
        this.promotions = promotions;
        this.redemptions = redemptions;
        this.given = given;
    }

    public List<Batch> batches() {
        return promotions.latest().promotions().stream().filter(p -> p.rule() instanceof Rule.Coupon)
                .map(p -> new Batch(p.code(), p.nameZh(), p.nameEn(), ((Rule.Coupon) p.rule()).codes().size())).toList();
    }

    /** The promotion's free codes in its own order; empty when it is not a coupon promotion of the published set. */
    public Optional<List<String>> free(String promotionCode) {
        Optional<Promotion> promotion = promotions.latest().find(promotionCode).filter(p -> p.rule() instanceof Rule.Coupon);
        if (promotion.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = ((Rule.Coupon) promotion.get().rule()).codes();
        Set<String> taken = new HashSet<>(given.givenAmong(codes));
        taken.addAll(redemptions.usedAmong(codes));
        List<String> free = new ArrayList<>();
        codes.stream().filter(c -> !taken.contains(c)).forEach(free::add);
        return Optional.of(free);
    }

    /** Those of {@code codes} some sale used. */
    public Set<String> usedAmong(java.util.Collection<String> codes) {
        return redemptions.usedAmong(codes);
    }

    /**
     * The code given to the member for {@code givenFor} earlier (a run interrupted before its message was queued), or
     * a free one given now; empty when the promotion has none left.
     */
    public Optional<String> giveOne(String promotionCode, String memberId, String givenFor, Instant at) {
        Optional<String> earlier = given.given(givenFor, memberId);
        if (earlier.isPresent()) {
            return earlier;
        }
        for (String code : free(promotionCode).orElse(List.of())) {
            if (given.give(promotionCode, code, memberId, givenFor, at)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
