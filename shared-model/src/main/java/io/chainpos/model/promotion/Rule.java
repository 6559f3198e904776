package io.chainpos.model.promotion;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a promotion does, one record per kind. Stored with its {@code kind} name; a kind this build does not
 * know is read as {@link UnknownRule} and never applied, so a newer head office cannot break an older till.
 * Rates are basis points of the price that is paid (8000 = pay 80%, "8折").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind", visible = true,
        defaultImpl = Rule.UnknownRule.class)
@JsonSubTypes({
        @JsonSubTypes.Type(Rule.MemberPrice.class),
        @JsonSubTypes.Type(Rule.TierDiscount.class),
        @JsonSubTypes.Type(Rule.CategoryDiscount.class),
        @JsonSubTypes.Type(Rule.TimeWindowDiscount.class),
        @JsonSubTypes.Type(Rule.BirthdayMonthDiscount.class),
        @JsonSubTypes.Type(Rule.BuyNGetM.class),
        @JsonSubTypes.Type(Rule.SpendXSaveY.class),
        @JsonSubTypes.Type(Rule.Coupon.class)})
public sealed interface Rule {

    /** Line rules change each line's amount; order rules take an amount off the lines they cover together. */
    enum Phase { LINE, ORDER }

    Phase phase();

    /** 会员价: a member pays the product's member price (at most; an earlier promotion may already be lower). */
    @JsonTypeName("MEMBER_PRICE")
    record MemberPrice() implements Rule {
        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }

    /** 等级折扣: a member pays their tier's rate (TierRulesPublished discountBasisPoints). */
    @JsonTypeName("TIER_DISCOUNT")
    record TierDiscount() implements Rule {
        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }

    /** 品类折扣: lines in scope pay {@code payBasisPoints} (正价8折 = 8000). */
    @JsonTypeName("CATEGORY_DISCOUNT")
    record CategoryDiscount(int payBasisPoints) implements Rule {
        public CategoryDiscount {
            Rates.check(payBasisPoints);
        }

        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }

    /**
     * 限时折扣: within the promotion's validity, and each day between {@code dailyFrom} and {@code dailyUntil}
     * (store time; both null means all day), lines in scope pay {@code payBasisPoints}.
     */
    @JsonTypeName("TIME_WINDOW_DISCOUNT")
    record TimeWindowDiscount(int payBasisPoints, LocalTime dailyFrom, LocalTime dailyUntil) implements Rule {
        public TimeWindowDiscount {
            Rates.check(payBasisPoints);
            if ((dailyFrom == null) != (dailyUntil == null)) {
                throw new IllegalArgumentException("a daily window needs both ends");
            }
        }

        @Override
        public Phase phase() {
            return Phase.LINE;
        }

        /** True when {@code time} (store time) falls in the daily window, or there is none. */
        public boolean coversTimeOfDay(LocalTime time) {
            if (dailyFrom == null) {
                return true;
            }
            return dailyFrom.isBefore(dailyUntil)
                    ? !time.isBefore(dailyFrom) && time.isBefore(dailyUntil)
                    : !time.isBefore(dailyFrom) || time.isBefore(dailyUntil); // a window across midnight
        }
    }

    /** 生日月折扣: in the member's birthday month (store time), lines in scope pay {@code payBasisPoints}. */
    @JsonTypeName("BIRTHDAY_MONTH_DISCOUNT")
    record BirthdayMonthDiscount(int payBasisPoints) implements Rule {
        public BirthdayMonthDiscount {
            Rates.check(payBasisPoints);
        }

        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }

    /** 买N送M: of every {@code buy + free} pieces of one product, {@code free} are free. Pieces only, not weight. */
    @JsonTypeName("BUY_N_GET_M")
    record BuyNGetM(int buy, int free) implements Rule {
        public BuyNGetM {
            if (buy < 1 || free < 1) {
                throw new IllegalArgumentException("buy and free must be at least 1");
            }
        }

        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }

    /** 满减: {@code saving} off when the lines in scope reach {@code threshold}; every time they reach it if {@code repeat} (每满). */
    @JsonTypeName("SPEND_X_SAVE_Y")
    record SpendXSaveY(long threshold, long saving, boolean repeat) implements Rule {
        public SpendXSaveY {
            if (threshold <= 0 || saving <= 0) {
                throw new IllegalArgumentException("threshold and saving must be positive");
            }
        }

        @Override
        public Phase phase() {
            return Phase.ORDER;
        }
    }

    /**
     * 优惠券: one of {@code codes} entered at the till takes {@code amountOff} (minor units) or, when that is 0,
     * the rate {@code payBasisPoints} off the lines in scope, when they reach {@code minSpend}. Each code is
     * good for one use.
     */
    @JsonTypeName("COUPON")
    record Coupon(List<String> codes, long amountOff, int payBasisPoints, long minSpend) implements Rule {
        public Coupon {
            codes = List.copyOf(Objects.requireNonNull(codes, "codes")).stream()
                    .map(code -> code.strip().toUpperCase(Locale.ROOT)).toList();
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("a coupon needs at least one code");
            }
            if (amountOff < 0 || (amountOff == 0 && (payBasisPoints <= 0 || payBasisPoints >= Rates.WHOLE))) {
                throw new IllegalArgumentException("a coupon takes an amount or a rate off");
            }
        }

        @Override
        public Phase phase() {
            return Phase.ORDER;
        }

        public boolean accepts(String code) {
            return codes.contains(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** A kind from a newer head office; kept so it can be reported, never applied. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record UnknownRule(String kind) implements Rule {
        @Override
        public Phase phase() {
            return Phase.LINE;
        }
    }
}
