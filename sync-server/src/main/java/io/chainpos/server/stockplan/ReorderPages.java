package io.chainpos.server.stockplan;

import io.chainpos.server.stock.StockPlanBook;
import io.chainpos.server.web.Form;
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

/**
 * {@code /stock/orders}: suggested purchase orders from each store's sales ({@link ReorderRules}), per store or
 * consolidated for the chain, with the lookback, lead time and safety stock as parameters. The quantities can be
 * changed on the page before {@code /stock/orders.csv} exports them.
 */
public final class ReorderPages implements PageFeature {
    static final List<String> PARAMETERS = List.of("store", "scope", "lookback", "lead", "safety");

    private final StockPlanning planning;

    public ReorderPages(StockPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_STOCK);
        pages.get("/stock/orders", chain, request -> {
            Map<String, String> values = new LinkedHashMap<>();
            PARAMETERS.forEach(p -> request.query(p).ifPresent(v -> values.put(p, v)));
            show(request, new Form(values));
        });
        pages.post("/stock/orders.csv", chain, this::csv);
    }

    /** The order as reviewed: a line per store (or "" for the chain) and product, with the quantity to order. */
    public record OrdersView(Form form, boolean consolidated, int lookback, List<Line> lines, String after, String nextHref) {
        public record Line(String store, String sku, String onHand, String inbound, String minimum, String sold, String perDay,
                           String suggested, String field, String order) {
            /** The order field's element id: {@code qty-S001-100001}, {@code qty-chain-100001}. */
            public String id() {
                return "qty-" + (store.isEmpty() ? "chain" : store) + "-" + sku;
            }
        }

        public List<Map.Entry<String, String>> hidden() {
            return PARAMETERS.stream().filter(p -> !form.value(p).isEmpty()).map(p -> Map.entry(p, form.value(p))).toList();
        }
    }

    /** Lines with something to order shown on one page. */
    static final int LINES_PER_PAGE = 100;
    /** Positions (or the chain's products) read for one page at most: a page of few lines still ends. */
    private static final int READ_PER_PAGE = 10_000;
    private static final int READ_AT_ONCE = 500;

    /** A page of the order (or the whole of it, for the export) and the key the next page starts after. */
    private record Plan(boolean consolidated, int lookback, List<ReorderRules.Suggestion> lines, Optional<StockPlanBook.Key> next) {
    }

    /** Reads the parameters, naming a wrong one beside its field; empty when one is wrong. */
    private Optional<Plan> plan(Form form, Optional<StockPlanBook.Key> after, boolean whole) {
        int lookback = Quantities.days(form, "lookback", 1, ReorderRules.DEFAULT_LOOKBACK).orElse(0);
        int lead = Quantities.days(form, "lead", 0, 7).orElse(0);
        int safety = Quantities.days(form, "safety", 0, 7).orElse(0);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        Optional<String> store = Optional.of(form.value("store")).filter(s -> !s.isEmpty());
        boolean consolidated = "chain".equals(form.value("scope")) && store.isEmpty();
        ReorderRules.Parameters params = new ReorderRules.Parameters(lookback, lead, safety);
        List<ReorderRules.Suggestion> lines = new ArrayList<>();
        Optional<StockPlanBook.Key> cursor = after;
        int read = 0;
        do {
            if (consolidated) {
                List<String> skus = planning.products(cursor.map(StockPlanBook.Key::sku), READ_AT_ONCE);
                lines.addAll(ReorderRules.consolidated(planning.positionsOf(skus, lookback), params));
                cursor = skus.size() < READ_AT_ONCE ? Optional.empty() : Optional.of(new StockPlanBook.Key("", skus.getLast()));
            } else {
                StockPlanning.PositionPage page = planning.positions(store, cursor, READ_AT_ONCE, lookback);
                lines.addAll(ReorderRules.perStore(page.positions(), params));
                cursor = page.next();
            }
            read += READ_AT_ONCE;
        } while (cursor.isPresent() && (whole || (lines.size() < LINES_PER_PAGE && read < READ_PER_PAGE)));
        if (!whole && lines.size() > LINES_PER_PAGE) {
            ReorderRules.Suggestion last = lines.get(LINES_PER_PAGE - 1);
            cursor = Optional.of(new StockPlanBook.Key(last.store(), last.sku()));
            lines = lines.subList(0, LINES_PER_PAGE);
        }
        return Optional.of(new Plan(consolidated, lookback, lines, cursor));
    }

    private static String field(ReorderRules.Suggestion s) {
        return "qty:" + s.store() + ":" + s.sku();
    }

    private void show(PageRequest request, Form form) {
        String after = request.query("after").orElse("");
        render(request, form, after, plan(form, Pagination.after(after), false), form.hasErrors() ? 400 : 200);
    }

    /** The page whose order fields were reviewed starts after {@code after} (empty for the first). */
    private void render(PageRequest request, Form form, String after, Optional<Plan> plan, int status) {
        List<OrdersView.Line> lines = plan.map(p -> p.lines().stream().map(s -> new OrdersView.Line(s.store(), s.sku(),
                Quantities.qty(s.onHandMilli()), Quantities.qty(s.inboundMilli()), Quantities.qty(s.minimumMilli()),
                Quantities.qty(s.soldMilli()), Quantities.perDay(s.soldMilli(), p.lookback()), Quantities.qty(s.suggestedMilli()),
                field(s), form.value(field(s)).isEmpty() ? Quantities.qty(s.suggestedMilli()) : form.value(field(s)))).toList())
                .orElse(List.of());
        Map<String, String> kept = new LinkedHashMap<>();
        PARAMETERS.stream().filter(p -> !form.value(p).isEmpty()).forEach(p -> kept.put(p, form.value(p)));
        request.render(status, "stockplan/orders.jte", "plan.orders-title", new OrdersView(form,
                plan.map(Plan::consolidated).orElse(false), plan.map(Plan::lookback).orElse(ReorderRules.DEFAULT_LOOKBACK), lines,
                after, Pagination.nextHref("/stock/orders", kept, plan.flatMap(Plan::next))));
    }

    /**
     * The whole order as filtered, every page of it: the quantities as changed on the page reviewed, the suggested
     * ones elsewhere. A wrong quantity shows that page again with the wrong value named beside it.
     */
    private void csv(PageRequest request) {
        Form form = request.form();
        String after = form.value("after");
        Optional<Plan> plan = plan(form, Optional.empty(), true);
        if (plan.isEmpty()) {
            render(request, form, after, plan, 400);
            return;
        }
        Optional<Plan> reviewed = plan(form, Pagination.after(after), false);
        List<List<String>> rows = new ArrayList<>();
        for (ReorderRules.Suggestion s : plan.get().lines()) {
            String sent = form.value(field(s));
            OptionalLong order = sent.isEmpty() ? OptionalLong.of(s.suggestedMilli()) : Quantities.quantity(form, field(s), sent);
            if (order.isPresent() && order.getAsLong() > 0) {
                rows.add(List.of(s.store().isEmpty() ? request.text("plan.chain") : s.store(), s.sku(), Quantities.qty(s.onHandMilli()),
                        Quantities.qty(s.inboundMilli()), Quantities.qty(s.minimumMilli()), Quantities.qty(s.soldMilli()),
                        Quantities.qty(s.suggestedMilli()), Quantities.qty(order.getAsLong())));
            }
        }
        if (form.hasErrors()) {
            render(request, form, after, reviewed, 422);
            return;
        }
        request.csv("suggested-order.csv", List.of(request.text("plan.column.store"), request.text("plan.column.sku"),
                request.text("plan.column.on-hand"), request.text("plan.column.inbound"), request.text("plan.column.minimum"),
                request.text("plan.column.sold"), request.text("plan.column.suggested"), request.text("plan.column.order")),
                out -> rows.forEach(out));
    }
}
