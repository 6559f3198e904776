package io.chainpos.server.care;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.model.member.MemberKey;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feedback and complaints (客户反馈): {@code /care}, the chain's, filtered by store, category and status, with how long
 * each has been open; {@code /stores/{store}/care}, one store's, for its manager too; a feedback's page
 * ({@code /stores/{store}/care/{id}}), where its status, handler and a note are changed; and recording one taken by
 * phone or at the desk ({@code /care/new}, {@code /stores/{store}/care/new}). Times are the store's.
 */
public final class CarePages implements PageFeature {
    private static final int EXCERPT = 60;

    private final CareBook book;
    private final Complaints complaints;
    private final Clock clock;

    public CarePages(CareBook book, Complaints complaints, Clock clock) {
        this.book = book;
        this.complaints = complaints;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "care/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_CARE);
        PageAccess store = PageAccess.store(Permission.VIEW_CARE);
        PageAccess chainHandles = PageAccess.chain(Permission.HANDLE_CARE);
        PageAccess storeHandles = PageAccess.store(Permission.HANDLE_CARE);
        pages.nav(new NavItem("nav.care", "/care", chain, 46));
        pages.nav(new NavItem("nav.store-care", "/stores/{store}/care", store, 36));
        pages.get("/care", chain, request -> list(request, Optional.empty()));
        pages.get("/stores/{store}/care", store, request -> list(request, Optional.of(request.pathParam("store"))));
        pages.get("/care/new", chainHandles, request -> newForm(request, null, 200, Form.empty()));
        pages.post("/care", chainHandles, request -> record(request, null));
        pages.get("/stores/{store}/care/new", storeHandles, request -> newForm(request, request.pathParam("store"), 200, Form.empty()));
        pages.post("/stores/{store}/care", storeHandles, request -> record(request, request.pathParam("store")));
        pages.get("/stores/{store}/care/{id}", store, request -> show(request, 200, Form.empty()));
        pages.post("/stores/{store}/care/{id}", storeHandles, this::update);
    }

    /** The list page: its store (null: the chain's), the filters (with any wrong value named), the rows and links. */
    public record ListView(String store, Form filters, List<String> categories, List<String> statuses, List<Row> rows,
                           ListLinks links) {
    }

    /** One feedback as a list shows it; {@code words} is the start of its text, or says it was erased. */
    public record Row(String id, String store, String member, String category, String words, String status, String handler,
                      String recorded, String age, String href) {
    }

    public record Note(String at, String by, String status, String handler, String note) {
    }

    public record ShowView(Row row, String words, String channel, String recordedBy, String memberName, List<Note> notes,
                           List<String> statuses, String currentStatus, String currentHandler, Form form) {
    }

    public record NewView(String store, Form form, List<String> categories) {
    }

    private static List<String> categories() {
        return Arrays.stream(FeedbackRecorded.Category.values()).map(Enum::name).toList();
    }

    private static List<String> statuses() {
        return Arrays.stream(FeedbackUpdated.Status.values()).map(Enum::name).toList();
    }

    private void list(PageRequest request, Optional<String> store) {
        ListRequest list = request.list(CareBook.LIST);
        Form filters = new Form(list.filters());
        Optional<CareBook.Filter> filter = filter(store, list, filters);
        Slice<CareBook.Feedback> slice = filter.map(f -> book.list(f, list)).orElse(new Slice<>(List.of(), Optional.empty()));
        Map<String, MemberKey> keys = complaints.keys(slice.rows().stream().map(CareBook.Feedback::memberId).toList());
        List<Row> rows = slice.rows().stream().map(f -> row(request, f, keys)).toList();
        request.render(filters.hasErrors() ? 422 : 200, "care/list.jte", "care.title",
                new ListView(store.orElse(null), filters, categories(), statuses(), rows, request.links(list, slice)));
    }

    private static Optional<CareBook.Filter> filter(Optional<String> pathStore, ListRequest list, Form form) {
        Optional<String> store = pathStore.or(() -> list.filter("store"));
        Optional<FeedbackRecorded.Category> category = list.filter("category").flatMap(c -> {
            Optional<FeedbackRecorded.Category> known = Complaints.category(c);
            if (known.isEmpty()) {
                form.reject("category", "care.problem.category");
            }
            return known;
        });
        String status = list.filter("status").orElse("active");
        CareBook.StatusFilter statusFilter = switch (status) {
            case "active" -> new CareBook.StatusFilter.Active();
            case "all" -> new CareBook.StatusFilter.All();
            default -> {
                try {
                    yield new CareBook.StatusFilter.Only(FeedbackUpdated.Status.valueOf(status));
                } catch (IllegalArgumentException e) {
                    form.reject("status", "care.problem.status");
                    yield new CareBook.StatusFilter.All();
                }
            }
        };
        return form.hasErrors() ? Optional.empty() : Optional.of(new CareBook.Filter(store, category, statusFilter));
    }

    private Row row(PageRequest request, CareBook.Feedback f, Map<String, MemberKey> keys) {
        Formats formats = request.formatsOf(f.storeId());
        String words = Complaints.open(f.text(), f.sealedText(), f.memberId(), keys)
                .map(w -> w.codePointCount(0, w.length()) > EXCERPT ? w.substring(0, w.offsetByCodePoints(0, EXCERPT)) + "…" : w)
                .orElseGet(() -> request.text("care.words-erased"));
        String member = f.memberId() == null ? "" : complaints.member(f.memberId()).map(m -> m.cardNo() == null ? "" : m.cardNo())
                .orElse(f.memberId());
        return new Row(f.feedbackId(), f.storeId(), member, request.text("care.category." + f.category().name()), words,
                request.text("care.status." + f.status().name()), f.handler() == null ? "" : f.handler(),
                formats.dateTime(f.recorded()), age(request, f), "/stores/" + f.storeId() + "/care/" + f.feedbackId());
    }

    /** How long it has been open: until now, or until it was resolved or closed. */
    private String age(PageRequest request, CareBook.Feedback f) {
        Instant until = f.closed() != null ? f.closed() : clock.instant();
        Duration open = Duration.between(f.recorded(), until);
        if (open.isNegative()) {
            open = Duration.ZERO;
        }
        if (open.toHours() < 1) {
            return request.text("care.age.minutes", open.toMinutes());
        }
        return request.text("care.age", open.toDays(), open.toHoursPart());
    }

    private void show(PageRequest request, int status, Form form) {
        String store = request.pathParam("store");
        Optional<CareBook.Feedback> found = book.find(request.pathParam("id")).filter(f -> f.storeId().equals(store));
        if (found.isEmpty()) {
            request.refuse(404, "care.not-found");
            return;
        }
        CareBook.Feedback f = found.get();
        Map<String, MemberKey> keys = complaints.keys(f.memberId() == null ? List.of() : List.of(f.memberId()));
        Formats formats = request.formatsOf(store);
        String words = Complaints.open(f.text(), f.sealedText(), f.memberId(), keys).orElseGet(() -> request.text("care.words-erased"));
        String memberName = f.memberId() == null ? "" : complaints.member(f.memberId())
                .map(m -> m.name() == null || m.name().isEmpty() ? request.text("care.member-erased") : m.name())
                .orElse(request.text("care.member-erased"));
        List<Note> notes = book.updates(f.feedbackId()).stream().map(u -> new Note(formats.dateTime(u.at()), u.updatedBy(),
                request.text("care.status." + u.status().name()), u.handler() == null ? "" : u.handler(),
                u.note() == null && u.sealedNote() == null ? ""
                        : Complaints.open(u.note(), u.sealedNote(), f.memberId(), keys).orElseGet(() -> request.text("care.words-erased"))))
                .toList();
        request.render(status, "care/show.jte", "care.one.title", new ShowView(row(request, f, keys), words,
                request.text("care.channel." + f.channel().name()), f.recordedBy(), memberName, notes, statuses(),
                f.status().name(), f.handler() == null ? "" : f.handler(), form));
    }

    private void update(PageRequest request) {
        String store = request.pathParam("store");
        String id = request.pathParam("id");
        Form form = request.form();
        String here = "/stores/" + store + "/care/" + id;
        if (!request.firstSubmission(form)) {
            request.redirect(here, "already-sent");
            return;
        }
        switch (complaints.update(request.viewer().username(), store, id,
                new Complaints.Change(form.raw("status"), form.raw("handler"), form.raw("note")))) {
            case Complaints.Outcome.Done done -> request.redirect(here, "care-updated");
            case Complaints.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                form.reject(refused.field(), "care.problem." + refused.problem());
                show(request, 422, form);
            }
            case Complaints.Outcome.NotFound none -> request.refuse(404, "care.not-found");
        }
    }

    private void newForm(PageRequest request, String store, int status, Form form) {
        request.render(status, "care/new.jte", "care.new.title", new NewView(store, form, categories()));
    }

    private void record(PageRequest request, String store) {
        Form form = request.form();
        String back = store == null ? "/care" : "/stores/" + store + "/care";
        if (!request.firstSubmission(form)) {
            request.redirect(back, "already-sent");
            return;
        }
        String forStore = store != null ? store : form.raw("store");
        switch (complaints.record(request.viewer().username(),
                new Complaints.NewFeedback(forStore, form.raw("category"), form.raw("text"), form.raw("memberPhone")))) {
            case Complaints.Outcome.Done done -> request.redirect("/stores/" + forStore.strip() + "/care/" + done.feedbackId(), "care-recorded");
            case Complaints.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                form.reject(refused.field(), "care.problem." + refused.problem());
                newForm(request, store, 422, form);
            }
            case Complaints.Outcome.NotFound none -> request.refuse(404, "care.not-found");
        }
    }
}
