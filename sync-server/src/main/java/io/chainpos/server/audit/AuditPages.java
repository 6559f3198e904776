package io.chainpos.server.audit;

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

/** {@code /audit}: who signed in, was locked out, changed a user, published or erased what, and when; as CSV too. */
public final class AuditPages implements PageFeature {
    private final AuditTrail trail;

    public AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String messages() {
        return "audit/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess access = PageAccess.chain(Permission.VIEW_AUDIT);
        pages.nav(new NavItem("nav.audit", "/audit", access, 90));
        pages.get("/audit", access, this::list);
        pages.get("/audit.csv", access, this::csv);
    }

    /** The audit page's view-model: the rows as shown, and the list's links. */
    public record AuditView(List<Row> rows, ListLinks links) {
        public record Row(String at, String actor, String action, String target, String store, String detail) {
        }
    }

    private void list(PageRequest request) {
        ListRequest list = request.list(AuditTrail.LIST);
        Slice<AuditEntry> slice = trail.list(list);
        request.render("audit/list.jte", "audit.title",
                new AuditView(slice.rows().stream().map(e -> row(request, e)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request) {
        ListRequest list = request.list(AuditTrail.LIST);
        request.csv("audit.csv", List.of(request.text("audit.at"), request.text("audit.actor"), request.text("audit.action"),
                        request.text("audit.target"), request.text("audit.store"), request.text("audit.detail")),
                out -> Slice.forEachRow(list, trail::list, entry -> {
                    AuditView.Row row = row(request, entry);
                    out.accept(List.of(row.at(), row.actor(), row.action(), row.target(), row.store(), row.detail()));
                }));
    }

    private static AuditView.Row row(PageRequest request, AuditEntry entry) {
        String key = "audit.action." + entry.action();
        // An action whose words no loaded bundle has shows its code.
        String action = request.hasText(key) ? request.text(key) : entry.action();
        return new AuditView.Row(request.formats().dateTime(entry.at()), entry.actor(), action, entry.target(),
                entry.store() == null ? "" : entry.store(), entry.detail());
    }
}
