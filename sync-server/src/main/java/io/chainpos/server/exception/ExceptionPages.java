package io.chainpos.server.exception;

import io.chainpos.model.money.Money;
import io.chainpos.model.sync.SyncException;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /exceptions} (the chain's) and {@code /stores/{store}/exceptions} (one store's, for its manager too):
 * overdrafts, negative stock, quarantined and unknown events and till clocks off, filtered by store, kind, date
 * (days in the store's zone) and status, paged by key, exported as CSV; an exception's page, where head office
 * resolves it with a note (recorded and audited: it leaves the open count every page shows).
 */
public final class ExceptionPages implements PageFeature {
    private final ExceptionRecords records;
    private final ResolveException resolve;

    public ExceptionPages(ExceptionRecords records, ResolveException resolve) {
        this.records = records;
        this.resolve = resolve;
    }

    @Override
    public String messages() {
        return "exception/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_EXCEPTIONS);
        PageAccess store = PageAccess.store(Permission.VIEW_EXCEPTIONS);
        pages.nav(new NavItem("nav.exceptions", "/exceptions", chain, 30));
        pages.nav(new NavItem("nav.store-exceptions", "/stores/{store}/exceptions", store, 30));
        pages.get("/exceptions", chain, request -> list(request, Optional.empty()));
        pages.get("/exceptions.csv", chain, request -> csv(request, Optional.empty()));
        pages.get("/stores/{store}/exceptions", store, request -> list(request, Optional.of(request.pathParam("store"))));
        pages.get("/stores/{store}/exceptions.csv", store, request -> csv(request, Optional.of(request.pathParam("store"))));
        pages.get("/exceptions/{id}", chain, request -> show(request, 200, Form.empty()));
        pages.post("/exceptions/{id}/resolve", PageAccess.chain(Permission.RESOLVE_EXCEPTIONS), this::resolve);
    }

    /** The list page: its store (null: the chain's), the filter form (with any wrong date), the rows and links. */
    public record ExceptionsView(String store, Form filters, List<String> kinds, List<Row> rows, ListLinks links) {
    }

    public record Row(long id, String kind, String store, String till, String subject, String detail, String at, boolean open,
                      String resolvedBy, String resolvedAt, String note) {
    }

    public record ExceptionView(Row row, String member, String sku, String quantity, String balance, String event, Form form) {
    }

    private void list(PageRequest request, Optional<String> store) {
        ListRequest list = request.list(ExceptionRecords.LIST);
        Form filters = new Form(list.filters());
        Optional<ExceptionRecords.Filter> filter = filter(request, store, list, filters);
        Slice<ExceptionRecords.Recorded> slice = filter.map(f -> records.list(f, list)).orElse(new Slice<>(List.of(), Optional.empty()));
        request.render(filters.hasErrors() ? 422 : 200, "exceptions/list.jte", "exceptions.title", new ExceptionsView(store.orElse(null),
                filters, Arrays.stream(SyncException.Kind.values()).map(Enum::name).toList(),
                slice.rows().stream().map(r -> row(request, r)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request, Optional<String> store) {
        ListRequest list = request.list(ExceptionRecords.LIST);
        Form filters = new Form(list.filters());
        Optional<ExceptionRecords.Filter> filter = filter(request, store, list, filters);
        request.csv("exceptions" + store.map(s -> "-" + s).orElse("") + ".csv", List.of("#", request.text("exceptions.kind"),
                        request.text("exceptions.store"), request.text("exceptions.till"), request.text("exceptions.subject"),
                        request.text("exceptions.detail"), request.text("exceptions.at"), request.text("exceptions.status"),
                        request.text("exceptions.resolved-by"), request.text("exceptions.resolved-at"), request.text("exceptions.note")),
                out -> filter.ifPresent(f -> Slice.forEachRow(list, page -> records.list(f, page), recorded -> {
                    Row row = row(request, recorded);
                    out.accept(List.of(Long.toString(row.id()), row.kind(), row.store(), row.till(), row.subject(), row.detail(),
                            row.at(), request.text(row.open() ? "exceptions.open" : "exceptions.resolved"), row.resolvedBy(),
                            row.resolvedAt(), row.note()));
                })));
    }

    /** The filter the query asks for, or empty when a value is wrong (named on {@code form}). Days are the store's. */
    private static Optional<ExceptionRecords.Filter> filter(PageRequest request, Optional<String> pathStore, ListRequest list, Form form) {
        Optional<String> store = pathStore.or(() -> list.filter("store"));
        ZoneId zone = store.map(s -> request.formatsOf(s).zone()).orElse(Formats.DEFAULT_ZONE);
        Optional<SyncException.Kind> kind = list.filter("kind").flatMap(k -> {
            try {
                return Optional.of(SyncException.Kind.valueOf(k));
            } catch (IllegalArgumentException e) {
                form.reject("kind", "exceptions.problem.kind");
                return Optional.empty();
            }
        });
        Optional<LocalDate> from = day(list.filter("from"), "from", form);
        Optional<LocalDate> to = day(list.filter("to"), "to", form);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            form.reject("to", "exceptions.problem.to-before-from");
        }
        ExceptionRecords.Status status = switch (list.filter("status").orElse("open")) {
            case "resolved" -> ExceptionRecords.Status.RESOLVED;
            case "all" -> ExceptionRecords.Status.ALL;
            default -> ExceptionRecords.Status.OPEN;
        };
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ExceptionRecords.Filter(store, kind, from.map(d -> d.atStartOfDay(zone).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()), status));
    }

    private static Optional<LocalDate> day(Optional<String> text, String field, Form form) {
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            form.reject(field, "exceptions.problem.date");
            return Optional.empty();
        }
    }

    private void show(PageRequest request, int status, Form form) {
        Optional<ExceptionRecords.Recorded> found = id(request).flatMap(records::find);
        if (found.isEmpty()) {
            request.refuse(404, "exceptions.not-found");
            return;
        }
        ExceptionRecords.Recorded recorded = found.get();
        SyncException e = recorded.exception();
        Formats formats = request.formatsOf(e.storeId());
        request.render(status, "exceptions/show.jte", "exceptions.one.title", new ExceptionView(row(request, recorded),
                text(e.memberId()), text(e.sku()), e.qtyMilli() == null ? "" : java.math.BigDecimal.valueOf(e.qtyMilli(), 3).toPlainString(),
                e.balance() == null ? "" : formats.number(e.balance()), text(e.eventId()), form));
    }

    private void resolve(PageRequest request) {
        Form form = request.form();
        Optional<Long> id = id(request);
        if (id.isEmpty()) {
            request.refuse(404, "exceptions.not-found");
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/exceptions/" + id.get(), "already-sent");
            return;
        }
        switch (resolve.resolve(request.viewer().username(), id.get(), form.raw("note"))) {
            case ResolveException.Outcome.Done done -> request.redirect("/exceptions/" + id.get(), "exception-resolved");
            case ResolveException.Outcome.NoteRefused refused -> {
                request.releaseSubmission(form);
                form.reject("note", "exceptions.problem." + refused.problem());
                show(request, 422, form);
            }
            case ResolveException.Outcome.AlreadyResolved already -> request.redirect("/exceptions/" + id.get(), "exception-already-resolved");
            case ResolveException.Outcome.NotFound none -> request.refuse(404, "exceptions.not-found");
        }
    }

    private static Optional<Long> id(PageRequest request) {
        try {
            return Optional.of(Long.parseLong(request.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Row row(PageRequest request, ExceptionRecords.Recorded recorded) {
        SyncException e = recorded.exception();
        Formats formats = request.formatsOf(e.storeId());
        String subject = e.memberId() != null ? e.memberId() : e.sku() != null ? e.sku() : text(e.eventId());
        return new Row(recorded.id(), request.text("exception.kind." + e.kind().name()), text(e.storeId()), text(e.tillId()), subject,
                detail(request, formats, e), formats.dateTime(e.detectedAt()), recorded.isOpen(), text(recorded.resolvedBy()),
                formats.dateTime(recorded.resolved()), text(recorded.note()));
    }

    /**
     * What went wrong, in the page's language from the exception's own figures where it has them (a balance, a
     * quantity); the server's technical wording otherwise (why an event was quarantined, a clock's offset).
     */
    static String detail(PageRequest request, Formats formats, SyncException e) {
        return switch (e.kind()) {
            case POINTS_OVERDRAFT -> e.balance() == null ? text(e.detail())
                    : request.text("exception.detail.POINTS_OVERDRAFT", formats.number(e.balance()));
            case STORED_VALUE_OVERDRAFT -> e.balance() == null ? text(e.detail())
                    : request.text("exception.detail.STORED_VALUE_OVERDRAFT", formats.money(Money.cny(e.balance())));
            case NEGATIVE_STOCK -> e.qtyMilli() == null ? text(e.detail())
                    : request.text("exception.detail.NEGATIVE_STOCK",
                            java.math.BigDecimal.valueOf(e.qtyMilli(), 3).stripTrailingZeros().toPlainString());
            case CHAIN_BROKEN -> ChainBreakText.of(request, e.detail());
            default -> text(e.detail()); // quarantined or unknown events, clocks off, sealing: the server's wording
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
