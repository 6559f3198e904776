package io.chainpos.server.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.Language;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /reports/pairs}: "members who buy X also buy Y" for a period, for the chain or one store. Without a product
 * it lists the products most members bought, each a link; with one, what its buyers also bought, with support,
 * confidence and lift, and the members who bought both in the previous period beside it. CSV as shown.
 * {@code /stores/{store}/reports/pairs} is one store's, all a store manager sees.
 */
public final class CoPurchasePages implements PageFeature {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 20;

    private final CoPurchases pairs;
    private final SalesSeen seen;
    private final Clock clock;

    public CoPurchasePages(CoPurchases pairs, SalesSeen seen, Clock clock) {
        this.pairs = pairs;
        this.seen = seen;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "sales/pairs";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_SALES);
        PageAccess store = PageAccess.store(Permission.VIEW_SALES);
        pages.nav(new NavItem("nav.pairs", "/reports/pairs", chain, 43));
        pages.nav(new NavItem("nav.store-pairs", "/stores/{store}/reports/pairs", store, 33));
        pages.get("/reports/pairs", chain, request -> page(request, chosenStore(request), true, false));
        pages.get("/reports/pairs.csv", chain, request -> page(request, chosenStore(request), true, true));
        pages.get("/stores/{store}/reports/pairs", store, request -> page(request, Optional.of(request.pathParam("store")), false, false));
        pages.get("/stores/{store}/reports/pairs.csv", store,
                request -> page(request, Optional.of(request.pathParam("store")), false, true));
    }

    /** A product bought by {@code members} members; {@code href} shows what its buyers also bought. */
    public record ProductRow(String sku, String name, String members, String href) {
    }

    /** Y beside X, its figures as shown, and the members who bought both in the previous period. */
    public record PairRow(String sku, String name, String both, String support, String confidence, String lift, String before) {
    }

    /**
     * The page's view-model: {@code sku} the product asked about (empty: none), {@code buyers} its buyers; {@code most}
     * the most bought products when no product is asked about, {@code pairs} what its buyers also bought otherwise.
     */
    public record PairsView(String action, boolean chain, String store, List<SalesReportPages.StoreOption> stores, Form form,
                            String period, String previous, String members, String sku, String productName, String buyers,
                            List<ProductRow> most, List<PairRow> pairs, String chart, String csv) {
    }

    private static Optional<String> chosenStore(PageRequest request) {
        return request.query("store").map(String::strip).filter(s -> !s.isEmpty());
    }

    private void page(PageRequest request, Optional<String> store, boolean chain, boolean csv) {
        ZoneId zone = store.map(s -> request.formatsOf(s).zone()).orElse(request.formats().zone());
        ReportPeriod period = ReportPeriod.read(request.query("from"), request.query("to"), LocalDate.now(clock.withZone(zone)));
        String sku = request.query("sku").map(String::strip).orElse("");
        SalesFacts.Filter filter = period.filter(store);
        var f = request.formats();
        long members = pairs.members(filter);
        String action = chain ? "/reports/pairs" : "/stores/" + store.orElseThrow() + "/reports/pairs";
        String query = "?from=" + filter.from() + "&to=" + filter.to()
                + (chain ? store.map(s -> "&store=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("") : "");
        boolean chinese = request.language() == Language.ZH_CN;
        List<ProductRow> most = List.of();
        List<PairRow> rows = List.of();
        String productName = "";
        long buyers = 0;
        if (sku.isEmpty()) {
            most = pairs.mostBought(filter, SHOWN).stream().map(b -> new ProductRow(b.sku(), name(chinese, b.nameZh(), b.nameEn()),
                    f.number(b.members()), action + query + "&sku=" + URLEncoder.encode(b.sku(), StandardCharsets.UTF_8))).toList();
        } else {
            CoPurchases.Bought asked = pairs.buyers(filter, sku);
            buyers = asked.members();
            productName = name(chinese, asked.nameZh(), asked.nameEn());
            List<CoPurchases.Pair> found = pairs.alsoBought(filter, sku, SHOWN);
            Map<String, Long> before = pairs.bothWith(filter.previous(), sku, found.stream().map(CoPurchases.Pair::sku).toList());
            long x = buyers;
            rows = found.stream().map(p -> new PairRow(p.sku(), name(chinese, p.nameZh(), p.nameEn()), f.number(p.both()),
                    percent(p.support(members)), percent(p.confidence(x)), String.format(Locale.ROOT, "%.2f", p.lift(members, x)),
                    f.number(before.getOrDefault(p.sku(), 0L)))).toList();
        }
        if (csv) {
            if (period.form().hasErrors()) {
                request.refuse(400, "report.error.date");
                return;
            }
            csv(request, filter, store, sku, most, rows);
            return;
        }
        List<SalesReportPages.StoreOption> stores = chain ? seen.stores().stream()
                .map(s -> new SalesReportPages.StoreOption(s.storeId(), store.map(s.storeId()::equals).orElse(false))).toList() : List.of();
        request.render(200, "sales/pairs.jte", "pairs.title", new PairsView(action, chain, store.orElse(null), stores, period.form(),
                request.text("report.period", filter.from(), filter.to()),
                request.text("report.previous", filter.previous().from(), filter.previous().to()), f.number(members), sku, productName,
                f.number(buyers), most, rows, chart(rows), action + ".csv" + query + (sku.isEmpty() ? ""
                        : "&sku=" + URLEncoder.encode(sku, StandardCharsets.UTF_8))));
    }

    private static void csv(PageRequest request, SalesFacts.Filter filter, Optional<String> store, String sku, List<ProductRow> most,
                            List<PairRow> rows) {
        String file = "pairs-" + (sku.isEmpty() ? "" : sku + "-") + store.orElse("chain") + "-" + filter.from() + "-" + filter.to() + ".csv";
        if (sku.isEmpty()) {
            request.csv(file, List.of(request.text("pairs.column.sku"), request.text("pairs.column.name"),
                    request.text("pairs.column.members")), out -> most.forEach(r -> out.accept(List.of(r.sku(), r.name(), r.members()))));
        } else {
            request.csv(file, List.of(request.text("pairs.column.sku"), request.text("pairs.column.name"), request.text("pairs.column.both"),
                            request.text("pairs.column.support"), request.text("pairs.column.confidence"), request.text("pairs.column.lift"),
                            request.text("pairs.column.before")),
                    out -> rows.forEach(r -> out.accept(List.of(r.sku(), r.name(), r.both(), r.support(), r.confidence(), r.lift(), r.before()))));
        }
    }

    private static String name(boolean chinese, String zh, String en) {
        return chinese || en.isEmpty() ? zh : en;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String chart(List<PairRow> rows) {
        ObjectNode option = JSON.createObjectNode();
        ArrayNode names = option.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        option.putObject("xAxis").put("type", "value");
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 16).put("top", 8).put("bottom", 8);
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").putArray("data");
        for (PairRow row : rows) {
            names.add(row.name().isEmpty() ? row.sku() : row.name());
            values.add(Double.parseDouble(row.lift()));
        }
        return option.toString();
    }
}
