package io.chainpos.model.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.id.Sku;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PricingEngineTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z"); // 12:00 in Shanghai
    static final CartItem COLA = new CartItem(1, Sku.of("100001"), "可口可乐", "DRINKS", 4000, false, 350, 300L, null, 0);
    static final CartItem BREAD = new CartItem(2, Sku.of("100002"), "面包", "BAKERY", 1000, false, 800, null, null, 0);

    private static PricingContext at(Instant at, Shopper shopper, String... coupons) {
        return new PricingContext(at, SHANGHAI, shopper, Set.of(coupons));
    }

    private static PricingRules rules(Promotion... promotions) {
        return new PricingRules(List.of(promotions), Map.of("GOLD", 9500), CashRounding.NONE);
    }

    @Test
    void withoutAMemberTheListPriceIsPaid() {
        PricedSale sale = PricingEngine.price(List.of(COLA, BREAD), rules(), at(NOON, null));

        assertThat(sale.total()).isEqualTo(2200);
        assertThat(sale.discountTotal()).isZero();
        assertThat(sale.steps()).isEmpty();
    }

    @Test
    void memberPriceThenTierDiscountStackInTheirOrderAndAreNamedOnTheLine() {
        Promotion tier = Promotion.everywhere("TIER", "会员等级折扣", "Tier discount", 5, false, new Rule.TierDiscount());

        PricedSale sale = PricingEngine.price(List.of(COLA, BREAD), rules(tier), at(NOON, new Shopper("GOLD", null)));

        // cola 14.00 -> member price 12.00 -> 95% = 11.40; bread 8.00 -> 95% = 7.60
        assertThat(sale.lines()).extracting(PricedLine::total).containsExactly(1140L, 760L);
        assertThat(sale.lines().getFirst().promotions()).containsExactly(
                new AppliedPromotion("MEMBER_PRICE", "会员价", 200), new AppliedPromotion("TIER", "会员等级折扣", 60));
        assertThat(sale.steps()).extracting(PricedSale.Step::code).containsExactly("MEMBER_PRICE", "TIER", "TIER");
        assertThat(sale.total()).isEqualTo(1900);
    }

    @Test
    void anExclusivePromotionStopsLaterOnesOnItsLines() {
        Promotion half = new Promotion("HALF", "饮料5折", "Drinks half price", -1, true, null, null, List.of(),
                List.of("DRINKS"), new Rule.CategoryDiscount(5000));

        PricedSale sale = PricingEngine.price(List.of(COLA), rules(half), at(NOON, new Shopper("GOLD", null)));

        assertThat(sale.lines().getFirst().promotions()).extracting(AppliedPromotion::code).containsExactly("HALF");
        assertThat(sale.total()).isEqualTo(700);
    }

    @Test
    void spendXSaveYRepeatsForEveryThresholdReachedInScope() {
        Promotion mj = new Promotion("MJ", "满10减1", "1 off every 10", 1, false, null, null, List.of(), List.of("DRINKS"),
                new Rule.SpendXSaveY(1000, 100, true));
        CartItem manyCola = COLA.withQuantity(9000); // 31.50

        PricedSale sale = PricingEngine.price(List.of(manyCola, BREAD), rules(mj), at(NOON, null));

        assertThat(sale.orderPromotions()).containsExactly(new AppliedPromotion("MJ", "满10减1", 300));
        assertThat(sale.total()).isEqualTo(3150 + 800 - 300);
    }

    @Test
    void aTimeWindowDiscountAppliesOnlyInItsHoursAndValidity() {
        Promotion happy = new Promotion("HH", "下午茶8折", "Tea time", 1, false, NOON.minusSeconds(86400),
                NOON.plusSeconds(86400), List.of("100002"), List.of(), new Rule.TimeWindowDiscount(8000,
                LocalTime.of(15, 0), LocalTime.of(17, 0)));

        long atNoon = PricingEngine.price(List.of(BREAD), rules(happy), at(NOON, null)).total();
        long atFour = PricingEngine.price(List.of(BREAD), rules(happy), at(NOON.plusSeconds(4 * 3600), null)).total();
        long twoDaysLater = PricingEngine.price(List.of(BREAD), rules(happy), at(NOON.plusSeconds(2 * 86400 + 4 * 3600), null)).total();

        assertThat(atNoon).isEqualTo(800);
        assertThat(atFour).isEqualTo(640);
        assertThat(twoDaysLater).isEqualTo(800);
    }

    @Test
    void birthdayMonthDiscountNeedsTheMembersBirthdayMonth() {
        Promotion birthday = Promotion.everywhere("BDAY", "生日月9折", "Birthday month", 1, false,
                new Rule.BirthdayMonthDiscount(9000));

        long novemberBaby = PricingEngine.price(List.of(BREAD), rules(birthday),
                at(NOON, new Shopper(null, LocalDate.of(1990, 11, 5)))).total();
        long mayBaby = PricingEngine.price(List.of(BREAD), rules(birthday),
                at(NOON, new Shopper(null, LocalDate.of(1990, 5, 5)))).total();

        assertThat(novemberBaby).isEqualTo(720);
        assertThat(mayBaby).isEqualTo(800);
    }

    @Test
    void buyTwoGetOneMakesEveryThirdPieceFree() {
        Promotion b2g1 = new Promotion("B2G1", "买二送一", "3 for 2", 1, false, null, null, List.of("100002"), List.of(),
                new Rule.BuyNGetM(2, 1));

        PricedSale sale = PricingEngine.price(List.of(BREAD.withQuantity(7000)), rules(b2g1), at(NOON, null));

        assertThat(sale.lines().getFirst().discount()).isEqualTo(1600);
        assertThat(sale.total()).isEqualTo(4000);
    }

    @Test
    void aCouponNeedsItsCodeAndTheMinimumSpend() {
        Promotion coupon = Promotion.everywhere("C5", "5元券", "5 off", 1, false,
                new Rule.Coupon(List.of("ABC-1"), 500, 0, 2000));

        assertThat(PricingEngine.price(List.of(COLA, BREAD), rules(coupon), at(NOON, null)).total()).isEqualTo(2200);
        PricedSale used = PricingEngine.price(List.of(COLA, BREAD), rules(coupon), at(NOON, null, "abc-1"));
        assertThat(used.total()).isEqualTo(1700);
        assertThat(used.orderPromotions()).containsExactly(new AppliedPromotion("C5", "5元券 ABC-1", 500));
        assertThat(PricingEngine.price(List.of(BREAD), rules(coupon), at(NOON, null, "ABC-1")).total()).isEqualTo(800);
    }

    @Test
    void anOverriddenLineTakesNoPromotionAndTheOverrideIsOnTheReceipt() {
        PricedSale sale = PricingEngine.price(List.of(COLA.withOverride(250L)), rules(), at(NOON, new Shopper(null, null)));

        assertThat(sale.lines().getFirst().promotions()).containsExactly(new AppliedPromotion("PRICE_OVERRIDE", "改价", 400));
        assertThat(sale.total()).isEqualTo(1000);
    }

    @Test
    void cashRoundingToTheJiaoIsTheLastStep() {
        CartItem odd = new CartItem(1, Sku.of("X"), "x", "", 1000, false, 1239, null, null, 0);
        PricingRules down = new PricingRules(List.of(), Map.of(), CashRounding.DOWN_TO_JIAO);
        PricingRules halfUp = new PricingRules(List.of(), Map.of(), CashRounding.HALF_UP_TO_JIAO);

        PricedSale roundedDown = PricingEngine.price(List.of(odd), down, at(NOON, null));
        PricedSale roundedUp = PricingEngine.price(List.of(odd.withManualDiscount(4)), halfUp, at(NOON, null));

        assertThat(roundedDown.total()).isEqualTo(1230);
        assertThat(roundedDown.orderPromotions()).containsExactly(new AppliedPromotion("ROUNDING", "抹零", 9));
        assertThat(roundedUp.total()).isEqualTo(1240);
        assertThat(roundedUp.steps().getLast()).isEqualTo(new PricedSale.Step("ROUNDING", 0, -5));
    }

    @Test
    void promotionsOutsideTheirValidityDoNotApply() {
        Promotion later = new Promotion("LATER", "明天的折扣", "Tomorrow", 1, false, NOON.plusSeconds(3600), null,
                List.of(), List.of(), new Rule.CategoryDiscount(5000));

        assertThat(PricingEngine.price(List.of(BREAD), rules(later), at(NOON, null)).total()).isEqualTo(800);
        assertThat(PricingEngine.price(List.of(BREAD), rules(later), at(NOON.plusSeconds(3600), null)).total()).isEqualTo(400);
    }
}
