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
    private final Runnable readAhead;

    public SearchProducts(Ledger ledger, CatalogStore catalog, Clock clock) {
        this(ledger, catalog, clock, () -> { });
    }

    /** With {@code readAhead} reading the names in the background when {@link #readAhead()} asks for them. */
    public SearchProducts(Ledger ledger, CatalogStore catalog, Clock clock, Runnable readAhead) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
        this.readAhead = readAhead;
    }

    /** The pinyin initials the till finds a product name by, several separated by spaces for polyphones. */
    public static String initialsOf(String nameZh) {
        return PinyinInitials.of(nameZh);
    }

    /**
     * Asks for the names to be read in the background from now on (and again after each sync that changes the catalog),
     * so that the first search answers within a frame. The sale screen asks once it is up: reading 300,000 names
     * while the till starts would slow the start on a shop PC's two cores.
     */
    public void readAhead() {
        readAhead.run();
    }

    /** Reads the names in before anyone searches (a search reads them itself when they are not). */
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
