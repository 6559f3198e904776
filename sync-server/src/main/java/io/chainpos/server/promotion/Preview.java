package io.chainpos.server.promotion;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.Sku;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.model.pricing.CashRounding;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.pricing.PricingContext;
import io.chainpos.model.pricing.PricingEngine;
import io.chainpos.model.pricing.PricingRules;
import io.chainpos.model.pricing.Shopper;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.server.catalog.Catalog;
import io.chainpos.server.catalog.Problem;
import io.chainpos.server.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices a sample cart with the tills' own pricing engine: products from head office's catalog at their newest
 * published prices, optionally a member of a tier (and in their birthday month), a coupon code, at a moment. The
 * form's fields: {@code cart_sku_1..5}, {@code cart_qty_1..5} (pieces, or kilograms for weighed goods),
 * {@code cart_member}, {@code cart_tier}, {@code cart_birthday}, {@code cart_coupon}, {@code cart_at}.
 */
public final class Preview {
    public static final int LINES = 5;

    private final Catalog catalog;
    private final Promotions promotions;

    public Preview(Catalog catalog, Promotions promotions) {
        this.catalog = catalog;
        this.promotions = promotions;
    }

    public sealed interface Result {
        record Priced(PricedSale sale) implements Result {
        }

        record Refused(List<Problem> problems) implements Result {
        }

        /** No product was given: nothing to price. */
        record Empty() implements Result {
        }
    }

    public Result price(List<Promotion> rules, Map<String, String> values, ZoneId zone, Instant now) {
        List<Problem> problems = new ArrayList<>();
        List<CartItem> cart = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            String sku = value(values, "cart_sku_" + i);
            if (sku.isEmpty()) {
                continue;
            }
            Product product = catalog.find(sku).or(() -> catalog.skuOfBarcode(sku).flatMap(catalog::find)).orElse(null);
            if (product == null) {
                problems.add(new Problem("cart_sku_" + i, "unknown-product", sku));
                continue;
            }
            boolean weighed = product.unit() == CatalogItemUpserted.Unit.WEIGHT;
            Long qty = quantity(value(values, "cart_qty_" + i), weighed);
            if (qty == null) {
                problems.add(new Problem("cart_qty_" + i, weighed ? "weight" : "pieces", value(values, "cart_qty_" + i)));
                continue;
            }
            cart.add(new CartItem(cart.size() + 1, Sku.of(product.sku()), product.nameZh(), product.category(), qty, weighed,
                    product.price(), product.memberPrice(), null, 0));
        }
        Instant at = now;
        if (!value(values, "cart_at").isEmpty()) {
            try {
                at = LocalDateTime.parse(value(values, "cart_at")).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new Problem("cart_at", "date-time", value(values, "cart_at")));
            }
        }
        Map<String, Integer> rates = new HashMap<>();
        promotions.tiers().forEach(t -> rates.put(t.code(), t.discountBasisPoints()));
        String tier = value(values, "cart_tier");
        if (!tier.isEmpty() && !rates.containsKey(tier)) {
            problems.add(new Problem("cart_tier", "unknown-tier", tier));
        }
        if (!problems.isEmpty()) {
            return new Result.Refused(problems);
        }
        if (cart.isEmpty()) {
            return new Result.Empty();
        }
        boolean birthday = !value(values, "cart_birthday").isEmpty();
        boolean member = !value(values, "cart_member").isEmpty() || !tier.isEmpty() || birthday;
        Shopper shopper = member ? new Shopper(tier.isEmpty() ? null : tier,
                birthday ? at.atZone(zone).toLocalDate().withDayOfMonth(1).minusYears(30) : null) : null;
        Set<String> coupons = new HashSet<>();
        if (!value(values, "cart_coupon").isEmpty()) {
            coupons.add(value(values, "cart_coupon"));
        }
        return new Result.Priced(PricingEngine.price(cart, new PricingRules(rules, rates, CashRounding.NONE),
                new PricingContext(at, zone, shopper, coupons)));
    }

    public List<TierRulesPublished.Tier> tiers() {
        return promotions.tiers();
    }

    /** Pieces as a whole number, kilograms with up to three decimals; in thousandths. */
    private static Long quantity(String text, boolean weighed) {
        if (text.isEmpty()) {
            return weighed ? null : 1_000L;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100_000)) > 0 || (!weighed && value.scale() > 0
                    && value.stripTrailingZeros().scale() > 0)) {
                return null;
            }
            return value.movePointRight(3).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String value(Map<String, String> values, String field) {
        String value = values.get(field);
        return value == null ? "" : value.strip();
    }
}
