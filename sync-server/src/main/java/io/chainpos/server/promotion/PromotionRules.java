package io.chainpos.server.promotion;

import io.chainpos.model.money.Money;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.catalog.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads a promotion as head office's form gives it (one kind of {@link Rule} and its values) into the promotion the
 * tills apply, or names every wrong value. Rates are typed as the percent paid (80 = 8折); amounts in yuan; times as
 * a browser's {@code datetime-local} in head office's zone. A coupon's codes are those it had, those typed, and a
 * batch of new random ones ({@code batch_prefix}, {@code batch_count}) drawn by {@code randomCodes}.
 */
public final class PromotionRules {
    /** The kinds head office can publish, by their stored names, in the order the form offers them. */
    public static final List<String> KINDS = List.of("MEMBER_PRICE", "TIER_DISCOUNT", "CATEGORY_DISCOUNT", "TIME_WINDOW_DISCOUNT",
            "BIRTHDAY_MONTH_DISCOUNT", "BUY_N_GET_M", "SPEND_X_SAVE_Y", "COUPON");
    public static final int MAX_BATCH = 10_000;

    private PromotionRules() {
    }

    public sealed interface Read {
        record Good(Promotion promotion) implements Read {
        }

        record Wrong(List<Problem> problems) implements Read {
        }
    }

    /** The stored name of a rule's kind. */
    public static String kindOf(Rule rule) {
        return switch (rule) {
            case Rule.MemberPrice m -> "MEMBER_PRICE";
            case Rule.TierDiscount t -> "TIER_DISCOUNT";
            case Rule.CategoryDiscount c -> "CATEGORY_DISCOUNT";
            case Rule.TimeWindowDiscount w -> "TIME_WINDOW_DISCOUNT";
            case Rule.BirthdayMonthDiscount b -> "BIRTHDAY_MONTH_DISCOUNT";
            case Rule.BuyNGetM b -> "BUY_N_GET_M";
            case Rule.SpendXSaveY s -> "SPEND_X_SAVE_Y";
            case Rule.Coupon c -> "COUPON";
            case Rule.UnknownRule u -> u.kind();
        };
    }

    public static Read read(String kind, Map<String, String> values, List<String> existingCodes, ZoneId zone,
                            IntFunction<List<String>> randomCodes) {
        Reader r = new Reader(values, zone);
        String code = r.value("code").toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            r.problem("code", "required");
        } else if (!code.matches("[A-Z0-9_-]{1,32}")) {
            r.problem("code", "code-format");
        }
        String nameZh = r.value("name_zh");
        if (nameZh.isEmpty()) {
            r.problem("name_zh", "required");
        }
        Integer priority = r.integer("priority", 0, 9_999, 100);
        Instant from = r.instant("valid_from");
        Instant until = r.instant("valid_until");
        if (from != null && until != null && !until.isAfter(from)) {
            r.problem("valid_until", "until-before-from");
        }
        List<String> skus = r.list("skus", false);
        List<String> categories = r.list("categories", true);
        Rule rule = rule(kind, r, existingCodes, randomCodes);
        if (!r.problems.isEmpty() || rule == null) {
            if (r.problems.isEmpty()) {
                r.problem("kind", "kind");
            }
            return new Read.Wrong(r.problems);
        }
        return new Read.Good(new Promotion(code, nameZh, r.value("name_en").isEmpty() ? null : r.value("name_en"), priority,
                r.checked("exclusive"), from, until, skus, categories, rule));
    }

    private static Rule rule(String kind, Reader r, List<String> existingCodes, IntFunction<List<String>> randomCodes) {
        return switch (kind) {
            case "MEMBER_PRICE" -> new Rule.MemberPrice();
            case "TIER_DISCOUNT" -> new Rule.TierDiscount();
            case "CATEGORY_DISCOUNT" -> {
                Integer pay = r.payPercent();
                yield pay == null ? null : new Rule.CategoryDiscount(pay);
            }
            case "BIRTHDAY_MONTH_DISCOUNT" -> {
                Integer pay = r.payPercent();
                yield pay == null ? null : new Rule.BirthdayMonthDiscount(pay);
            }
            case "TIME_WINDOW_DISCOUNT" -> {
                Integer pay = r.payPercent();
                LocalTime dailyFrom = r.time("daily_from");
                LocalTime dailyUntil = r.time("daily_until");
                if ((dailyFrom == null) != (dailyUntil == null) && !r.problems.stream().anyMatch(p -> p.field().startsWith("daily"))) {
                    r.problem(dailyFrom == null ? "daily_from" : "daily_until", "both-ends");
                    yield null;
                }
                yield pay == null ? null : new Rule.TimeWindowDiscount(pay, dailyFrom, dailyUntil);
            }
            case "BUY_N_GET_M" -> {
                Integer buy = r.integer("buy", 1, 999, null);
                Integer free = r.integer("free", 1, 999, null);
                yield buy == null || free == null ? null : new Rule.BuyNGetM(buy, free);
            }
            case "SPEND_X_SAVE_Y" -> {
                Long threshold = r.amount("threshold", true);
                Long saving = r.amount("saving", true);
                if (threshold != null && saving != null && saving > threshold) {
                    r.problem("saving", "saving-above-threshold");
                    yield null;
                }
                yield threshold == null || saving == null ? null : new Rule.SpendXSaveY(threshold, saving, r.checked("repeat"));
            }
            case "COUPON" -> coupon(r, existingCodes, randomCodes);
            default -> null;
        };
    }

    private static Rule coupon(Reader r, List<String> existingCodes, IntFunction<List<String>> randomCodes) {
        Set<String> codes = new LinkedHashSet<>(existingCodes);
        for (String typed : r.list("codes", true)) {
            if (!typed.matches("[A-Z0-9_-]{3,40}")) {
                r.problem("codes", "coupon-code", typed);
            } else {
                codes.add(typed);
            }
        }
        String prefix = r.value("batch_prefix").toUpperCase(Locale.ROOT);
        Integer count = r.integer("batch_count", 1, MAX_BATCH, 0);
        if (!prefix.isEmpty() && !prefix.matches("[A-Z0-9]{1,12}")) {
            r.problem("batch_prefix", "prefix-format");
        } else if (count != null && count > 0) {
            randomCodes.apply(count).forEach(random -> codes.add((prefix.isEmpty() ? "" : prefix + "-") + random));
        }
        Long amountOff = r.value("amount_off").isEmpty() ? Long.valueOf(0) : r.amount("amount_off", true);
        Integer pay = r.value("pay_percent").isEmpty() ? Integer.valueOf(0) : r.integer("pay_percent", 1, 99, null);
        Long minSpend = r.value("min_spend").isEmpty() ? Long.valueOf(0) : r.amount("min_spend", false);
        if (amountOff != null && pay != null && (amountOff == 0) == (pay == 0)) {
            r.problem("amount_off", "amount-or-rate");
        }
        if (codes.isEmpty() && r.problems.stream().noneMatch(p -> p.field().equals("codes") || p.field().startsWith("batch"))) {
            r.problem("codes", "no-codes");
        }
        if (!r.problems.isEmpty() || amountOff == null || pay == null || minSpend == null) {
            return null;
        }
        return new Rule.Coupon(List.copyOf(codes), amountOff, pay == 0 ? 0 : pay * 100, minSpend);
    }

    /** The form's values read one by one, each wrong one noted against its field. */
    private static final class Reader {
        final Map<String, String> values;
        final ZoneId zone;
        final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, String> values, ZoneId zone) {
            this.values = values;
            this.zone = zone;
        }

        String value(String field) {
            String value = values.get(field);
            return value == null ? "" : value.strip();
        }

        boolean checked(String field) {
            return !value(field).isEmpty();
        }

        void problem(String field, String code, Object... args) {
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new Problem(field, code, args));
            }
        }

        Integer integer(String field, int min, int max, Integer absent) {
            String text = value(field);
            if (text.isEmpty()) {
                if (absent == null) {
                    problem(field, "required");
                }
                return absent;
            }
            try {
                int n = Integer.parseInt(text);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            problem(field, "whole-number", min, max);
            return null;
        }

        /** The percent paid (1 to 100) as basis points. */
        Integer payPercent() {
            Integer percent = integer("pay_percent", 1, 100, null);
            return percent == null ? null : percent * 100;
        }

        Long amount(String field, boolean positive) {
            String text = value(field);
            if (text.isEmpty()) {
                problem(field, "required");
                return null;
            }
            try {
                long fen = Money.parse(text.replace("¥", "").replace(",", ""), Money.CNY).minor();
                if (fen > 0 || (!positive && fen == 0)) {
                    return fen;
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                // named below
            }
            problem(field, positive ? "positive-amount" : "amount", text);
            return null;
        }

        Instant instant(String field) {
            String text = value(field);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                problem(field, "date-time", text);
                return null;
            }
        }

        LocalTime time(String field) {
            String text = value(field);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                problem(field, "time", text);
                return null;
            }
        }

        List<String> list(String field, boolean upperCase) {
            return Arrays.stream(value(field).split("[|,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> upperCase ? s.toUpperCase(Locale.ROOT) : s).distinct().toList();
        }
    }
}
