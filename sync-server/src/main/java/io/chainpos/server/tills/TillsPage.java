package io.chainpos.server.tills;

import io.chainpos.server.web.Form;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /tills} (the chain's) and {@code /stores/{store}/tills} (one store's: a store manager sees only their own):
 * every till with its last push and pull, what it has still to pull, how far behind it last was, the app version it
 * runs and whether it is online; an admin issues a till's enrollment code (shown once, with its expiry), revokes a
 * lost till and issues its replacement code. Times are in the till's store's zone.
 */
public final class TillsPage implements PageFeature {
    /** A till that pushed or pulled this recently is online (an idle till pulls every few seconds). */
    public static final Duration ONLINE_WITHIN = Duration.ofMinutes(5);

    private final EnrolledTills tills;
    private final TillEnrollments enrollments;
    private final Clock clock;

    public TillsPage(EnrolledTills tills, TillEnrollments enrollments, Clock clock) {
        this.tills = tills;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "tills/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_STORES);
        PageAccess store = PageAccess.store(Permission.VIEW_STORES);
        PageAccess manage = PageAccess.store(Permission.MANAGE_STORES);
        pages.nav(new NavItem("nav.store-tills", "/stores/{store}/tills", store, 20));
        pages.nav(new NavItem("nav.tills", "/tills", chain, 25));
        pages.get("/tills", chain, request -> list(request, Optional.empty(), 200, Form.empty()));
        pages.get("/tills.csv", chain, request -> csv(request, Optional.empty()));
        pages.get("/stores/{store}/tills", store, request -> list(request, Optional.of(request.pathParam("store")), 200, Form.empty()));
        pages.get("/stores/{store}/tills.csv", store, request -> csv(request, Optional.of(request.pathParam("store"))));
        pages.post("/stores/{store}/tills", manage, request -> issue(request, request.form().value("till"), false));
        pages.post("/stores/{store}/tills/{till}/code", manage, request -> issue(request, request.pathParam("till"), true));
        pages.post("/stores/{store}/tills/{till}/revoke", manage, this::revoke);
    }

    /** The tills page: of one store (null: the chain's), the rows as shown, the list's links and the enrollment form. */
    public record TillsView(String store, List<Row> rows, ListLinks links, Form form) {
        /** {@code notReceived}: one line per epoch of what the till holds and the server does not. */
        public record Row(String till, String store, int epoch, boolean live, String revoked, boolean online, String lastPush,
                          String lastPull, String waiting, String pullLag, String version, List<String> notReceived) {
        }
    }

    /** The page showing a till's code, once. */
    public record CodeView(String store, String till, String code, String expires) {
    }

    private void list(PageRequest request, Optional<String> store, int status, Form form) {
        ListRequest list = request.list(EnrolledTills.LIST);
        Slice<EnrolledTills.Till> slice = tills.list(store, list);
        request.render(status, "tills/list.jte", store.isPresent() ? "tills.title" : "tills.chain.title",
                new TillsView(store.orElse(null), slice.rows().stream().map(t -> row(request, t)).toList(),
                        request.links(list, slice), form));
    }

    private void csv(PageRequest request, Optional<String> store) {
        ListRequest list = request.list(EnrolledTills.LIST);
        request.csv("tills" + store.map(s -> "-" + s).orElse("") + ".csv", List.of(request.text("tills.till"),
                        request.text("tills.store"), request.text("tills.epoch"), request.text("tills.status"),
                        request.text("tills.online"), request.text("tills.last-push"), request.text("tills.last-pull"),
                        request.text("tills.waiting"), request.text("tills.pull-lag"), request.text("tills.version"),
                        request.text("tills.not-received")),
                out -> Slice.forEachRow(list, page -> tills.list(store, page), till -> {
                    TillsView.Row row = row(request, till);
                    out.accept(List.of(row.till(), row.store(), Integer.toString(row.epoch()),
                            request.text(row.live() ? "tills.live" : "tills.revoked"),
                            request.text(row.online() ? "tills.is-online" : "tills.is-offline"), row.lastPush(), row.lastPull(),
                            row.waiting(), row.pullLag(), row.version(), String.join("; ", row.notReceived())));
                }));
    }

    private void issue(PageRequest request, String till, boolean replacement) {
        Form form = request.form();
        String store = request.pathParam("store");
        if (!request.firstSubmission(form)) {
            request.redirect("/stores/" + store + "/tills", "already-sent");
            return;
        }
        switch (enrollments.issueCode(request.viewer().username(), store, till, replacement)) {
            case TillEnrollments.Issued.Code code -> request.render("tills/code.jte", "tills.code.title",
                    new CodeView(store, code.till(), code.code(), request.formatsOf(store).dateTime(code.expires())));
            case TillEnrollments.Issued.Refused refused -> {
                request.releaseSubmission(form);
                form.reject("till", "tills.problem." + refused.problem());
                list(request, Optional.of(store), 422, form);
            }
        }
    }

    private void revoke(PageRequest request) {
        Form form = request.form();
        String store = request.pathParam("store");
        if (!request.firstSubmission(form)) {
            request.redirect("/stores/" + store + "/tills", "already-sent");
            return;
        }
        if (enrollments.revoke(request.viewer().username(), store, request.pathParam("till"))) {
            request.redirect("/stores/" + store + "/tills", "till-revoked");
        } else {
            request.refuse(404, "tills.not-found");
        }
    }

    private TillsView.Row row(PageRequest request, EnrolledTills.Till till) {
        Formats formats = request.formatsOf(till.store());
        Instant now = clock.instant();
        boolean online = till.lastContact() != null && !till.lastContact().isBefore(now.minus(ONLINE_WITHIN));
        return new TillsView.Row(till.tillId(), till.store(), till.epoch(), till.live(), formats.dateTime(till.revoked()), online,
                formats.dateTime(till.lastPush()), formats.dateTime(till.lastPull()),
                till.waiting() == null ? "" : formats.number(till.waiting()),
                till.pullLag() == null ? "" : formats.number(till.pullLag()),
                till.appVersion() == null ? "" : till.appVersion(),
                till.notReceived().stream().map(missing -> missing.receipts() > 0
                        ? request.text("tills.not-received.receipts", Integer.toString(missing.epoch()), Long.toString(missing.fromSeq()),
                                Long.toString(missing.toSeq()),
                                missing.firstReceipt(), missing.lastReceipt(), formats.number(missing.receipts()))
                        : request.text("tills.not-received.events", Integer.toString(missing.epoch()),
                                Long.toString(missing.fromSeq()), Long.toString(missing.toSeq()))).toList());
    }
}
