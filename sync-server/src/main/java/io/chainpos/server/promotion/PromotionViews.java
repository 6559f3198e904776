package io.chainpos.server.promotion;

import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The promotions pages' view-models, built from promotions and priced carts in the page's language. */
public final class PromotionViews {
    private PromotionViews() {
    }

    /** One step of a receipt's order: a promotion, or one of the fixed steps (price override, manual discount, rounding). */
    public record Step(int number, String code, String name, String kind, String phase, String priority, boolean exclusive,
                       String validity, String scope, String detail, boolean fixed, boolean implied) {
    }

    /** A priced sample cart as the receipt would show it. */
    public record Priced(List<Line> lines, List<Applied> order, String subtotal, String discount, String total) {
        public record Line(String sku, String name, String qty, String gross, String promotions, String total) {
        }

        public record Applied(String code, String name, String amount) {
        }
    }

    /** The promotions in the order a receipt applies them, with the fixed steps between them. */
    static List<Step> order(PageRequest request, List<Promotion> set) {
        List<Promotion> all = new ArrayList<>(set);
        boolean implied = all.stream().noneMatch(p -> p.rule() instanceof Rule.MemberPrice);
        if (implied) {
            all.add(io.chainpos.model.pricing.PricingEngine.DEFAULT_MEMBER_PRICE);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(fixed(request, steps.size() + 1, "override"));
        boolean manualAdded = false;
        for (Promotion p : io.chainpos.model.pricing.PricingEngine.inApplyOrder(all)) {
            if (p.rule().phase() == Rule.Phase.ORDER && !manualAdded) {
                steps.add(fixed(request, steps.size() + 1, "manual"));
                manualAdded = true;
            }
            steps.add(new Step(steps.size() + 1, p.code(), p.nameZh() + (p.nameEn().equals(p.nameZh()) ? "" : " · " + p.nameEn()),
                    request.text("promotions.kind." + PromotionRules.kindOf(p.rule())),
                    request.text("promotions.phase." + p.rule().phase().name().toLowerCase(java.util.Locale.ROOT)),
                    Integer.toString(p.priority()), p.exclusive(), validity(request, p), scope(request, p), detail(request, p.rule()),
                    false, implied && p == io.chainpos.model.pricing.PricingEngine.DEFAULT_MEMBER_PRICE));
        }
        if (!manualAdded) {
            steps.add(fixed(request, steps.size() + 1, "manual"));
        }
        steps.add(fixed(request, steps.size() + 1, "rounding"));
        return steps;
    }

    private static Step fixed(PageRequest request, int number, String which) {
        return new Step(number, "", request.text("promotions.fixed." + which), "", "", "", false, "", "",
                request.text("promotions.fixed." + which + ".detail"), true, false);
    }

    static String validity(PageRequest request, Promotion p) {
        if (p.validFrom() == null && p.validUntil() == null) {
            return request.text("promotions.always");
        }
        return (p.validFrom() == null ? "…" : request.formats().dateTime(p.validFrom())) + " – "
                + (p.validUntil() == null ? "…" : request.formats().dateTime(p.validUntil()));
    }

    static String scope(PageRequest request, Promotion p) {
        if (p.skus().isEmpty() && p.categories().isEmpty()) {
            return request.text("promotions.every-product");
        }
        List<String> parts = new ArrayList<>(p.categories());
        parts.addAll(p.skus());
        return String.join(", ", parts);
    }

    static String detail(PageRequest request, Rule rule) {
        return switch (rule) {
            case Rule.MemberPrice m -> request.text("promotions.detail.member-price");
            case Rule.TierDiscount t -> request.text("promotions.detail.tier");
            case Rule.CategoryDiscount c -> request.text("promotions.detail.pay", c.payBasisPoints() / 100);
            case Rule.BirthdayMonthDiscount b -> request.text("promotions.detail.pay", b.payBasisPoints() / 100);
            case Rule.TimeWindowDiscount w -> request.text("promotions.detail.pay", w.payBasisPoints() / 100)
                    + (w.dailyFrom() == null ? "" : " · " + w.dailyFrom() + "–" + w.dailyUntil());
            case Rule.BuyNGetM b -> request.text("promotions.detail.buy-get", b.buy(), b.free());
            case Rule.SpendXSaveY s -> request.text(s.repeat() ? "promotions.detail.spend-save-each" : "promotions.detail.spend-save",
                    money(request, s.threshold()), money(request, s.saving()));
            case Rule.Coupon c -> request.text("promotions.detail.coupon", c.codes().size(),
                    c.amountOff() > 0 ? money(request, c.amountOff()) : request.text("promotions.detail.pay", c.payBasisPoints() / 100),
                    money(request, c.minSpend()));
            case Rule.UnknownRule u -> u.kind();
        };
    }

    static Priced priced(PageRequest request, PricedSale sale) {
        List<Priced.Line> lines = new ArrayList<>();
        for (PricedLine line : sale.lines()) {
            lines.add(new Priced.Line(line.sku().value(), line.name(), BigDecimal.valueOf(line.qtyMilli(), 3).stripTrailingZeros().toPlainString(),
                    money(request, line.gross()), line.promotions().stream().map(a -> a.name() + " −" + money(request, a.amount()))
                    .collect(Collectors.joining("; ")), money(request, line.total())));
        }
        List<Priced.Applied> order = sale.orderPromotions().stream()
                .map(a -> new Priced.Applied(a.code(), a.name(), "−" + money(request, a.amount()))).toList();
        return new Priced(lines, order, money(request, sale.subtotal()), money(request, sale.discountTotal()), money(request, sale.total()));
    }

    /** The form's values for an existing promotion (a coupon's codes stay with it and are not repeated in the form). */
    static Form formOf(Promotion p, ZoneId zone) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", p.code());
        v.put("name_zh", p.nameZh());
        v.put("name_en", p.nameEn().equals(p.nameZh()) ? "" : p.nameEn());
        v.put("priority", Integer.toString(p.priority()));
        if (p.exclusive()) {
            v.put("exclusive", "on");
        }
        v.put("valid_from", local(p.validFrom(), zone));
        v.put("valid_until", local(p.validUntil(), zone));
        v.put("skus", String.join(" ", p.skus()));
        v.put("categories", String.join(" ", p.categories()));
        switch (p.rule()) {
            case Rule.CategoryDiscount c -> v.put("pay_percent", Integer.toString(c.payBasisPoints() / 100));
            case Rule.BirthdayMonthDiscount b -> v.put("pay_percent", Integer.toString(b.payBasisPoints() / 100));
            case Rule.TimeWindowDiscount w -> {
                v.put("pay_percent", Integer.toString(w.payBasisPoints() / 100));
                v.put("daily_from", w.dailyFrom() == null ? "" : w.dailyFrom().toString());
                v.put("daily_until", w.dailyUntil() == null ? "" : w.dailyUntil().toString());
            }
            case Rule.BuyNGetM b -> {
                v.put("buy", Integer.toString(b.buy()));
                v.put("free", Integer.toString(b.free()));
            }
            case Rule.SpendXSaveY s -> {
                v.put("threshold", yuan(s.threshold()));
                v.put("saving", yuan(s.saving()));
                if (s.repeat()) {
                    v.put("repeat", "on");
                }
            }
            case Rule.Coupon c -> {
                v.put("amount_off", c.amountOff() == 0 ? "" : yuan(c.amountOff()));
                v.put("pay_percent", c.payBasisPoints() == 0 ? "" : Integer.toString(c.payBasisPoints() / 100));
                v.put("min_spend", c.minSpend() == 0 ? "" : yuan(c.minSpend()));
            }
            default -> {
            }
        }
        return new Form(v);
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static String money(PageRequest request, long fen) {
        return request.formats().money(Money.cny(fen));
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
