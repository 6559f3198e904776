package io.chainpos.model.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.model.pricing.CashRounding;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.pricing.PricingContext;
import io.chainpos.model.pricing.PricingEngine;
import io.chainpos.model.pricing.PricingRules;
import io.chainpos.model.pricing.Shopper;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The selling rules' invariants over generated carts, promotions, tenders and refunds. */
class SellingPropertiesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");
    private static final List<String> CATEGORIES = List.of("DRINKS", "BAKERY", "FRUIT");

    // --- tenders -------------------------------------------------------------------------------------------

    @Property
    void tendersMinusChangeEqualTheTotal(@ForAll @LongRange(max = 1_000_000) long total,
                                         @ForAll("tenders") List<Tender> tenders) {
        if (Tendering.settle(total, tenders) instanceof Tendering.Settled settled) {
            assertThat(settled.tendered() - settled.change()).isEqualTo(total);
            assertThat(settled.change()).isBetween(0L, settled.of(TenderMethod.CASH));
            assertThat(java.util.Arrays.stream(Tendering.kept(tenders, settled.change())).min().orElse(0)).isNotNegative();
            assertThat(java.util.Arrays.stream(Tendering.kept(tenders, settled.change())).sum()).isEqualTo(total);
        } else {
            long tendered = tenders.stream().mapToLong(Tender::amount).sum();
            long nonCash = tenders.stream().filter(t -> t.method() != TenderMethod.CASH).mapToLong(Tender::amount).sum();
            assertThat(tendered < total || nonCash > total || tenders.stream().anyMatch(t -> t.amount() <= 0))
                    .as("refused only when short, or non-cash over the total").isTrue();
        }
    }

    // --- pricing -------------------------------------------------------------------------------------------

    @Property
    void totalsAreNeverNegativeAndDiscountsAddUp(@ForAll("carts") List<CartItem> cart,
                                                 @ForAll("promotionSets") List<Promotion> promotions,
                                                 @ForAll("shoppers") Shopper shopper,
                                                 @ForAll CashRounding rounding) {
        PricedSale sale = PricingEngine.price(cart, rules(promotions, rounding), context(shopper));

        assertThat(sale.total()).isNotNegative();
        assertThat(sale.lines()).allSatisfy(line -> assertThat(line.total()).isNotNegative());
        assertThat(sale.total()).isEqualTo(sale.subtotal() - sale.discountTotal());
        assertThat(sale.steps().stream().mapToLong(PricedSale.Step::amount).sum()).isEqualTo(sale.discountTotal());
    }

    @Property
    void theSameCartAndRulesAlwaysPriceTheSame(@ForAll("carts") List<CartItem> cart,
                                               @ForAll("promotionSets") List<Promotion> promotions,
                                               @ForAll("shoppers") Shopper shopper,
                                               @ForAll CashRounding rounding,
                                               @ForAll long seed) {
        List<Promotion> shuffled = new ArrayList<>(promotions);
        Collections.shuffle(shuffled, new java.util.Random(seed));

        PricedSale first = PricingEngine.price(cart, rules(promotions, rounding), context(shopper));
        PricedSale again = PricingEngine.price(List.copyOf(cart), rules(shuffled, rounding), context(shopper));

        assertThat(again).isEqualTo(first);
    }

    @Property
    void theReceiptShowsThePromotionsInTheStatedOrder(@ForAll("carts") List<CartItem> cart,
                                                      @ForAll("promotionSets") List<Promotion> promotions,
                                                      @ForAll("shoppers") Shopper shopper) {
        PricingRules rules = rules(promotions, CashRounding.NONE);
        PricedSale sale = PricingEngine.price(cart, rules, context(shopper));
        List<String> order = new ArrayList<>(List.of(PricingEngine.OVERRIDE));
        PricingEngine.applicable(rules, context(shopper)).stream()
                .filter(p -> p.rule().phase() == Rule.Phase.LINE).forEach(p -> order.add(p.code()));
        order.add(PricingEngine.LINE_DISCOUNT);
        PricingEngine.applicable(rules, context(shopper)).stream()
                .filter(p -> p.rule().phase() == Rule.Phase.ORDER).forEach(p -> order.add(p.code()));

        // Steps come in the stated order: override, line promotions by priority, manual discount, order promotions.
        List<Integer> ranks = sale.steps().stream().map(step -> order.indexOf(step.code())).toList();
        assertThat(ranks).doesNotContain(-1).isSorted();
        // What each line and the order show is exactly those steps, and replaying them gives the totals.
        for (PricedLine line : sale.lines()) {
            List<AppliedPromotion> fromSteps = sale.steps().stream().filter(s -> s.lineNo() == line.lineNo())
                    .map(s -> new AppliedPromotion(s.code(), "", s.amount())).toList();
            assertThat(line.promotions()).extracting(AppliedPromotion::code, AppliedPromotion::amount)
                    .containsExactlyElementsOf(fromSteps.stream()
                            .map(p -> org.assertj.core.groups.Tuple.tuple(p.code(), p.amount())).toList());
            assertThat(line.gross() - fromSteps.stream().mapToLong(AppliedPromotion::amount).sum()).isEqualTo(line.total());
        }
        long orderOff = sale.steps().stream().filter(s -> s.lineNo() == 0).mapToLong(PricedSale.Step::amount).sum();
        assertThat(sale.orderPromotions().stream().mapToLong(AppliedPromotion::amount).sum()).isEqualTo(orderOff);
        assertThat(sale.lines().stream().mapToLong(PricedLine::total).sum() - orderOff).isEqualTo(sale.total());
    }

    // --- refunds -------------------------------------------------------------------------------------------

    @Property
    void aRefundNeverExceedsWhatRemainsRefundable(@ForAll("carts") List<CartItem> cart,
                                                  @ForAll("promotionSets") List<Promotion> promotions,
                                                  @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 9) Integer> picks,
                                                  @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 5000) Integer> qtys,
                                                  @ForAll CashRounding rounding) {
        PricedSale priced = PricingEngine.price(cart, rules(promotions, rounding), context(new Shopper("GOLD", null)));
        SaleCompleted sale = paid(priced);
        List<SaleRefunded> refunds = new ArrayList<>();
        for (int i = 0; i < Math.min(picks.size(), qtys.size()); i++) {
            List<Refunds.Refundable> before = Refunds.remaining(sale, refunds);
            Refunds.Refundable pick = before.get(picks.get(i) % before.size());
            Refunds.Outcome outcome = Refunds.plan(sale, refunds, List.of(new Refunds.Request(pick.sku(), qtys.get(i))));
            if (outcome instanceof Refunds.Planned planned) {
                assertThat(qtys.get(i).longValue()).isLessThanOrEqualTo(pick.qtyMilli());
                assertThat(planned.total()).isBetween(0L, pick.amount());
                assertThat(planned.tenders().stream().mapToLong(Tender::amount).sum()).isEqualTo(planned.total());
                refunds.add(new SaleRefunded(new RefundId(UUID.randomUUID()), sale.saleId(), "CNY", planned.lines(),
                        planned.total(), planned.tenders(), null, null, null));
            } else {
                assertThat(qtys.get(i).longValue()).isGreaterThan(pick.qtyMilli());
            }
        }
        long refunded = refunds.stream().mapToLong(SaleRefunded::total).sum();
        assertThat(refunded).isBetween(0L, sale.total());
        Map<TenderMethod, Long> given = new HashMap<>();
        refunds.forEach(r -> r.tenders().forEach(t -> given.merge(t.method(), t.amount(), Long::sum)));
        long[] kept = Tendering.kept(sale.tenders(), sale.change());
        for (int i = 0; i < kept.length; i++) {
            assertThat(given.getOrDefault(sale.tenders().get(i).method(), 0L)).isLessThanOrEqualTo(kept[i]);
        }
        // Refunding all that is left gives back exactly the rest of the total.
        List<Refunds.Request> rest = Refunds.remaining(sale, refunds).stream().filter(r -> r.qtyMilli() > 0)
                .map(r -> new Refunds.Request(r.sku(), r.qtyMilli())).toList();
        if (!rest.isEmpty() && Refunds.plan(sale, refunds, rest) instanceof Refunds.Planned last) {
            assertThat(refunded + last.total()).isEqualTo(sale.total());
        }
    }

    // --- generators ----------------------------------------------------------------------------------------

    private static SaleCompleted paid(PricedSale priced) {
        long card = priced.total() / 3;
        List<Tender> tenders = new ArrayList<>();
        if (card > 0) {
            tenders.add(new Tender(TenderMethod.BANK_CARD, card, "T1"));
        }
        tenders.add(new Tender(TenderMethod.CASH, priced.total() - card + 50, null));
        return new SaleCompleted(new SaleId(UUID.randomUUID()), ReceiptNo.of("R-1"), null, "CNY", priced.saleLines(),
                priced.orderPromotions(), priced.subtotal(), priced.discountTotal(), priced.total(), tenders, 50, 1, "c");
    }

    private static PricingRules rules(List<Promotion> promotions, CashRounding rounding) {
        return new PricingRules(promotions, Map.of("GOLD", 9500, "SILVER", 9800), rounding);
    }

    private static PricingContext context(Shopper shopper) {
        return new PricingContext(AT, ZONE, shopper, Set.of("C-1", "C-2"));
    }

    @Provide
    Arbitrary<List<Tender>> tenders() {
        Arbitrary<Tender> tender = Combinators.combine(Arbitraries.of(TenderMethod.class), Arbitraries.longs().between(1, 300_000))
                .as((method, amount) -> new Tender(method, amount, "REF"));
        return tender.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Shopper> shoppers() {
        return Arbitraries.oneOf(Arbitraries.just(null),
                Combinators.combine(Arbitraries.of("GOLD", "SILVER", "NORMAL"), Arbitraries.integers().between(1, 12))
                        .as((tier, month) -> new Shopper(tier, LocalDate.of(1990, month, 1))));
    }

    @Provide
    Arbitrary<List<CartItem>> carts() {
        Arbitrary<CartItem> item = Combinators.combine(
                Arbitraries.integers().between(1, 6), Arbitraries.of(CATEGORIES), Arbitraries.longs().between(1, 20).map(q -> q * 1000),
                Arbitraries.longs().between(0, 50_000), Arbitraries.longs().between(0, 50_000).injectNull(0.6),
                Arbitraries.longs().between(0, 50_000).injectNull(0.9), Arbitraries.longs().between(0, 3_000).injectNull(0.7),
                Arbitraries.of(false, true))
                .as((sku, category, qty, price, member, override, manual, weighed) -> new CartItem(0, Sku.of("SKU" + sku),
                        "P" + sku, category, weighed ? qty / 7 + 1 : qty, weighed, price, member, override,
                        manual == null ? 0 : manual));
        return item.list().ofMinSize(1).ofMaxSize(6).map(items -> {
            List<CartItem> numbered = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                CartItem c = items.get(i);
                numbered.add(new CartItem(i + 1, c.sku(), c.name(), c.category(), c.qtyMilli(), c.weighed(), c.unitPrice(),
                        c.memberPrice(), c.overridePrice(), c.manualDiscount()));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<List<Promotion>> promotionSets() {
        Arbitrary<Rule> rule = Arbitraries.oneOf(
                Arbitraries.just(new Rule.MemberPrice()),
                Arbitraries.just(new Rule.TierDiscount()),
                Arbitraries.integers().between(0, 10_000).map(Rule.CategoryDiscount::new),
                Arbitraries.integers().between(0, 10_000).map(bp -> new Rule.TimeWindowDiscount(bp, LocalTime.of(9, 0), LocalTime.of(21, 0))),
                Arbitraries.integers().between(0, 10_000).map(Rule.BirthdayMonthDiscount::new),
                Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3)).as(Rule.BuyNGetM::new),
                Combinators.combine(Arbitraries.longs().between(1, 20_000), Arbitraries.longs().between(1, 30_000), Arbitraries.of(true, false))
                        .as(Rule.SpendXSaveY::new),
                Combinators.combine(Arbitraries.longs().between(0, 30_000), Arbitraries.integers().between(1, 9_999),
                        Arbitraries.longs().between(0, 10_000)).as((off, bp, min) -> new Rule.Coupon(List.of("C-1"), off, bp, min)));
        Arbitrary<Promotion> promotion = Combinators.combine(rule, Arbitraries.integers().between(-5, 5), Arbitraries.of(true, false),
                Arbitraries.of(CATEGORIES).list().ofMaxSize(2), Arbitraries.integers().between(0, 999))
                .as((r, priority, exclusive, categories, n) -> new Promotion("P" + n, "促销" + n, null, priority, exclusive,
                        null, null, List.of(), categories, r));
        return promotion.list().ofMaxSize(5).uniqueElements(Promotion::code);
    }
}
