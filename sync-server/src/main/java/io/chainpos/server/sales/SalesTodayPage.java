package io.chainpos.server.sales;

import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /sales/today}: the part of the home page that refreshes itself: each store's sales so far on its own local
 * today beside the same weekday last week. Head office sees every store with sales; a store manager their own.
 */
public final class SalesTodayPage implements PageFeature {
    private final SalesFacts facts;
    private final SalesSeen seen;
    private final Clock clock;

    public SalesTodayPage(SalesFacts facts, SalesSeen seen, Clock clock) {
        this.facts = facts;
        this.seen = seen;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "sales/today";
    }

    @Override
    public void addTo(Pages pages) {
        pages.get("/sales/today", PageAccess.own(Permission.VIEW_SALES), this::today);
    }

    public record TodayView(List<Row> rows) {
        public record Row(String store, String day, String net, String baskets, String lastWeek, String change) {
        }
    }

    private void today(PageRequest request) {
        Optional<String> own = request.viewer().store();
        List<String> stores = own.map(List::of).orElseGet(() -> seen.stores().stream().map(SalesSeen.StoreSales::storeId).toList());
        Map<String, LocalDate> todayOf = new HashMap<>();
        for (String store : stores) {
            todayOf.put(store, LocalDate.now(clock.withZone(request.formatsOf(store).zone())));
        }
        List<TodayView.Row> rows = new ArrayList<>();
        if (!stores.isEmpty()) {
            LocalDate first = todayOf.values().stream().min(LocalDate::compareTo).orElseThrow().minusDays(7);
            LocalDate last = todayOf.values().stream().max(LocalDate::compareTo).orElseThrow();
            Map<String, SalesFacts.Totals> byStoreDay = new HashMap<>();
            facts.byStoreAndDay(new SalesFacts.Filter(own, first, last)).forEach(d -> byStoreDay.put(d.store() + "|" + d.day(), d.totals()));
            SalesReport report = new SalesReport(facts, request::text, request.formats(), request.language());
            for (String store : stores) {
                LocalDate today = todayOf.get(store);
                SalesFacts.Totals now = byStoreDay.getOrDefault(store + "|" + today, SalesFacts.Totals.NONE);
                SalesFacts.Totals before = byStoreDay.getOrDefault(store + "|" + today.minusDays(7), SalesFacts.Totals.NONE);
                rows.add(new TodayView.Row(store, today.toString(), report.money(now.net()), request.formats().number(now.baskets()),
                        report.money(before.net()), report.change(now.net(), before.net())));
            }
        }
        request.render("sales/today.jte", "sales.today.title", new TodayView(rows));
    }
}
