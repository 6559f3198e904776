package io.chainpos.server.stores;

import io.chainpos.server.web.Form;
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
import java.util.List;
import java.util.Optional;

/**
 * {@code /stores}: the chain's stores (paged, sorted, filtered, exported), creating one, and a store's page with
 * its name, address and time zone, edited by an admin (the form carries the version it shows: a second admin
 * editing from the same version is told, and their values stay in the form). A store manager sees their store.
 */
public final class StorePages implements PageFeature {
    /** The zones offered as the time zone is typed: every region the JDK knows. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList();

    private final Stores stores;
    private final StoreChanges changes;

    public StorePages(Stores stores, StoreChanges changes) {
        this.stores = stores;
        this.changes = changes;
    }

    @Override
    public String messages() {
        return "stores/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_STORES);
        PageAccess manage = PageAccess.chain(Permission.MANAGE_STORES);
        PageAccess one = PageAccess.store(Permission.VIEW_STORES);
        pages.nav(new NavItem("nav.stores", "/stores", read, 20));
        pages.get("/stores", read, this::list);
        pages.get("/stores.csv", read, this::csv);
        pages.get("/stores/new", manage, request -> newStore(request, 200, Form.empty()));
        pages.post("/stores", manage, this::create);
        pages.get("/stores/{store}", one, request -> show(request, 200, null, null));
        pages.post("/stores/{store}", PageAccess.store(Permission.MANAGE_STORES), this::edit);
    }

    /** A store as the pages show it. */
    public record StoreRow(String id, String name, String address, String zone, int version, String updated) {
    }

    public record StoresView(List<StoreRow> rows, ListLinks links) {
    }

    public record NewStoreView(Form form, List<String> zones) {
    }

    /** A store's page: the store, the edit form (values and errors), and another admin's newer store when theirs came first. */
    public record StoreView(StoreRow store, Form form, StoreRow newer, List<String> zones) {
    }

    private void list(PageRequest request) {
        ListRequest list = request.list(Stores.LIST);
        Slice<Stores.Store> slice = stores.list(list);
        request.render("stores/list.jte", "stores.title",
                new StoresView(slice.rows().stream().map(s -> row(request, s)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request) {
        ListRequest list = request.list(Stores.LIST);
        request.csv("stores.csv", List.of(request.text("stores.id"), request.text("stores.name"), request.text("stores.address"),
                        request.text("stores.zone"), request.text("stores.updated")),
                out -> Slice.forEachRow(list, stores::list, store -> {
                    StoreRow row = row(request, store);
                    out.accept(List.of(row.id(), row.name(), row.address(), row.zone(), row.updated()));
                }));
    }

    private void newStore(PageRequest request, int status, Form form) {
        request.render(status, "stores/new.jte", "stores.new.title", new NewStoreView(form, ZONES));
    }

    private void create(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/stores", "already-sent");
            return;
        }
        switch (changes.create(request.viewer().username(), values(form, form.value("id")))) {
            case StoreChanges.Outcome.Done done -> request.redirect("/stores/" + done.id(), "store-created");
            case StoreChanges.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                refused.problems().forEach(p -> form.reject(p.field(), "stores.problem." + p.code()));
                newStore(request, 422, form);
            }
            case StoreChanges.Outcome.Conflict never -> request.refuse(409, "stores.conflict");
            case StoreChanges.Outcome.NoSuchStore never -> request.refuse(404, "stores.not-found");
        }
    }

    private void show(PageRequest request, int status, Form form, Stores.Store newer) {
        Optional<Stores.Store> store = stores.find(request.pathParam("store"));
        if (store.isEmpty()) {
            request.refuse(404, "stores.not-found");
            return;
        }
        StoreRow row = row(request, store.get());
        Form shown = form != null ? form : new Form(java.util.Map.of("name", row.name(), "address", row.address(),
                "zone", row.zone(), "version", Integer.toString(row.version())));
        request.render(status, "stores/show.jte", "stores.store.title",
                new StoreView(row, shown, newer == null ? null : row(request, newer), ZONES));
    }

    private void edit(PageRequest request) {
        Form form = request.form();
        String id = request.pathParam("store");
        if (!request.firstSubmission(form)) {
            request.redirect("/stores/" + id, "already-sent");
            return;
        }
        int version;
        try {
            version = Integer.parseInt(form.value("version"));
        } catch (NumberFormatException e) {
            version = 0; // a form without its version cannot be newer than anything: it is told of the store as it is
        }
        switch (changes.edit(request.viewer().username(), id, values(form, id), version)) {
            case StoreChanges.Outcome.Done done -> request.redirect("/stores/" + id, "store-changed");
            case StoreChanges.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                refused.problems().forEach(p -> form.reject(p.field(), "stores.problem." + p.code()));
                show(request, 422, form, null);
            }
            case StoreChanges.Outcome.Conflict conflict -> {
                request.releaseSubmission(form);
                // Their values stay in the form; it now carries the newer version, so saving again is a choice.
                java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
                for (String field : List.of("name", "address", "zone")) {
                    kept.put(field, form.value(field));
                }
                kept.put("version", Integer.toString(conflict.current().version()));
                show(request, 409, new Form(kept), conflict.current());
            }
            case StoreChanges.Outcome.NoSuchStore none -> request.refuse(404, "stores.not-found");
        }
    }

    private static StoreChanges.Values values(Form form, String id) {
        return new StoreChanges.Values(id, form.value("name"), form.value("address"), form.value("zone"));
    }

    private static StoreRow row(PageRequest request, Stores.Store store) {
        return new StoreRow(store.id(), store.name(), store.address(), store.zone().getId(), store.version(),
                request.formats(store.zone()).dateTime(store.updated()));
    }
}
