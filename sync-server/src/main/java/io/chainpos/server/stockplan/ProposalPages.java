package io.chainpos.server.stockplan;

import io.chainpos.server.stock.StockPlanBook;

import io.chainpos.server.web.Form;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * {@code /stock/proposals}: transfers head office could propose (a store below its minimum, one with plenty), a
 * form to propose one, and every proposal with where it stands: proposed, shipped, received or cancelled.
 */
public final class ProposalPages implements PageFeature {
    static final int ROWS = 200;

    private final StockPlanBook book;
    private final StockPlanning planning;
    private final Predicate<String> knownStore;
    private final Predicate<String> knownSku;

    public ProposalPages(StockPlanBook book, StockPlanning planning, Predicate<String> knownStore, Predicate<String> knownSku) {
        this.book = book;
        this.planning = planning;
        this.knownStore = knownStore;
        this.knownSku = knownSku;
    }

    @Override
    public void addTo(Pages pages) {
        pages.get("/stock/proposals", PageAccess.chain(Permission.VIEW_STOCK), request -> show(request, 200, Form.empty()));
        pages.post("/stock/proposals", PageAccess.chain(Permission.PLAN_STOCK), this::propose);
    }

    public record ProposalsView(Form form, List<CandidateRow> candidates, List<ProposalRow> proposals) {
    }

    public record CandidateRow(String sku, String from, String fromOnHand, String fromCover, String to, String toOnHand,
                               String toMinimum, String qty) {
        public String id() {
            return from + "-" + to + "-" + sku;
        }
    }

    public record ProposalRow(String proposalNo, String from, String to, String status, String proposedBy, String proposedAt,
                              String note, List<String> lines) {
    }

    private void show(PageRequest request, int status, Form form) {
        List<CandidateRow> candidates = planning.candidates(ReorderRules.DEFAULT_LOOKBACK, ROWS).stream()
                .map(c -> new CandidateRow(c.sku(), c.fromStore(), Quantities.qty(c.fromOnHandMilli()), Quantities.days(c.fromCover()),
                        c.toStore(), Quantities.qty(c.toOnHandMilli()), Quantities.qty(c.toMinimumMilli()), Quantities.qty(c.qtyMilli())))
                .toList();
        List<ProposalRow> proposals = book.proposals(Optional.empty(), ROWS).stream()
                .map(p -> new ProposalRow(p.proposalNo(), p.fromStore(), p.toStore(), p.status(), p.proposedBy() == null ? "" : p.proposedBy(),
                        p.proposedAt(), p.note() == null ? "" : p.note(),
                        p.lines().stream().map(l -> l.sku() + " × " + Quantities.qty(l.qtyMilli())).toList()))
                .toList();
        request.render(status, "stockplan/proposals.jte", "plan.proposals-title", new ProposalsView(form, candidates, proposals));
    }

    private void propose(PageRequest request) {
        Form form = request.form();
        String from = form.value("from");
        String to = form.value("to");
        String sku = form.value("sku");
        check(form, "from", from, knownStore, "plan.error.store-missing", "plan.error.store-unknown");
        check(form, "to", to, knownStore, "plan.error.store-missing", "plan.error.store-unknown");
        if (!form.hasError("to") && !to.isEmpty() && to.equals(from)) {
            form.reject("to", "plan.error.same-store");
        }
        check(form, "sku", sku, knownSku, "plan.error.sku-missing", "plan.error.sku-unknown");
        OptionalLong qty = form.value("qty").isEmpty() ? OptionalLong.empty() : Quantities.quantity(form, "qty", form.value("qty"));
        if (!form.hasError("qty") && (qty.isEmpty() || qty.getAsLong() == 0)) {
            form.reject("qty", "plan.error.positive");
        }
        if (form.value("note").length() > 200) {
            form.reject("note", "plan.error.note-long", 200);
        }
        if (form.hasErrors()) {
            show(request, 422, form);
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/stock/proposals", "already-sent");
            return;
        }
        planning.propose(request.viewer().username(), from, to, sku, qty.getAsLong(), form.value("note"));
        request.redirect("/stock/proposals", "transfer-proposed");
    }

    private static void check(Form form, String field, String value, Predicate<String> known, String missing, String unknown) {
        if (value.isEmpty()) {
            form.reject(field, missing);
            return;
        }
        boolean ok;
        try {
            ok = known.test(value);
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            form.reject(field, unknown, value);
        }
    }

}
