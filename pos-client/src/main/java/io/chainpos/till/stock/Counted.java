package io.chainpos.till.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.LedgerSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entries of a stock document checked and summed per product (a product scanned twice counts twice), or the
 * first reason one of them cannot be taken. Nothing is recorded until every entry is good.
 */
final class Counted {

    /** Per product, in thousandths: the quantity, what the document said (null: as the quantity), what broke. */
    record Sums(long quantity, Long expected, long damaged) {
        Sums plus(Sums other) {
            Long both = expected == null && other.expected == null ? null
                    : (expected == null ? quantity : expected) + (other.expected == null ? other.quantity : other.expected);
            return new Sums(quantity + other.quantity, both, damaged + other.damaged);
        }
    }

    sealed interface Result {
    }

    record Good(Map<Sku, Sums> bySku) implements Result {
    }

    record Refused(TillMessage reason) implements Result {
    }

    private Counted() {
    }

    /** Entries whose codes are products of the catalog. */
    static Result inCatalog(LedgerSession session, CatalogStore catalog, Instant at, List<StockEntry> entries) {
        return count(entries, code -> catalog.findByCode(session, code, at).map(Product::sku));
    }

    /** Entries whose codes name products on {@code onDocument} (a transfer's), by barcode or SKU. */
    static Result amongst(LedgerSession session, CatalogStore catalog, Instant at, List<StockEntry> entries,
                          List<Sku> onDocument) {
        return count(entries, code -> catalog.findByCode(session, code, at).map(Product::sku)
                .or(() -> Optional.of(new Sku(code)))
                .filter(onDocument::contains));
    }

    private static Result count(List<StockEntry> entries, Function<String, Optional<Sku>> find) {
        Map<Sku, Sums> sums = new LinkedHashMap<>();
        for (StockEntry entry : entries) {
            Optional<Sku> sku = entry.code().isEmpty() ? Optional.empty() : safely(find, entry.code());
            if (sku.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, entry.code()));
            }
            long quantity;
            switch (Quantity.read(entry.code(), entry.quantity())) {
                case Quantity.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Quantity.Milli milli -> quantity = milli.value();
            }
            Long expected = null;
            if (entry.expected() != null && !entry.expected().isBlank()) {
                switch (Quantity.read(entry.code(), entry.expected())) {
                    case Quantity.Refused refused -> {
                        return new Refused(refused.reason());
                    }
                    case Quantity.Milli milli -> expected = milli.value();
                }
            }
            long damaged = 0;
            if (entry.damaged() != null && !entry.damaged().isBlank()) {
                switch (Quantity.read(entry.code(), entry.damaged())) {
                    case Quantity.Refused refused -> {
                        return new Refused(refused.reason());
                    }
                    case Quantity.Milli milli -> damaged = milli.value();
                }
            }
            sums.merge(sku.get(), new Sums(quantity, expected, damaged), Sums::plus);
        }
        return new Good(sums);
    }

    /** A code that is no valid SKU (spaces, symbols) is simply not a product. */
    private static Optional<Sku> safely(Function<String, Optional<Sku>> find, String code) {
        try {
            return find.apply(code);
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }
}
