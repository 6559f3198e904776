package io.chainpos.till.catalog;

import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.util.List;

/**
 * Products by part of their Chinese or English name or by their pinyin initials (助记码: {@code kkkl} finds 可口可乐),
 * as sold now: for a cashier typing instead of scanning. Head office's products and the store's own alike.
 */
public final class SearchProducts {
    private final Ledger ledger;
    private final CatalogStore catalog;
    private final Clock clock;

    public SearchProducts(Ledger ledger, CatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The pinyin initials the till finds a product name by, several separated by spaces for polyphones. */
    public static String initialsOf(String nameZh) {
        return PinyinInitials.of(nameZh);
    }

    /** Reads the names in before anyone searches: at start, and after a sync that changed the catalog. */
    public void prepare() {
        ledger.read(session -> {
            catalog.prepareNames(session);
            return null;
        });
    }

    public List<Product> byName(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return ledger.read(session -> catalog.search(session, text.strip(), clock.instant(), limit));
    }
}
