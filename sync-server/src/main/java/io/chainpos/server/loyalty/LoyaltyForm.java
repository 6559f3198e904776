package io.chainpos.server.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.server.web.Form;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The loyalty form: head office's earning, expiry, offline, top-up and tier rules as fields a person types
 * (yuan, multipliers like 1.5, percent paid), read back into the rule sets the tills consume. Every wrong value
 * is named on its field (a list's wrong line by its number) and nothing is made while any is wrong. Rewards are
 * carried over from the rules in effect unchanged.
 */
final class LoyaltyForm {
    static final List<String> FIELDS = List.of("effectiveFrom", "pointsPerYuan", "fenPerPointRedeemed", "birthdayBonusPoints",
            "expiryMonths", "offlineAfterMinutes", "offlineRedeemCapPoints", "offlineStoredValueCap", "categoryMultipliers",
            "dateMultipliers", "topUpBonuses", "tierBasis", "tierPeriodMonths", "tiers");

    private LoyaltyForm() {
    }

    /** The two rule sets a valid form makes. */
    record Rules(LoyaltyRulesPublished loyalty, TierRulesPublished tiers) {
    }

    /** The form filled with {@code loyalty} and {@code tiers} (either may be absent: the form starts empty). */
    static Form filled(Optional<LoyaltyRulesPublished> loyalty, Optional<TierRulesPublished> tiers, long basedOn) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("basedOn", Long.toString(basedOn));
        loyalty.ifPresent(r -> {
            values.put("pointsPerYuan", Long.toString(r.pointsPerYuan()));
            values.put("fenPerPointRedeemed", Long.toString(r.fenPerPointRedeemed()));
            values.put("birthdayBonusPoints", Long.toString(r.birthdayBonusPoints()));
            values.put("expiryMonths", Integer.toString(r.expiryMonths()));
            values.put("offlineAfterMinutes", Integer.toString(r.offlineAfterMinutes()));
            values.put("offlineRedeemCapPoints", Long.toString(r.offlineRedeemCapPoints()));
            values.put("offlineStoredValueCap", r.offlineStoredValueCap() == null ? "" : yuan(r.offlineStoredValueCap()));
            values.put("categoryMultipliers", lines(r.categoryMultipliers().entrySet().stream()
                    .map(e -> e.getKey() + " " + multiplier(e.getValue())).sorted().toList()));
            values.put("dateMultipliers", lines(r.dateMultipliers().stream()
                    .map(d -> d.name() + " " + d.from() + " " + d.to() + " " + multiplier(d.multiplierBasisPoints())).toList()));
            values.put("topUpBonuses", lines(r.topUpBonuses().stream().map(b -> b.name() + " " + yuan(b.minPaid()) + " " + yuan(b.bonus())).toList()));
        });
        tiers.ifPresent(t -> {
            values.put("tierBasis", t.basis().name());
            values.put("tierPeriodMonths", Integer.toString(t.periodMonths()));
            values.put("tiers", lines(t.tiers().stream().map(tier -> tier.code() + " " + tier.nameZh() + " " + tier.nameEn() + " "
                    + (t.basis() == TierRulesPublished.Basis.SPEND ? yuan(tier.threshold()) : Long.toString(tier.threshold())) + " "
                    + percent(tier.discountBasisPoints()) + " " + multiplier(tier.pointsMultiplierBasisPoints()) + " "
                    + tier.birthdayBonusPoints()).toList()));
        });
        return new Form(values);
    }

    /**
     * Reads {@code form} into the next rule sets (versions after {@code lastLoyalty} and {@code lastTiers}), or
     * rejects its wrong values on the form and answers empty. An empty effective time is {@code now}.
     */
    static Optional<Rules> read(Form form, Instant now, ZoneId zone, long lastLoyalty, long lastTiers,
                                List<LoyaltyRulesPublished.Reward> rewards) {
        Instant from = effectiveFrom(form, now, zone);
        long perYuan = whole(form, "pointsPerYuan", 0, 1_000);
        long fenPerPoint = whole(form, "fenPerPointRedeemed", 1, 100_000);
        long birthday = whole(form, "birthdayBonusPoints", 0, 1_000_000);
        long expiry = whole(form, "expiryMonths", 0, 120);
        long offlineAfter = whole(form, "offlineAfterMinutes", 1, 10_080);
        long offlineCap = whole(form, "offlineRedeemCapPoints", 0, 100_000_000);
        Long storedCap = form.value("offlineStoredValueCap").isEmpty() ? null : money(form, "offlineStoredValueCap", form.value("offlineStoredValueCap"));
        Map<String, Integer> categories = new LinkedHashMap<>();
        eachLine(form, "categoryMultipliers", 2, parts -> {
            if (!parts[0].matches("[A-Za-z0-9_-]{1,32}") || categories.containsKey(parts[0])) {
                return "loyalty.problem.category";
            }
            Integer bp = basisPoints(parts[1]);
            if (bp == null) {
                return "loyalty.problem.multiplier";
            }
            categories.put(parts[0], bp);
            return null;
        });
        List<LoyaltyRulesPublished.DateMultiplier> dates = new ArrayList<>();
        eachLine(form, "dateMultipliers", 4, parts -> {
            try {
                LocalDate first = LocalDate.parse(parts[1]);
                LocalDate last = LocalDate.parse(parts[2]);
                Integer bp = basisPoints(parts[3]);
                if (last.isBefore(first)) {
                    return "loyalty.problem.date-order";
                }
                if (bp == null) {
                    return "loyalty.problem.multiplier";
                }
                dates.add(new LoyaltyRulesPublished.DateMultiplier(parts[0], first, last, bp));
                return null;
            } catch (DateTimeParseException e) {
                return "loyalty.problem.date";
            }
        });
        List<LoyaltyRulesPublished.TopUpBonus> steps = new ArrayList<>();
        eachLine(form, "topUpBonuses", 3, parts -> {
            Long paid = yuanValue(parts[1]);
            Long bonus = yuanValue(parts[2]);
            if (paid == null || paid <= 0 || bonus == null || bonus < 0) {
                return "loyalty.problem.top-up";
            }
            if (steps.stream().anyMatch(s -> s.minPaid() == paid)) {
                return "loyalty.problem.top-up-twice";
            }
            steps.add(new LoyaltyRulesPublished.TopUpBonus(parts[0], paid, bonus));
            return null;
        });
        TierRulesPublished.Basis basis = switch (form.value("tierBasis")) {
            case "SPEND" -> TierRulesPublished.Basis.SPEND;
            case "POINTS" -> TierRulesPublished.Basis.POINTS;
            default -> {
                form.reject("tierBasis", "loyalty.problem.basis");
                yield TierRulesPublished.Basis.SPEND;
            }
        };
        long period = whole(form, "tierPeriodMonths", 1, 24);
        List<TierRulesPublished.Tier> tiers = tiers(form, basis);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Rules(new LoyaltyRulesPublished(lastLoyalty + 1, from, perYuan, categories, dates, birthday, fenPerPoint,
                (int) expiry, offlineCap, (int) offlineAfter, steps, rewards, storedCap),
                new TierRulesPublished(lastTiers + 1, from, basis, (int) period, tiers)));
    }

    private static List<TierRulesPublished.Tier> tiers(Form form, TierRulesPublished.Basis basis) {
        List<TierRulesPublished.Tier> tiers = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        eachLine(form, "tiers", 7, parts -> {
            Long threshold = basis == TierRulesPublished.Basis.SPEND ? yuanValue(parts[3]) : wholeValue(parts[3]);
            Integer discount = percentBasisPoints(parts[4]);
            Integer multiplier = basisPoints(parts[5]);
            Long birthday = wholeValue(parts[6]);
            if (!parts[0].matches("[A-Z0-9_]{1,32}") || !codes.add(parts[0])) {
                return "loyalty.problem.tier-code";
            }
            if (threshold == null || threshold < 0 || (tiers.isEmpty() != (threshold == 0))
                    || (!tiers.isEmpty() && threshold <= tiers.getLast().threshold())) {
                return "loyalty.problem.tier-threshold";
            }
            if (discount == null || multiplier == null || birthday == null || birthday < 0) {
                return "loyalty.problem.tier-benefits";
            }
            tiers.add(new TierRulesPublished.Tier(parts[0], parts[1], parts[2], threshold, discount, multiplier, birthday));
            return null;
        });
        if (tiers.isEmpty() && !form.hasError("tiers")) {
            form.reject("tiers", "loyalty.problem.no-tiers");
        }
        return tiers;
    }

    private static Instant effectiveFrom(Form form, Instant now, ZoneId zone) {
        String typed = form.value("effectiveFrom");
        if (typed.isEmpty()) {
            return now;
        }
        try {
            Instant at = LocalDateTime.parse(typed).atZone(zone).toInstant();
            if (at.isBefore(now.minusSeconds(60))) {
                form.reject("effectiveFrom", "loyalty.problem.effective-past");
            }
            return at.isBefore(now) ? now : at;
        } catch (DateTimeParseException e) {
            form.reject("effectiveFrom", "loyalty.problem.effective");
            return now;
        }
    }

    /** Checks each non-empty line has {@code words} words; {@code check} answers a problem key or null. */
    private static void eachLine(Form form, String field, int words, Function<String[], String> check) {
        String[] lines = form.value(field).split("\\R");
        for (int i = 0; i < lines.length && !form.hasError(field); i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String problem = parts.length != words ? "loyalty.problem.words" : check.apply(parts);
            if (problem != null) {
                form.reject(field, problem, i + 1, words);
            }
        }
    }

    private static long whole(Form form, String field, long min, long max) {
        Long value = wholeValue(form.value(field));
        if (value == null || value < min || value > max) {
            form.reject(field, "loyalty.problem.whole", min, max);
            return min;
        }
        return value;
    }

    private static Long money(Form form, String field, String typed) {
        Long value = yuanValue(typed);
        if (value == null || value < 0) {
            form.reject(field, "loyalty.problem.money");
            return null;
        }
        return value;
    }

    static Long wholeValue(String typed) {
        return typed.matches("\\d{1,12}") ? Long.valueOf(typed) : null;
    }

    /** Yuan with at most two decimals, as fen. */
    static Long yuanValue(String typed) {
        if (!typed.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(typed).movePointRight(2).longValueExact();
    }

    /** A multiplier like 2 or 1.5 as basis points (20000, 15000), from 0.01 to 100. */
    static Integer basisPoints(String typed) {
        if (!typed.matches("\\d{1,3}(\\.\\d{1,4})?")) {
            return null;
        }
        int bp = new BigDecimal(typed).movePointRight(4).intValueExact();
        return bp >= 100 && bp <= 1_000_000 ? bp : null;
    }

    /** A percentage paid like 95 or 97.5 as basis points (9500, 9750), from 1 to 100. */
    static Integer percentBasisPoints(String typed) {
        if (!typed.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            return null;
        }
        int bp = new BigDecimal(typed).movePointRight(2).intValueExact();
        return bp >= 100 && bp <= 10_000 ? bp : null;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    private static String multiplier(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros().toPlainString();
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines);
    }
}
