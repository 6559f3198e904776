package io.chainpos.server.stock;

import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.util.List;
import java.util.Optional;

/**
 * {@code /stock/stocktakes}: the stocktakes approved at the tills of every store (or one, with {@code ?store=}), each
 * with its scope, who counted and who approved, and the products whose count differed from the stock; a store
 * manager's {@code /stores/{store}/stocktakes} shows their own store's only. Read from the stocktake read model.
 */
public final class StocktakePages implements PageFeature {
    static final int STOCKTAKES = 100;

    private final Stocktakes stocktakes;

    public StocktakePages(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    @Override
    public String messages() {
        return "stocktake/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_STOCK);
        PageAccess store = PageAccess.store(Permission.VIEW_STOCK);
        pages.nav(new NavItem("nav.stocktakes", "/stock/stocktakes", chain, 48));
        pages.nav(new NavItem("nav.store-stocktakes", "/stores/{store}/stocktakes", store, 38));
        pages.get("/stock/stocktakes", chain, request -> list(request,
                request.query("store").map(String::strip).filter(s -> !s.isEmpty()), true));
        pages.get("/stores/{store}/stocktakes", store, request -> list(request, Optional.of(request.pathParam("store")), false));
    }

    /** The page: a section per stocktake, its lines that differ (the rest counted as stock said). */
    public record View(String store, boolean chainWide, List<Entry> stocktakes) {
        public record Entry(String stocktakeNo, String storeId, String scopeKind, String scopeLabel, String startedAt,
                            String approvedAt, String countedBy, String approver, boolean uncountedAsZero, int counted,
                            List<Line> differences) {
        }

        public record Line(String sku, String counted, String onHand, String difference) {
        }
    }

    private void list(PageRequest request, Optional<String> store, boolean chainWide) {
        List<View.Entry> entries = stocktakes.approved(store, STOCKTAKES).stream()
                .map(s -> new View.Entry(s.stocktakeNo(), s.storeId(), s.scopeKind(), s.scopeLabel() == null ? "" : s.scopeLabel(),
                        s.startedAt(), s.approvedAt(), s.countedBy() == null ? "" : s.countedBy(),
                        s.approverName() == null ? s.approvedBy() : s.approverName() + " (" + s.approvedBy() + ")",
                        s.uncountedAsZero(), s.lines().size(), s.lines().stream()
                        .filter(l -> l.differenceMilli() != 0)
                        .map(l -> new View.Line(l.sku(), StockPages.qty(l.countedMilli()), StockPages.qty(l.onHandMilli()),
                                (l.differenceMilli() > 0 ? "+" : "") + StockPages.qty(l.differenceMilli())))
                        .toList()))
                .toList();
        request.render("stock/stocktakes.jte", chainWide ? "stocktake.title" : "stocktake.store-title",
                new View(store.orElse(""), chainWide, entries));
    }
}
