package io.chainpos.till.catalog;

import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.util.List;

/** Products by part of their Chinese or English name, as sold now: for a cashier typing instead of scanning. */
public final class SearchProducts {
    private final Ledger ledger;
    private final CatalogStore catalog;
    private final Clock clock;

    public SearchProducts(Ledger ledger, CatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<Product> byName(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return ledger.read(session -> catalog.search(session, text.strip(), clock.instant(), limit));
    }
}
