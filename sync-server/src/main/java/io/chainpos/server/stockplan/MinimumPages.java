package io.chainpos.server.stockplan;

import io.chainpos.server.stock.StockPlanBook;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * {@code /stock/minimums}: each store's minimum per product, set one at a time or many at once (lines of
 * {@code store,sku,minimum}, all or nothing); {@code /stock/low}: products below their minimum; {@code /stock/cover}:
 * on hand, what sold a day over a lookback and how many days that lasts. A store manager reads their store's.
 */
public final class MinimumPages implements PageFeature {
    static final int MAX_BULK_LINES = 5_000;

    private final StockPlanBook book;
    private final StockPlanning planning;
    private final Predicate<String> knownStore;
    private final Predicate<String> knownSku;

    public MinimumPages(StockPlanBook book, StockPlanning planning, Predicate<String> knownStore, Predicate<String> knownSku) {
        this.book = book;
        this.planning = planning;
        this.knownStore = knownStore;
        this.knownSku = knownSku;
    }

    /** The words of every planning page (the orders' and proposals' too). */
    @Override
    public String messages() {
        return "stockplan/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_STOCK);
        PageAccess plan = PageAccess.chain(Permission.PLAN_STOCK);
        PageAccess store = PageAccess.store(Permission.VIEW_STOCK);
        pages.nav(new NavItem("nav.stock-plan", "/stock/low", chain, 49));
        pages.nav(new NavItem("nav.store-low-stock", "/stores/{store}/stock/low", store, 39));
        pages.get("/stock/minimums", chain, r -> minimums(r, 200, filter(r), Form.empty(), Form.empty()));
        pages.post("/stock/minimums", plan, this::setOne);
        pages.post("/stock/minimums/bulk", plan, this::setMany);
        pages.get("/stores/{store}/stock/minimums", store, r -> minimums(r, 200, Optional.of(r.pathParam("store")), null, null));
        pages.get("/stock/low", chain, r -> low(r, filter(r), false));
        pages.get("/stores/{store}/stock/low", store, r -> low(r, Optional.of(r.pathParam("store")), true));
        pages.get("/stock/cover", chain, r -> cover(r, filter(r), false));
        pages.get("/stores/{store}/stock/cover", store, r -> cover(r, Optional.of(r.pathParam("store")), true));
    }

    public record MinimumsView(String store, boolean storePage, List<StockPlanBook.Minimum> minimums, Form one, Form many) {
        public String qty(long milli) {
            return Quantities.qty(milli);
        }
    }

    public record LowView(String store, boolean storePage, List<Row> rows) {
        public record Row(String store, String sku, String onHand, String minimum, String shortBy, String inbound) {
        }
    }

    public record CoverView(String store, boolean storePage, Form form, int days, List<Row> rows, String nextHref) {
        public record Row(String store, String sku, String onHand, String sold, String perDay, String cover, String minimum,
                          boolean belowMinimum) {
        }
    }

    static Optional<String> filter(PageRequest request) {
        return request.query("store").map(String::strip).filter(s -> !s.isEmpty());
    }

    private void minimums(PageRequest request, int status, Optional<String> store, Form one, Form many) {
        boolean storePage = one == null;
        request.render(status, "stockplan/minimums.jte", "plan.minimums-title", new MinimumsView(store.orElse(""), storePage,
                book.minimums(store), one, many));
    }

    private void setOne(PageRequest request) {
        Form form = request.form();
        Optional<StockPlanning.MinimumLine> line = line(form, "store", "sku", "minimum", form.value("store"), form.value("sku"),
                form.value("minimum"));
        if (form.hasErrors() || line.isEmpty()) {
            minimums(request, 422, Optional.empty(), form, Form.empty());
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/stock/minimums", "already-sent");
            return;
        }
        planning.setMinimums(request.viewer().username(), List.of(line.get()));
        request.redirect("/stock/minimums", "minimum-set");
    }

    private void setMany(PageRequest request) {
        Form form = request.form();
        List<StockPlanning.MinimumLine> lines = new ArrayList<>();
        String[] rows = form.value("rows").split("\\R");
        if (form.value("rows").isEmpty()) {
            form.reject("rows", "plan.error.rows-empty");
        } else if (rows.length > MAX_BULK_LINES) {
            form.reject("rows", "plan.error.rows-many", MAX_BULK_LINES);
        }
        for (int i = 0; i < rows.length && !form.hasErrors(); i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || (i == 0 && row.toLowerCase(java.util.Locale.ROOT).startsWith("store"))) {
                continue;
            }
            String[] cells = row.split("[,\t]", -1);
            if (cells.length != 3) {
                form.reject("rows", "plan.error.row-shape", i + 1);
                break;
            }
            Form one = new Form(Map.of());
            Optional<StockPlanning.MinimumLine> line = line(one, "store", "sku", "minimum", cells[0], cells[1], cells[2]);
            if (one.hasErrors()) {
                String field = one.errors().keySet().iterator().next();
                form.reject("rows", "plan.error.row", i + 1, request.text(one.error(field).key(), one.error(field).args()));
            }
            line.ifPresent(lines::add);
        }
        if (form.hasErrors()) {
            minimums(request, 422, Optional.empty(), Form.empty(), form);
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/stock/minimums", "already-sent");
            return;
        }
        planning.setMinimums(request.viewer().username(), lines);
        request.redirect("/stock/minimums", "minimums-set");
    }

    /** One minimum read from three texts, each wrong one rejected under its own field of {@code form}. */
    private Optional<StockPlanning.MinimumLine> line(Form form, String storeField, String skuField, String qtyField, String store,
                                                     String sku, String qty) {
        store = store.strip();
        sku = sku.strip();
        if (store.isEmpty()) {
            form.reject(storeField, "plan.error.store-missing");
        } else if (!validStore(store) || !knownStore.test(store)) {
            form.reject(storeField, "plan.error.store-unknown", store);
        }
        if (sku.isEmpty()) {
            form.reject(skuField, "plan.error.sku-missing");
        } else if (!validSku(sku) || !knownSku.test(sku)) {
            form.reject(skuField, "plan.error.sku-unknown", sku);
        }
        OptionalLong minimum = qty.isBlank() ? OptionalLong.empty() : Quantities.quantity(form, qtyField, qty);
        if (qty.isBlank()) {
            form.reject(qtyField, "plan.error.quantity");
        }
        return form.hasErrors() || minimum.isEmpty() ? Optional.empty()
                : Optional.of(new StockPlanning.MinimumLine(store, sku, minimum.getAsLong()));
    }

    private static boolean validStore(String store) {
        try {
            StoreId.of(store);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validSku(String sku) {
        try {
            Sku.of(sku);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void low(PageRequest request, Optional<String> store, boolean storePage) {
        List<LowView.Row> rows = planning.lowStock(store).stream().map(s -> new LowView.Row(s.store(), s.sku(),
                Quantities.qty(s.onHandMilli()), Quantities.qty(s.minimumMilli()), Quantities.qty(s.minimumMilli() - s.onHandMilli()),
                Quantities.qty(s.inboundMilli()))).toList();
        request.render("stockplan/low.jte", "plan.low-title", new LowView(store.orElse(""), storePage, rows));
    }

    private void cover(PageRequest request, Optional<String> store, boolean storePage) {
        Form form = new Form(request.query("days").map(d -> Map.of("days", d)).orElse(Map.of()));
        int days = Quantities.days(form, "days", 1, ReorderRules.DEFAULT_LOOKBACK).orElse(ReorderRules.DEFAULT_LOOKBACK);
        StockPlanning.PositionPage page = form.hasErrors() ? new StockPlanning.PositionPage(List.of(), Optional.empty())
                : planning.positions(store, Pagination.after(request), Pagination.POSITIONS_PER_PAGE, days);
        List<CoverView.Row> rows = page.positions().stream()
                .map(p -> new CoverView.Row(p.store(), p.sku(), Quantities.qty(p.onHandMilli()), Quantities.qty(p.soldMilli()),
                        Quantities.perDay(p.soldMilli(), days), Quantities.days(ReorderRules.daysOfCover(p.onHandMilli(), p.soldMilli(),
                        days)), p.minimumMilli() == 0 ? "" : Quantities.qty(p.minimumMilli()), p.onHandMilli() < p.minimumMilli()))
                .toList();
        String base = storePage ? "/stores/" + store.orElseThrow() + "/stock/cover" : "/stock/cover";
        Map<String, String> kept = new LinkedHashMap<>();
        if (!storePage) {
            store.ifPresent(s -> kept.put("store", s));
        }
        kept.put("days", String.valueOf(days));
        request.render(form.hasErrors() ? 400 : 200, "stockplan/cover.jte", "plan.cover-title",
                new CoverView(store.orElse(""), storePage, form, days, rows, Pagination.nextHref(base, kept, page.next())));
    }
}
