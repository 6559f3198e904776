package io.chainpos.server.catalog;

import io.chainpos.model.money.Money;
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
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /catalog}: head office's products found by barcode, SKU or name (paged by key, sorted, exported), a product
 * created or edited, its price changed from a time, and products imported from CSV with the refused rows listed.
 * Every form carries a one-time token (sent twice, it publishes once) and an edit carries the product's revision
 * (the second of two editors is told, their values kept).
 */
public final class CatalogPages implements PageFeature {
    private static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;
    /** The fields of the edit form, each also sent as it was when the form was opened ({@code orig_<field>}). */
    public static final List<String> EDITED = List.of("barcodes", "name_zh", "name_en", "category", "unit", "price", "member_price",
            "tax_rate", "active");

    private final Catalog catalog;
    private final CatalogEditor editor;
    private final Clock clock;

    public CatalogPages(Catalog catalog, CatalogEditor editor, Clock clock) {
        this.catalog = catalog;
        this.editor = editor;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "catalog/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_CATALOG);
        PageAccess publish = PageAccess.chain(Permission.PUBLISH_CATALOG);
        pages.nav(new NavItem("nav.catalog", "/catalog", read, 30));
        pages.get("/catalog", read, this::list);
        pages.get("/catalog.csv", read, this::csv);
        pages.get("/catalog/new", publish, request -> newProduct(request, 200, new Form(Map.of("unit", "piece", "tax_rate", "13"))));
        pages.post("/catalog", publish, this::create);
        pages.get("/catalog/import", publish, request -> request.render("catalog/import.jte", "catalog.import.title",
                new ImportView(null, null, ProductRules.COLUMNS)));
        pages.post("/catalog/import", publish, this::importCsv);
        pages.get("/catalog/{sku}", read, request -> show(request, 200, null, null, null));
        pages.post("/catalog/{sku}", publish, this::edit);
        pages.post("/catalog/{sku}/price", publish, this::changePrice);
    }

    /** A product as the pages show it. */
    public record Row(String sku, String nameZh, String nameEn, String category, String unit, String price, String memberPrice,
                      String priceFrom, boolean priceLater, String barcodes, boolean active, String tax) {
    }

    public record ListView(List<Row> rows, ListLinks links) {
    }

    public record NewView(Form form) {
    }

    /** A product's page: its facts, the edit form, the price form, its price changes; {@code stale} after a lost race. */
    public record ShowView(Row product, long revision, Form form, Form original, Form priceForm, boolean stale,
                           List<ChangeRow> changes) {
        /** What the edit form sends back as it was when opened, to tell the changed values from the others. */
        public Map<String, String> originals() {
            Map<String, String> values = new LinkedHashMap<>();
            EDITED.forEach(field -> values.put("orig_" + field, original.value(field)));
            return values;
        }
    }

    public record ChangeRow(long version, String from, String price, String memberPrice) {
    }

    /** The import page: the file's problem, or the report of what was done. */
    public record ImportView(String fileProblem, ReportView report, List<String> columns) {
    }

    public record ReportView(int imported, List<RejectedRow> rejected) {
    }

    public record RejectedRow(long line, String sku, String reasons) {
    }

    private void list(PageRequest request) {
        ListRequest list = request.list(Catalog.LIST);
        Slice<Product> slice = catalog.list(list);
        request.render("catalog/list.jte", "catalog.title",
                new ListView(slice.rows().stream().map(p -> row(request, p)).toList(), request.links(list, slice)));
    }

    private void csv(PageRequest request) {
        ListRequest list = request.list(Catalog.LIST);
        request.csv("catalog.csv", ProductRules.COLUMNS, out -> Slice.forEachRow(list, catalog::list, p -> out.accept(List.of(
                p.sku(), String.join("|", p.barcodes()), p.nameZh(), p.nameEn(), p.category(),
                p.unit().name().toLowerCase(java.util.Locale.ROOT), yuan(p.price()), p.memberPrice() == null ? "" : yuan(p.memberPrice()),
                percent(p.taxRateBasisPoints())))));
    }

    private void newProduct(PageRequest request, int status, Form form) {
        request.render(status, "catalog/new.jte", "catalog.new.title", new NewView(form));
    }

    private void create(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/catalog", "already-sent");
            return;
        }
        switch (editor.create(request.viewer().username(), values(form))) {
            case CatalogEditor.Outcome.Done done -> request.redirect("/catalog/" + done.sku(), "product-created");
            case CatalogEditor.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                reject(form, refused.problems());
                newProduct(request, 422, form);
            }
            case CatalogEditor.Outcome.Stale stale -> throw new IllegalStateException("a new product cannot be stale");
            case CatalogEditor.Outcome.NoSuchProduct none -> throw new IllegalStateException("a new product always exists");
        }
    }

    private void show(PageRequest request, int status, Form form, Form priceForm, Product stale) {
        Optional<Product> found = stale != null ? Optional.of(stale) : catalog.find(request.pathParam("sku"));
        if (found.isEmpty()) {
            request.refuse(404, "catalog.not-found");
            return;
        }
        Product product = found.get();
        List<ChangeRow> changes = catalog.priceChanges(product.sku()).stream().map(c -> new ChangeRow(c.listVersion(),
                request.formats().dateTime(c.effectiveFrom()), money(request, c.price()),
                c.memberPrice() == null ? "" : money(request, c.memberPrice()))).toList();
        // After a refusal the form still started from what it was opened with; otherwise from the product as it is now.
        Form original = form != null && stale == null ? originalOf(form) : formOf(product);
        request.render(status, "catalog/show.jte", "catalog.product.title", new ShowView(row(request, product), product.revision(),
                form != null ? form : formOf(product), original, priceForm != null ? priceForm : Form.empty(), stale != null, changes));
    }

    private void edit(PageRequest request) {
        Form form = request.form();
        String sku = request.pathParam("sku");
        if (!request.firstSubmission(form)) {
            request.redirect("/catalog/" + sku, "already-sent");
            return;
        }
        switch (editor.edit(request.viewer().username(), sku, revision(form), values(form), !form.value("active").isEmpty())) {
            case CatalogEditor.Outcome.Done done -> request.redirect("/catalog/" + sku, "product-saved");
            case CatalogEditor.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                reject(form, refused.problems());
                show(request, 422, form, null, null);
            }
            case CatalogEditor.Outcome.Stale stale -> {
                request.releaseSubmission(form);
                show(request, 409, merged(form, formOf(stale.current())), null, stale.current());
            }
            case CatalogEditor.Outcome.NoSuchProduct none -> request.refuse(404, "catalog.not-found");
        }
    }

    /**
     * The form to show after someone else saved first: each value this editor left as it was takes the other's, each
     * value this editor changed stays theirs; where both changed it, the other's value is named beside the field.
     */
    static Form merged(Form mine, Form theirs) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> conflicts = new java.util.ArrayList<>();
        for (String field : EDITED) {
            String own = mine.value(field);
            String before = mine.value("orig_" + field);
            String other = theirs.value(field);
            values.put(field, own.equals(before) ? other : own);
            if (!own.equals(before) && !other.equals(before) && !other.equals(own)) {
                conflicts.add(field);
            }
        }
        Form merged = new Form(values);
        conflicts.forEach(field -> merged.reject(field, "catalog.problem.changed-meanwhile", theirs.value(field)));
        return merged;
    }

    private void changePrice(PageRequest request) {
        Form form = request.form();
        String sku = request.pathParam("sku");
        if (!request.firstSubmission(form)) {
            request.redirect("/catalog/" + sku, "already-sent");
            return;
        }
        switch (editor.changePrice(request.viewer().username(), sku, revision(form), form.value("new_price"),
                form.value("new_member_price"), form.value("effective_at"), Formats.DEFAULT_ZONE)) {
            case CatalogEditor.Outcome.Done done -> request.redirect("/catalog/" + sku, "price-changed");
            case CatalogEditor.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                reject(form, refused.problems());
                show(request, 422, null, form, null);
            }
            case CatalogEditor.Outcome.Stale stale -> {
                request.releaseSubmission(form);
                show(request, 409, null, form, stale.current());
            }
            case CatalogEditor.Outcome.NoSuchProduct none -> request.refuse(404, "catalog.not-found");
        }
    }

    private void importCsv(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/catalog", "already-sent");
            return;
        }
        String problem = null;
        ReportView report = null;
        switch (request.upload("file", MAX_IMPORT_BYTES)) {
            case PageRequest.Upload.None none -> problem = request.text("catalog.problem.no-file");
            case PageRequest.Upload.TooBig big -> problem = request.text("catalog.problem.too-big", big.maxBytes() / 1024 / 1024);
            case PageRequest.Upload.Text file -> {
                switch (CatalogImport.parse(new StringReader(file.text()))) {
                    case CatalogImport.Parsed.Unreadable unreadable -> problem = words(request, unreadable.problem());
                    case CatalogImport.Parsed.Rows rows -> {
                        CatalogImport.Report done = editor.importProducts(request.viewer().username(), rows.rows());
                        report = new ReportView(done.imported(), done.rejected().stream().map(r -> new RejectedRow(r.line(), r.sku(),
                                String.join("; ", r.problems().stream().map(p -> request.text("catalog.field." + p.field()) + ": "
                                        + words(request, p)).toList()))).toList());
                    }
                }
            }
        }
        if (problem != null) {
            request.releaseSubmission(form);
        }
        request.render(problem != null ? 422 : 200, "catalog/import.jte", "catalog.import.title",
                new ImportView(problem, report, ProductRules.COLUMNS));
    }

    private static String words(PageRequest request, Problem problem) {
        return request.text("catalog.problem." + problem.code(), problem.args());
    }

    private static void reject(Form form, List<Problem> problems) {
        problems.forEach(p -> form.reject(p.field(), "catalog.problem." + p.code(), p.args()));
    }

    private static Form originalOf(Form sent) {
        Map<String, String> values = new LinkedHashMap<>();
        EDITED.forEach(field -> values.put(field, sent.value("orig_" + field)));
        return new Form(values);
    }

    private static long revision(Form form) {
        try {
            return Long.parseLong(form.value("revision"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> values(Form form) {
        Map<String, String> values = new LinkedHashMap<>();
        ProductRules.COLUMNS.forEach(column -> values.put(column, form.value(column)));
        return values;
    }

    private static Form formOf(Product p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sku", p.sku());
        values.put("barcodes", String.join(" ", p.barcodes()));
        values.put("name_zh", p.nameZh());
        values.put("name_en", p.nameEn());
        values.put("category", p.category());
        values.put("unit", p.unit().name().toLowerCase(java.util.Locale.ROOT));
        values.put("price", yuan(p.itemPrice()));
        values.put("member_price", p.itemMemberPrice() == null ? "" : yuan(p.itemMemberPrice()));
        values.put("tax_rate", percent(p.taxRateBasisPoints()));
        if (p.active()) {
            values.put("active", "on");
        }
        return new Form(values);
    }

    private Row row(PageRequest request, Product p) {
        return new Row(p.sku(), p.nameZh(), p.nameEn(), p.category(), request.text("catalog.unit." + p.unit().name().toLowerCase(java.util.Locale.ROOT)),
                money(request, p.price()), p.memberPrice() == null ? "" : money(request, p.memberPrice()),
                request.formats().dateTime(p.priceFrom()), p.priceFrom().isAfter(clock.instant()), String.join(" ", p.barcodes()),
                p.active(), percent(p.taxRateBasisPoints()) + "%");
    }

    private static String money(PageRequest request, long fen) {
        return request.formats().money(Money.cny(fen));
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }
}
