package io.chainpos.model.pricing;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.money.Money;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rates;
import io.chainpos.model.promotion.Rule;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices a cart: a pure function of the cart, the rules and the context. The order is fixed and is what
 * the receipt shows:
 * <ol>
 *   <li>a manager's price override replaces the list price (改价); an overridden line takes no promotion;</li>
 *   <li>line promotions, by ascending priority (ties by code);</li>
 *   <li>the cashier's manual line discount;</li>
 *   <li>order promotions (满减, coupons), by ascending priority, over the lines they cover;</li>
 *   <li>cash rounding of the total (抹零), when the store has it.</li>
 * </ol>
 * An exclusive promotion closes the lines it applied to, for every promotion after it. A member price rule
 * is implied (priority 0, stacking) when head office publishes none.
 */
public final class PricingEngine {
    public static final String OVERRIDE = "PRICE_OVERRIDE";
    public static final String LINE_DISCOUNT = "LINE_DISCOUNT";
    public static final String ROUNDING = "ROUNDING";
    public static final Promotion DEFAULT_MEMBER_PRICE =
            Promotion.everywhere("MEMBER_PRICE", "会员价", "Member price", 0, false, new Rule.MemberPrice());

    private static final Comparator<Promotion> ORDER = Comparator
            .comparing((Promotion p) -> p.rule().phase())
            .thenComparingInt(Promotion::priority)
            .thenComparing(Promotion::code);

    private PricingEngine() {
    }

    /** The promotions that may apply at {@code context.at()}, in the order they are applied. */
    public static List<Promotion> applicable(PricingRules rules, PricingContext context) {
        List<Promotion> all = new ArrayList<>(rules.promotions());
        if (all.stream().noneMatch(p -> p.rule() instanceof Rule.MemberPrice)) {
            all.add(DEFAULT_MEMBER_PRICE);
        }
        return inApplyOrder(all.stream()
                .filter(p -> p.validAt(context.at()))
                .filter(p -> !(p.rule() instanceof Rule.UnknownRule))
                .toList());
    }

    /**
     * {@code promotions} in the order a receipt applies them: every line rule before any order rule, each phase by
     * ascending priority, ties by code. Head office's pages show them in this order.
     */
    public static List<Promotion> inApplyOrder(List<Promotion> promotions) {
        return promotions.stream().sorted(ORDER).toList();
    }

    public static PricedSale price(List<CartItem> cart, PricingRules rules, PricingContext context) {
        Work work = new Work(cart);
        for (int i = 0; i < cart.size(); i++) {
            CartItem item = cart.get(i);
            if (item.overridePrice() != null) {
                long overridden = Money.cny(item.overridePrice()).timesMilli(item.qtyMilli()).minor();
                work.applyLine(i, OVERRIDE, "改价", work.running[i] - overridden);
                work.closed[i] = true;
            }
        }
        List<Promotion> ordered = applicable(rules, context);
        for (Promotion promotion : ordered) {
            if (promotion.rule().phase() == Rule.Phase.LINE) {
                applyLinePromotion(work, promotion, rules, context);
            }
        }
        for (int i = 0; i < cart.size(); i++) {
            long manual = Math.min(cart.get(i).manualDiscount(), work.running[i]);
            work.applyLine(i, LINE_DISCOUNT, "手工折扣", manual);
        }
        long[] net = work.running.clone();
        for (Promotion promotion : ordered) {
            if (promotion.rule().phase() == Rule.Phase.ORDER) {
                applyOrderPromotion(work, net, promotion, context);
            }
        }
        long beforeRounding = sum(net);
        long rounded = Math.max(0, rules.rounding().round(beforeRounding));
        if (rounded != beforeRounding) {
            work.applyOrder(ROUNDING, "抹零", beforeRounding - rounded);
        }
        return work.result(rounded);
    }

    private static void applyLinePromotion(Work work, Promotion promotion, PricingRules rules, PricingContext context) {
        Shopper shopper = context.shopper();
        LocalDateTime local = LocalDateTime.ofInstant(context.at(), context.zone());
        for (int i = 0; i < work.items.size(); i++) {
            CartItem item = work.items.get(i);
            if (work.closed[i] || !promotion.covers(item.sku(), item.category())) {
                continue;
            }
            long running = work.running[i];
            long off = switch (promotion.rule()) {
                case Rule.MemberPrice m -> shopper == null || item.memberPrice() == null ? 0
                        : running - Money.cny(item.memberPrice()).timesMilli(item.qtyMilli()).minor();
                case Rule.TierDiscount t -> shopper == null || shopper.tierCode() == null ? 0
                        : Rates.discountOff(running, rules.tierPayBasisPoints().getOrDefault(shopper.tierCode(), Rates.WHOLE));
                case Rule.CategoryDiscount c -> Rates.discountOff(running, c.payBasisPoints());
                case Rule.TimeWindowDiscount w -> w.coversTimeOfDay(local.toLocalTime())
                        ? Rates.discountOff(running, w.payBasisPoints()) : 0;
                case Rule.BirthdayMonthDiscount b -> shopper != null && shopper.birthday() != null
                        && shopper.birthday().getMonth() == local.getMonth() ? Rates.discountOff(running, b.payBasisPoints()) : 0;
                case Rule.BuyNGetM b -> freeShare(item, running, b);
                case Rule.SpendXSaveY s -> 0;
                case Rule.Coupon c -> 0;
                case Rule.UnknownRule u -> 0;
            };
            off = Math.min(Math.max(0, off), running);
            if (off > 0) {
                work.applyLine(i, promotion.code(), promotion.nameZh(), off);
                if (promotion.exclusive()) {
                    work.closed[i] = true;
                }
            }
        }
    }

    private static long freeShare(CartItem item, long running, Rule.BuyNGetM rule) {
        if (item.weighed() || item.qtyMilli() % 1000 != 0) {
            return 0;
        }
        long pieces = item.qtyMilli() / 1000;
        long free = pieces / (rule.buy() + rule.free()) * rule.free();
        return Rates.share(running, free, pieces);
    }

    private static void applyOrderPromotion(Work work, long[] net, Promotion promotion, PricingContext context) {
        List<Integer> covered = new ArrayList<>();
        long base = 0;
        for (int i = 0; i < work.items.size(); i++) {
            CartItem item = work.items.get(i);
            if (!work.closed[i] && promotion.covers(item.sku(), item.category()) && net[i] > 0) {
                covered.add(i);
                base += net[i];
            }
        }
        long off = switch (promotion.rule()) {
            case Rule.SpendXSaveY s -> base < s.threshold() ? 0 : s.saving() * (s.repeat() ? base / s.threshold() : 1);
            case Rule.Coupon c -> couponOff(c, base, context);
            default -> 0;
        };
        off = Math.min(off, base);
        if (off <= 0) {
            return;
        }
        // Spread the amount over the covered lines in proportion (largest remainder), so a later order
        // promotion sees what is really left on each line.
        long[] shares = Allocation.proportional(off, covered.stream().mapToLong(i -> net[i]).toArray());
        for (int k = 0; k < covered.size(); k++) {
            net[covered.get(k)] -= shares[k];
            if (promotion.exclusive()) {
                work.closed[covered.get(k)] = true;
            }
        }
        String name = promotion.rule() instanceof Rule.Coupon c
                ? promotion.nameZh() + " " + context.couponCodes().stream().filter(c::accepts).sorted().findFirst().orElse("")
                : promotion.nameZh();
        work.applyOrder(promotion.code(), name.strip(), off);
    }

    private static long couponOff(Rule.Coupon coupon, long base, PricingContext context) {
        boolean entered = context.couponCodes().stream().anyMatch(coupon::accepts);
        if (!entered || base < coupon.minSpend()) {
            return 0;
        }
        return coupon.amountOff() > 0 ? coupon.amountOff() : Rates.discountOff(base, coupon.payBasisPoints());
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total = Math.addExact(total, v);
        }
        return total;
    }

    /** The working state of one pricing: each line's running amount and promotions, the steps in order. */
    private static final class Work {
        final List<CartItem> items;
        final long[] gross;
        final long[] running;
        final boolean[] closed;
        final List<List<AppliedPromotion>> linePromotions = new ArrayList<>();
        final List<AppliedPromotion> orderPromotions = new ArrayList<>();
        final List<PricedSale.Step> steps = new ArrayList<>();

        Work(List<CartItem> items) {
            this.items = List.copyOf(items);
            this.gross = new long[items.size()];
            this.running = new long[items.size()];
            this.closed = new boolean[items.size()];
            for (int i = 0; i < items.size(); i++) {
                CartItem item = items.get(i);
                gross[i] = Money.cny(item.unitPrice()).timesMilli(item.qtyMilli()).minor();
                running[i] = gross[i];
                linePromotions.add(new ArrayList<>());
            }
        }

        void applyLine(int i, String code, String name, long amount) {
            if (amount == 0) {
                return;
            }
            running[i] -= amount;
            linePromotions.get(i).add(new AppliedPromotion(code, name, amount));
            steps.add(new PricedSale.Step(code, items.get(i).lineNo(), amount));
        }

        void applyOrder(String code, String name, long amount) {
            orderPromotions.add(new AppliedPromotion(code, name, amount));
            steps.add(new PricedSale.Step(code, 0, amount));
        }

        PricedSale result(long total) {
            List<PricedLine> lines = new ArrayList<>();
            long subtotal = 0;
            for (int i = 0; i < items.size(); i++) {
                CartItem item = items.get(i);
                lines.add(new PricedLine(item.lineNo(), item.sku(), item.name(), item.category(), item.qtyMilli(),
                        item.unitPrice(), gross[i], gross[i] - running[i], running[i], linePromotions.get(i)));
                subtotal += gross[i];
            }
            return new PricedSale(lines, orderPromotions, subtotal, subtotal - total, total, steps);
        }
    }
}
