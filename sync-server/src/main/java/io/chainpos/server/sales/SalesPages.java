package io.chainpos.server.sales;

import io.chainpos.model.money.Money;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.ListLinks;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Slice;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /stores/{store}/sales}: one store's recent sales and refunds (receipt, time in the store's zone, total, member
 * or not, tenders), newest first, paged by key and exported; a store manager sees only their own store's. {@code /sales}
 * lists the stores with sales for head office to pick one.
 */
public final class SalesPages implements PageFeature {
    private final SalesSeen sales;
    private final Function<String, ZoneId> zoneOfStore;

    /** @param zoneOfStore the time zone a store's times are shown in */
    public SalesPages(SalesSeen sales, Function<String, ZoneId> zoneOfStore) {
        this.sales = sales;
        this.zoneOfStore = zoneOfStore;
    }

    @Override
    public String messages() {
        return "sales/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_SALES);
        PageAccess store = PageAccess.store(Permission.VIEW_SALES);
        pages.nav(new NavItem("nav.sales", "/sales", chain, 40));
        pages.nav(new NavItem("nav.store-sales", "/stores/{store}/sales", store, 15));
        pages.get("/sales", chain, this::stores);
        pages.get("/stores/{store}/sales", store, this::list);
        pages.get("/stores/{store}/sales.csv", store, this::csv);
    }

    public record StoresView(List<StoreRow> stores) {
        public record StoreRow(String store, String documents, String newest) {
        }
    }

    public record ListView(String store, String zone, List<Row> rows, ListLinks links) {
        public record Row(String receipt, String kind, boolean refund, String at, String total, String refunded, boolean member,
                          String tenders, String till) {
        }
    }

    private void stores(PageRequest request) {
        request.render("sales/stores.jte", "sales.stores.title", new StoresView(sales.stores().stream()
                .map(s -> new StoresView.StoreRow(s.storeId(), request.formats().number(s.documents()),
                        request.formatsOf(s.storeId()).dateTime(s.newest()))).toList()));
    }

    private void list(PageRequest request) {
        String store = request.pathParam("store");
        ListRequest list = request.list(SalesSeen.LIST);
        Slice<SaleSeen> slice = sales.list(store, list);
        Formats formats = request.formats(zoneOfStore.apply(store));
        request.render("sales/list.jte", "sales.title", new ListView(store, formats.zone().getId(),
                slice.rows().stream().map(s -> row(request, formats, s)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request) {
        String store = request.pathParam("store");
        ListRequest list = request.list(SalesSeen.LIST);
        Formats formats = request.formats(zoneOfStore.apply(store));
        request.csv("sales-" + store + ".csv", List.of(request.text("sales.receipt"), request.text("sales.kind"), request.text("sales.at"),
                        request.text("sales.total"), request.text("sales.refunded"), request.text("sales.member"),
                        request.text("sales.tenders"), request.text("sales.till")),
                out -> Slice.forEachRow(list, page -> sales.list(store, page), sale -> {
                    ListView.Row row = row(request, formats, sale);
                    out.accept(List.of(row.receipt(), row.kind(), row.at(), row.total(), row.refunded(),
                            request.text(row.member() ? "sales.yes" : "sales.no"), row.tenders(), row.till()));
                }));
    }

    private static ListView.Row row(PageRequest request, Formats formats, SaleSeen sale) {
        Currency currency = Currency.getInstance(sale.currency());
        String tenders = sale.tenders().stream()
                .map(t -> text(request, "sales.tender." + t.method(), t.method()) + " " + formats.money(new Money(t.amount(), currency)))
                .collect(Collectors.joining(", "));
        return new ListView.Row(sale.receiptNo(), request.text("sales.kind." + sale.kind().name().toLowerCase(java.util.Locale.ROOT)),
                sale.kind() == SaleSeen.Kind.REFUND, formats.dateTime(sale.at()), formats.money(new Money(sale.total(), currency)),
                sale.refunded() == 0 ? "" : formats.money(new Money(sale.refunded(), currency)), sale.member(), tenders, sale.tillId());
    }

    private static String text(PageRequest request, String key, String fallback) {
        return request.hasText(key) ? request.text(key) : fallback;
    }
}
