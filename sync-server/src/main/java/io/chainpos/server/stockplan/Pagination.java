package io.chainpos.server.stockplan;

import io.chainpos.server.stock.StockPlanBook;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.ListLinks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The planning pages' lists go by key: {@code after=} names the last store and product shown (or the last product
 * of the chain's order), so a chain of a thousand stores is read a page at a time and page 500 costs page 1.
 */
final class Pagination {
    /** Stores' products on one page of days of cover. */
    static final int POSITIONS_PER_PAGE = 100;

    private Pagination() {
    }

    /** The key the page starts after; empty on the first page or for a cursor not made here. */
    static Optional<StockPlanBook.Key> after(PageRequest request) {
        return after(request.query("after").orElse(null));
    }

    /** The key an {@code after=} text names; empty for none or one not made here. */
    static Optional<StockPlanBook.Key> after(String text) {
        return Cursor.decode(text).map(c -> new StockPlanBook.Key(c.sortValue(), c.key()));
    }

    /** The link to the next page with the page's parameters kept; null on the last page. */
    static String nextHref(String base, Map<String, String> kept, Optional<StockPlanBook.Key> next) {
        return next.map(k -> {
            Map<String, String> query = new LinkedHashMap<>(kept);
            query.put("after", new Cursor(k.store(), k.sku()).encode());
            return ListLinks.href(base, query);
        }).orElse(null);
    }
}
