package io.chainpos.server.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;
import io.chainpos.model.money.Money;
import io.chainpos.model.scan.BarcodeParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a product's values as typed in a form or a CSV row (the columns of the till's import: {@code sku,
 * barcodes, name_zh, name_en, category, unit, price, member_price, tax_rate}; prices in yuan, tax in percent, 13
 * when empty) into a {@link ProductDraft}, or names every wrong value. Barcodes of 8, 12 or 13 digits must carry
 * their right check digit (GS1 mod 10, as the tills' scanner reads them). Pure: whether a barcode belongs to
 * another product is the editor's question.
 */
public final class ProductRules {
    public static final List<String> COLUMNS = List.of("sku", "barcodes", "name_zh", "name_en", "category", "unit", "price",
            "member_price", "tax_rate");
    private static final int MAX_NAME = 100;
    private static final int MAX_CATEGORY = 40;
    private static final int MAX_BARCODES = 20;

    private ProductRules() {
    }

    /** The draft, or the problems (non-empty) when any value is wrong. */
    public sealed interface Read {
        record Good(ProductDraft draft) implements Read {
        }

        record Wrong(List<Problem> problems) implements Read {
        }
    }

    /** Reads {@code values} (by column name; a missing one is empty); {@code active} unless the form says otherwise. */
    public static Read read(Map<String, String> values, boolean active) {
        List<Problem> problems = new ArrayList<>();
        String sku = value(values, "sku");
        if (sku.isEmpty()) {
            problems.add(new Problem("sku", "required"));
        } else {
            try {
                Sku.of(sku);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("sku", "sku-format"));
            }
        }
        List<String> barcodes = barcodes(value(values, "barcodes"), problems);
        String nameZh = value(values, "name_zh");
        if (nameZh.isEmpty()) {
            problems.add(new Problem("name_zh", "required"));
        } else if (nameZh.length() > MAX_NAME) {
            problems.add(new Problem("name_zh", "too-long", MAX_NAME));
        }
        String nameEn = value(values, "name_en");
        if (nameEn.length() > MAX_NAME) {
            problems.add(new Problem("name_en", "too-long", MAX_NAME));
        }
        String category = value(values, "category").toUpperCase(Locale.ROOT);
        if (category.length() > MAX_CATEGORY) {
            problems.add(new Problem("category", "too-long", MAX_CATEGORY));
        }
        CatalogItemUpserted.Unit unit = unit(value(values, "unit"));
        if (unit == null) {
            problems.add(new Problem("unit", "unit", value(values, "unit")));
        }
        Long price = value(values, "price").isEmpty() ? null : yuan(value(values, "price"));
        if (value(values, "price").isEmpty()) {
            problems.add(new Problem("price", "required"));
        } else if (price == null) {
            problems.add(new Problem("price", "amount", value(values, "price")));
        }
        Long memberPrice = null;
        if (!value(values, "member_price").isEmpty()) {
            memberPrice = yuan(value(values, "member_price"));
            if (memberPrice == null) {
                problems.add(new Problem("member_price", "amount", value(values, "member_price")));
            } else if (price != null && memberPrice > price) {
                problems.add(new Problem("member_price", "member-above-price"));
            }
        }
        Integer tax = taxBasisPoints(value(values, "tax_rate"));
        if (tax == null) {
            problems.add(new Problem("tax_rate", "tax", value(values, "tax_rate")));
        }
        if (!problems.isEmpty()) {
            return new Read.Wrong(problems);
        }
        return new Read.Good(new ProductDraft(sku, barcodes, nameZh, nameEn, category, unit, price, memberPrice, tax, active));
    }

    /** An amount in yuan ({@code 3.5}, {@code ¥3.50}) in fen, or null when it is not one or is negative. */
    public static Long yuan(String text) {
        try {
            long fen = Money.parse(text.replace("¥", "").replace(",", "").strip(), Money.CNY).minor();
            return fen < 0 || fen > 100_000_000_00L ? null : fen;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static List<String> barcodes(String cell, List<Problem> problems) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : Arrays.stream(cell.split("[|,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (code.length() > 64 || !code.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                problems.add(new Problem("barcodes", "barcode-format", code));
            } else if (code.chars().allMatch(Character::isDigit) && Set.of(8, 12, 13).contains(code.length())
                    && !BarcodeParser.checkDigitValid(code)) {
                problems.add(new Problem("barcodes", "check-digit", code,
                        code.substring(0, code.length() - 1) + BarcodeParser.checkDigit(code.substring(0, code.length() - 1))));
            } else if (!codes.add(code)) {
                problems.add(new Problem("barcodes", "barcode-twice", code));
            }
        }
        if (codes.size() > MAX_BARCODES) {
            problems.add(new Problem("barcodes", "too-many-barcodes", MAX_BARCODES));
        }
        return List.copyOf(codes);
    }

    private static CatalogItemUpserted.Unit unit(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "piece", "pc", "件", "个" -> CatalogItemUpserted.Unit.PIECE;
            case "weight", "kg", "称重" -> CatalogItemUpserted.Unit.WEIGHT;
            default -> null;
        };
    }

    private static Integer taxBasisPoints(String text) {
        if (text.isEmpty()) {
            return 1300;
        }
        try {
            int bp = new BigDecimal(text.replace("%", "").strip()).movePointRight(2).intValueExact();
            return bp < 0 || bp > 10_000 ? null : bp;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }
}
