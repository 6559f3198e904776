package io.chainpos.server.sales;

import io.chainpos.server.web.Form;
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
import java.util.Optional;

/**
 * {@code /reports/sales}: head office's sales report for a period and the previous one beside it, for the chain or one
 * store (its filter): headline figures, and by store, day, peak hour, category, best and slow sellers, member share,
 * tender mix and promotion cost, each a table, a chart and a CSV. {@code /stores/{store}/reports/sales} is the same
 * for one store, which is all a store manager sees. Days are each store's local days.
 */
public final class SalesReportPages implements PageFeature {
    private final SalesFacts facts;
    private final SalesSeen seen;
    private final Clock clock;

    public SalesReportPages(SalesFacts facts, SalesSeen seen, Clock clock) {
        this.facts = facts;
        this.seen = seen;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "sales/report";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_SALES);
        PageAccess store = PageAccess.store(Permission.VIEW_SALES);
        // Same place as Sales: registered just after it, the report comes next to it, before Members.
        pages.nav(new NavItem("nav.sales-report", "/reports/sales", chain, 40));
        pages.nav(new NavItem("nav.store-sales-report", "/stores/{store}/reports/sales", store, 16));
        pages.get("/reports/sales", chain, request -> page(request, chosenStore(request), true));
        pages.get("/reports/sales.csv", chain, request -> csv(request, chosenStore(request), true));
        pages.get("/stores/{store}/reports/sales", store, request -> page(request, Optional.of(request.pathParam("store")), false));
        pages.get("/stores/{store}/reports/sales.csv", store, request -> csv(request, Optional.of(request.pathParam("store")), false));
    }

    /** A store head office may pick, and whether it is the one picked. */
    public record StoreOption(String id, boolean selected) {
    }

    /**
     * The page's view-model: {@code action} is where the filter form goes; {@code stores} is empty on one store's own
     * page; {@code csv} is the query every section's export adds its name to.
     */
    public record ReportView(String action, boolean chain, String store, List<StoreOption> stores, Form form, String period, String previous,
                             String zone, String csv, List<SalesReport.Figure> figures, List<SalesReport.Section> sections) {
    }

    private static Optional<String> chosenStore(PageRequest request) {
        return request.query("store").map(String::strip).filter(s -> !s.isEmpty());
    }

    private void page(PageRequest request, Optional<String> store, boolean chain) {
        page(request, store, chain, 200);
    }

    private void page(PageRequest request, Optional<String> store, boolean chain, int status) {
        ZoneId zone = store.map(s -> request.formatsOf(s).zone()).orElse(request.formats().zone());
        ReportPeriod period = ReportPeriod.read(request.query("from"), request.query("to"), LocalDate.now(clock.withZone(zone)));
        SalesFacts.Filter filter = period.filter(store);
        SalesReport report = report(request, store);
        List<StoreOption> stores = chain ? seen.stores().stream()
                .map(s -> new StoreOption(s.storeId(), store.map(s.storeId()::equals).orElse(false))).toList() : List.of();
        String action = chain ? "/reports/sales" : "/stores/" + store.orElseThrow() + "/reports/sales";
        String csv = action + ".csv?from=" + filter.from() + "&to=" + filter.to()
                + (chain ? store.map(s -> "&store=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("") : "");
        request.render(status, "sales/report.jte", "report.title", new ReportView(action, chain, store.orElse(null), stores, period.form(),
                request.text("report.period", filter.from(), filter.to()),
                request.text("report.previous", filter.previous().from(), filter.previous().to()), zone.getId(), csv,
                report.figures(filter), SalesReport.SECTIONS.stream().map(id -> report.section(id, filter)).toList()));
    }

    private void csv(PageRequest request, Optional<String> store, boolean chain) {
        String id = request.query("section").orElse("days");
        if (!SalesReport.SECTIONS.contains(id)) {
            request.refuse(404, "report.error.section");
            return;
        }
        ZoneId zone = store.map(s -> request.formatsOf(s).zone()).orElse(request.formats().zone());
        ReportPeriod period = ReportPeriod.read(request.query("from"), request.query("to"), LocalDate.now(clock.withZone(zone)));
        if (period.form().hasErrors()) { // the page, with each wrong date named beside its field
            page(request, store, chain, 400);
            return;
        }
        SalesFacts.Filter filter = period.filter(store);
        SalesReport.Section section = report(request, store).section(id, filter);
        request.csv("sales-" + id + "-" + store.orElse("chain") + "-" + filter.from() + "-" + filter.to() + ".csv", section.headers(),
                out -> section.rows().forEach(out));
    }

    private SalesReport report(PageRequest request, Optional<String> store) {
        return new SalesReport(facts, request::text, store.map(request::formatsOf).orElse(request.formats()), request.language());
    }
}
