package io.chainpos.server.tills;

import io.chainpos.server.web.ListLinks;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Slice;
import java.util.List;

/**
 * {@code /stores/{store}/tills}: the tills enrolled in one store. Store-scoped: a store manager sees only their
 * own store's, head office any store's.
 */
public final class TillsPage implements PageFeature {
    private final EnrolledTills tills;

    public TillsPage(EnrolledTills tills) {
        this.tills = tills;
    }

    @Override
    public String messages() {
        return "tills/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess access = PageAccess.store(Permission.VIEW_STORES);
        pages.nav(new NavItem("nav.store-tills", "/stores/{store}/tills", access, 20));
        pages.get("/stores/{store}/tills", access, this::list);
        pages.get("/stores/{store}/tills.csv", access, this::csv);
    }

    public record TillsView(String store, List<Row> rows, ListLinks links) {
        public record Row(String till, int epoch, String issued, boolean live) {
        }
    }

    private void list(PageRequest request) {
        String store = request.pathParam("store");
        ListRequest list = request.list(EnrolledTills.LIST);
        Slice<EnrolledTills.Till> slice = tills.list(store, list);
        request.render("tills/list.jte", "tills.title",
                new TillsView(store, slice.rows().stream().map(t -> row(request, t)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request) {
        String store = request.pathParam("store");
        ListRequest list = request.list(EnrolledTills.LIST);
        request.csv("tills-" + store + ".csv", List.of(request.text("tills.till"), request.text("tills.epoch"),
                        request.text("tills.issued"), request.text("tills.status")),
                out -> Slice.forEachRow(list, page -> tills.list(store, page), till -> {
                    TillsView.Row row = row(request, till);
                    out.accept(List.of(row.till(), Integer.toString(row.epoch()), row.issued(),
                            request.text(row.live() ? "tills.live" : "tills.revoked")));
                }));
    }

    private static TillsView.Row row(PageRequest request, EnrolledTills.Till till) {
        return new TillsView.Row(till.tillId(), till.epoch(), request.formats().dateTime(till.tokenIssued()), till.live());
    }
}
