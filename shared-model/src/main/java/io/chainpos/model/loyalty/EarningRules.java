package io.chainpos.model.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.TierRulesPublished;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Head office's earning rules, applied in this order (the order recorded on the event):
 * <ol>
 *   <li>BASE: {@code pointsPerYuan} on the money actually paid (not points, stored value or coupons), shared
 *       over the lines in proportion to their totals;</li>
 *   <li>CATEGORY: each line's share times its category's multiplier;</li>
 *   <li>DATE: the sum times the highest date multiplier covering the store-local day (date multipliers do
 *       not stack with each other);</li>
 *   <li>TIER: times the member's tier multiplier;</li>
 *   <li>the product is rounded down to whole points once, at the end, so no fraction is lost per line;</li>
 *   <li>BIRTHDAY: on the member's birthday (28 February for 29 February in other years), once a year, the
 *       rules' birthday bonus plus the tier's birthday benefit are added, never multiplied.</li>
 * </ol>
 */
public final class EarningRules implements PointsEarning {
    private static final BigInteger FEN_PER_YUAN = BigInteger.valueOf(100);
    private static final BigInteger ONE = BigInteger.valueOf(Multipliers.ONE);

    @Override
    public Earned earn(Purchase purchase) {
        LoyaltyRulesPublished rules = purchase.rules();
        long perYuan = rules == null ? 1 : rules.pointsPerYuan();
        long paid = Math.max(0, purchase.paidInMoney());
        List<String> applied = new ArrayList<>();
        long[] shares = shares(purchase.lines(), paid);
        // Sum of share × category multiplier, in fen × basis points.
        BigInteger weighted = BigInteger.ZERO;
        List<String> categoriesUsed = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            SaleLine line = purchase.lines().get(i);
            String category = purchase.categories().getOrDefault(line.sku(), "");
            int multiplier = rules == null ? Multipliers.ONE : rules.categoryMultipliers().getOrDefault(category, Multipliers.ONE);
            if (multiplier != Multipliers.ONE && shares[i] > 0) {
                String shown = "CATEGORY:" + category + " " + Multipliers.show(multiplier);
                if (!categoriesUsed.contains(shown)) {
                    categoriesUsed.add(shown);
                }
            }
            weighted = weighted.add(BigInteger.valueOf(shares[i]).multiply(BigInteger.valueOf(multiplier)));
        }
        BigInteger product = weighted.multiply(BigInteger.valueOf(perYuan));
        BigInteger divisor = FEN_PER_YUAN.multiply(ONE);
        if (paid > 0) {
            applied.add("BASE:" + perYuan + "/yuan on " + io.chainpos.model.money.Money.cny(paid).toDecimalString());
            applied.addAll(categoriesUsed);
        }
        LocalDate day = purchase.at().atZone(purchase.zone()).toLocalDate();
        Optional<LoyaltyRulesPublished.DateMultiplier> date = rules == null ? Optional.empty() : rules.dateMultipliers().stream()
                .filter(d -> !day.isBefore(d.from()) && !day.isAfter(d.to()))
                .max(Comparator.comparingInt(LoyaltyRulesPublished.DateMultiplier::multiplierBasisPoints));
        if (date.isPresent() && paid > 0) {
            product = product.multiply(BigInteger.valueOf(date.get().multiplierBasisPoints()));
            divisor = divisor.multiply(ONE);
            applied.add("DATE:" + date.get().name() + " " + Multipliers.show(date.get().multiplierBasisPoints()));
        }
        Optional<TierRulesPublished.Tier> tier = TierRules.tier(purchase.tierRules(), purchase.tierCode());
        if (tier.isPresent() && tier.get().pointsMultiplierBasisPoints() != Multipliers.ONE && paid > 0) {
            product = product.multiply(BigInteger.valueOf(tier.get().pointsMultiplierBasisPoints()));
            divisor = divisor.multiply(ONE);
            applied.add("TIER:" + tier.get().code() + " " + Multipliers.show(tier.get().pointsMultiplierBasisPoints()));
        }
        long points = product.divide(divisor).longValueExact();
        long birthday = 0;
        if (!purchase.birthdayBonusTaken() && isBirthday(purchase.birthday(), day)) {
            birthday = (rules == null ? 0 : rules.birthdayBonusPoints())
                    + tier.map(TierRulesPublished.Tier::birthdayBonusPoints).orElse(0L);
            if (birthday > 0) {
                applied.add("BIRTHDAY:+" + birthday);
            }
        }
        return new Earned(points + birthday, birthday, applied);
    }

    /** True on the member's birthday; a 29 February birthday is kept on 28 February in other years. */
    public static boolean isBirthday(LocalDate birthday, LocalDate day) {
        if (birthday == null) {
            return false;
        }
        MonthDay md = MonthDay.from(birthday);
        if (md.getMonthValue() == 2 && md.getDayOfMonth() == 29 && !Year.isLeap(day.getYear())) {
            md = MonthDay.of(2, 28);
        }
        return MonthDay.from(day).equals(md);
    }

    /** {@code paid} shared over the lines in proportion to their totals, largest remainder first, so the shares add up exactly. */
    static long[] shares(List<SaleLine> lines, long paid) {
        long[] shares = new long[lines.size()];
        long total = lines.stream().mapToLong(l -> Math.max(0, l.total())).sum();
        if (total == 0 || paid == 0) {
            return shares;
        }
        long given = 0;
        BigInteger[] remainders = new BigInteger[lines.size()];
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(Math.max(0, lines.get(i).total())).multiply(BigInteger.valueOf(paid))
                    .divideAndRemainder(BigInteger.valueOf(total));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        for (int k = 0; given < paid; k++, given++) {
            shares[order[k % order.length]]++;
        }
        return shares;
    }
}
