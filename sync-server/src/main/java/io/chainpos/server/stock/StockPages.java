package io.chainpos.server.stock;

import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /stock}: every store's stock per product beside the chain's total and what is in transit; {@code /stock/transfers}
 * (in transit, or received or cancelled with {@code ?status=}) and {@code /stock/discrepancies}; a store manager's
 * {@code /stores/{store}/stock} shows their store's stock and its transfers on the road. Read from the stock read
 * models kept at ingest. A chain of more than {@link #STORE_COLUMNS} stores sees each product's chain total, the stores
 * holding it and those below zero instead of a column per store (a thousand columns read as nothing); one store is
 * chosen with the filter.
 */
public final class StockPages implements PageFeature {
    static final int PRODUCTS_PER_PAGE = 200;
    static final int ROWS = 500;
    static final int STORE_COLUMNS = 12;

    private final StockBook book;
    private final java.util.function.IntUnaryOperator storesUpTo;

    /** {@code storesUpTo}: how many stores the chain has, counted up to the number given. */
    public StockPages(StockBook book, java.util.function.IntUnaryOperator storesUpTo) {
        this.book = book;
        this.storesUpTo = storesUpTo;
    }

    @Override
    public String messages() {
        return "stock/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_STOCK);
        PageAccess store = PageAccess.store(Permission.VIEW_STOCK);
        pages.nav(new NavItem("nav.stock", "/stock", chain, 47));
        pages.nav(new NavItem("nav.store-stock", "/stores/{store}/stock", store, 37));
        pages.get("/stock", chain, request -> levels(request, request.query("store").map(String::strip).filter(s -> !s.isEmpty()), "/stock"));
        pages.get("/stock/transfers", chain, this::transfers);
        pages.get("/stock/discrepancies", chain, this::discrepancies);
        pages.get("/stores/{store}/stock", store, request -> levels(request, Optional.of(request.pathParam("store")),
                "/stores/" + request.pathParam("store") + "/stock"));
    }

    /** The stock page: one row per product, a column per store, the chain's total, what is on the road. */
    public record LevelsView(String base, String store, List<String> stores, List<Row> rows, List<TransferRow> inTransit,
                             String nextHref, boolean chainWide, List<SummaryRow> summaries) {
        public record Row(String sku, List<String> perStore, String total, String inTransit) {
        }

        /** A product in a chain too large for a column per store. */
        public record SummaryRow(String sku, String total, String stores, String belowZero, String inTransit) {
        }

        /** True when the page shows the chain's totals per product rather than a column per store. */
        public boolean summarised() {
            return summaries != null;
        }
    }

    /** One transfer as a row: its lines as "sku × sent (arrived)". */
    public record TransferRow(String transferNo, String fromStore, String toStore, String status, String sentAt, String closedAt,
                              List<String> lines) {
    }

    public record TransfersView(String status, List<TransferRow> transfers) {
    }

    public record DiscrepanciesView(List<Row> rows) {
        public record Row(String documentNo, String kind, String storeId, String sku, String reason, String qty, String occurredAt) {
        }
    }

    private void levels(PageRequest request, Optional<String> store, String base) {
        String after = request.query("after").orElse("");
        List<StockBook.Transfer> onTheRoad = book.transfers(JdbcTransferProjection.IN_TRANSIT, store, ROWS);
        Map<String, Long> travelling = new TreeMap<>();
        for (StockBook.Transfer t : onTheRoad) {
            t.lines().forEach(l -> travelling.merge(l.sku(), l.sentMilli(), Long::sum));
        }
        if (store.isEmpty() && storesUpTo.applyAsInt(STORE_COLUMNS + 1) > STORE_COLUMNS) {
            summarised(request, after, travelling, onTheRoad);
            return;
        }
        List<StockBook.Level> levels = book.levels(store, after, PRODUCTS_PER_PAGE);
        TreeSet<String> stores = new TreeSet<>();
        Map<String, Map<String, Long>> bySku = new TreeMap<>();
        store.ifPresent(stores::add);
        for (StockBook.Level level : levels) {
            stores.add(level.storeId());
            bySku.computeIfAbsent(level.sku(), k -> new TreeMap<>()).put(level.storeId(), level.qtyMilli());
        }
        List<LevelsView.Row> rows = new ArrayList<>();
        bySku.forEach((sku, perStore) -> {
            List<String> cells = stores.stream().map(s -> perStore.containsKey(s) ? qty(perStore.get(s)) : "").toList();
            long total = perStore.values().stream().mapToLong(Long::longValue).sum();
            rows.add(new LevelsView.Row(sku, cells, qty(total), qty(travelling.getOrDefault(sku, 0L))));
        });
        String next = bySku.size() == PRODUCTS_PER_PAGE
                ? base + "?after=" + bySku.keySet().stream().reduce((a, b) -> b).orElseThrow()
                        + (base.equals("/stock") ? store.map(s -> "&store=" + s).orElse("") : "")
                : null;
        request.render("stock/levels.jte", store.isPresent() && !base.equals("/stock") ? "stock.store-title" : "stock.title",
                new LevelsView(base, store.orElse(""), List.copyOf(stores), rows, onTheRoad.stream().map(StockPages::row).toList(), next,
                        base.equals("/stock"), null));
    }

    private void summarised(PageRequest request, String after, Map<String, Long> travelling, List<StockBook.Transfer> onTheRoad) {
        List<StockBook.Summary> summaries = book.summaries(after, PRODUCTS_PER_PAGE);
        var f = request.formats();
        List<LevelsView.SummaryRow> rows = summaries.stream().map(s -> new LevelsView.SummaryRow(s.sku(), qty(s.totalMilli()),
                f.number(s.stores()), f.number(s.belowZero()), qty(travelling.getOrDefault(s.sku(), 0L)))).toList();
        String next = summaries.size() == PRODUCTS_PER_PAGE ? "/stock?after=" + summaries.getLast().sku() : null;
        request.render("stock/levels.jte", "stock.title", new LevelsView("/stock", "", List.of(), List.of(),
                onTheRoad.stream().map(StockPages::row).toList(), next, true, rows));
    }

    private void transfers(PageRequest request) {
        String status = request.query("status").map(String::strip).filter(List.of(JdbcTransferProjection.RECEIVED,
                JdbcTransferProjection.CANCELLED)::contains).orElse(JdbcTransferProjection.IN_TRANSIT);
        List<TransferRow> rows = book.transfers(status, request.query("store").filter(s -> !s.isBlank()), ROWS).stream()
                .map(StockPages::row).toList();
        request.render("stock/transfers.jte", "stock.transfers-title", new TransfersView(status, rows));
    }

    private void discrepancies(PageRequest request) {
        List<DiscrepanciesView.Row> rows = book.discrepancies(request.query("store").filter(s -> !s.isBlank()), ROWS).stream()
                .map(d -> new DiscrepanciesView.Row(d.documentNo(), d.documentKind(), d.storeId(), d.sku(), d.reason(),
                        qty(d.qtyMilli()), d.occurredAt()))
                .toList();
        request.render("stock/discrepancies.jte", "stock.discrepancies-title", new DiscrepanciesView(rows));
    }

    private static TransferRow row(StockBook.Transfer t) {
        return new TransferRow(t.transferNo(), t.fromStore(), t.toStore(), t.status(), t.sentAt() == null ? "" : t.sentAt(),
                t.closedAt() == null ? "" : t.closedAt(), t.lines().stream()
                .map(l -> l.sku() + " × " + qty(l.sentMilli()) + (l.arrivedMilli() == null ? "" : " (" + qty(l.arrivedMilli()) + ")"))
                .toList());
    }

    /** A quantity in thousandths as a plain number: 12, 0.5, -3. */
    static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
