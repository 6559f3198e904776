package io.chainpos.server.catalog;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.PriceListPublished;
import io.chainpos.model.id.Sku;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.headoffice.HeadOffice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Head office's changes to its catalog, each published as the events the tills already apply: a product created
 * or edited is a {@code CatalogItemUpserted} (its next version, in effect at once), a price change a
 * {@code PriceListPublished} (the next price-list version, from the time given). Nothing is published while any
 * value is wrong. An edit names the revision it started from; if the product changed meanwhile nothing is
 * published and the editor is shown the product as it now is, with their own values kept.
 */
public final class CatalogEditor {
    /** Price changes may be set a little in the past: the form was opened a minute ago. */
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final Catalog catalog;
    private final HeadOffice headOffice;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogEditor(Catalog catalog, HeadOffice headOffice, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.headOffice = headOffice;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an edit did. */
    public sealed interface Outcome {
        record Done(String sku) implements Outcome {
        }

        record Refused(List<Problem> problems) implements Outcome {
        }

        /** Someone else changed the product since the form was opened: nothing was published. */
        record Stale(Product current) implements Outcome {
        }

        record NoSuchProduct() implements Outcome {
        }
    }

    public Outcome create(String actor, Map<String, String> values) {
        ProductRules.Read read = ProductRules.read(values, true);
        if (!(read instanceof ProductRules.Read.Good(ProductDraft draft))) {
            return new Outcome.Refused(((ProductRules.Read.Wrong) read).problems());
        }
        List<Problem> problems = barcodesTaken(draft);
        if (catalog.find(draft.sku()).isPresent()) {
            problems.addFirst(new Problem("sku", "sku-taken", draft.sku()));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        Instant now = now();
        int published = headOffice.publishDecided(() -> catalog.find(draft.sku()).isPresent()
                ? List.of() : List.of(draft.event(1, now)));
        if (published == 0) {
            return new Outcome.Refused(List.of(new Problem("sku", "sku-taken", draft.sku())));
        }
        audit.record(actor, "catalog.product-created", draft.sku(), null, draft.nameZh());
        return new Outcome.Done(draft.sku());
    }

    public Outcome edit(String actor, String sku, long revision, Map<String, String> values, boolean active) {
        if (catalog.find(sku).isEmpty()) {
            return new Outcome.NoSuchProduct();
        }
        Map<String, String> withSku = new HashMap<>(values);
        withSku.put("sku", sku);
        ProductRules.Read read = ProductRules.read(withSku, active);
        if (!(read instanceof ProductRules.Read.Good(ProductDraft draft))) {
            return new Outcome.Refused(((ProductRules.Read.Wrong) read).problems());
        }
        List<Problem> problems = barcodesTaken(draft);
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        Instant now = now();
        int published = headOffice.publishDecided(() -> catalog.find(sku)
                .filter(current -> current.revision() == revision)
                .<List<? extends Event>>map(current -> List.of(draft.event(current.version() + 1, now)))
                .orElse(List.of()));
        if (published == 0) {
            return new Outcome.Stale(catalog.find(sku).orElseThrow());
        }
        audit.record(actor, "catalog.product-edited", sku, null, draft.nameZh());
        return new Outcome.Done(sku);
    }

    /**
     * A new price (and member price, empty for none) for {@code sku} from {@code effectiveAt} (a local date and time
     * in {@code zone}, as a browser's {@code datetime-local} sends it; empty: now).
     */
    public Outcome changePrice(String actor, String sku, long revision, String priceText, String memberText, String effectiveAt,
                               ZoneId zone) {
        Optional<Product> product = catalog.find(sku);
        if (product.isEmpty()) {
            return new Outcome.NoSuchProduct();
        }
        List<Problem> problems = new ArrayList<>();
        Long price = priceText.isBlank() ? null : ProductRules.yuan(priceText);
        if (price == null) {
            problems.add(priceText.isBlank() ? new Problem("new_price", "required") : new Problem("new_price", "amount", priceText));
        }
        Long member = memberText.isBlank() ? null : ProductRules.yuan(memberText);
        if (!memberText.isBlank() && member == null) {
            problems.add(new Problem("new_member_price", "amount", memberText));
        } else if (member != null && price != null && member > price) {
            problems.add(new Problem("new_member_price", "member-above-price"));
        }
        Instant now = now();
        Instant from = now;
        if (!effectiveAt.isBlank()) {
            try {
                from = LocalDateTime.parse(effectiveAt.strip()).atZone(zone).toInstant();
                if (from.isBefore(now.minus(GRACE))) {
                    problems.add(new Problem("effective_at", "in-past"));
                } else if (from.isBefore(now)) {
                    from = now;
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem("effective_at", "date-time", effectiveAt));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        Instant effective = from;
        PriceListPublished.Entry entry = new PriceListPublished.Entry(Sku.of(sku), price, member);
        int published = headOffice.publishDecided(() -> catalog.find(sku)
                .filter(current -> current.revision() == revision)
                .<List<? extends Event>>map(current -> List.of(new PriceListPublished(catalog.lastPriceListVersion() + 1, effective,
                        List.of(entry))))
                .orElse(List.of()));
        if (published == 0) {
            return new Outcome.Stale(catalog.find(sku).orElseThrow());
        }
        audit.record(actor, "catalog.price-changed", sku, null, priceText.strip() + (member == null ? "" : " / " + memberText.strip())
                + " @ " + effective);
        return new Outcome.Done(sku);
    }

    /** Good rows published together (each as its product's next version); every other row reported with why. */
    public CatalogImport.Report importProducts(String actor, List<CatalogImport.Row> rows) {
        List<CatalogImport.Rejected> rejected = new ArrayList<>();
        List<ProductDraft> good = new ArrayList<>();
        Map<String, Long> skusInFile = new HashMap<>();
        Map<String, String> barcodesInFile = new HashMap<>();
        for (CatalogImport.Row row : rows) {
            List<Problem> problems = new ArrayList<>();
            ProductRules.Read read = ProductRules.read(row.values(), true);
            if (read instanceof ProductRules.Read.Wrong(List<Problem> wrong)) {
                problems.addAll(wrong);
            } else if (read instanceof ProductRules.Read.Good(ProductDraft draft)) {
                Long earlier = skusInFile.putIfAbsent(draft.sku(), row.line());
                if (earlier != null) {
                    problems.add(new Problem("sku", "sku-twice", draft.sku(), earlier));
                }
                problems.addAll(barcodesTaken(draft));
                for (String barcode : draft.barcodes()) {
                    String other = barcodesInFile.putIfAbsent(barcode, draft.sku());
                    if (other != null && !other.equals(draft.sku())) {
                        problems.add(new Problem("barcodes", "barcode-taken", barcode, other));
                    }
                }
                if (problems.isEmpty()) {
                    good.add(draft);
                }
            }
            if (!problems.isEmpty()) {
                rejected.add(new CatalogImport.Rejected(row.line(), row.values().getOrDefault("sku", ""), problems));
            }
        }
        Instant now = now();
        int published = good.isEmpty() ? 0 : headOffice.publishDecided(() -> good.stream()
                .map(draft -> draft.event(catalog.find(draft.sku()).map(p -> p.version() + 1).orElse(1L), now)).toList());
        if (published > 0) {
            audit.record(actor, "catalog.imported", published + " products", null,
                    published + " imported, " + rejected.size() + " rejected");
        }
        return new CatalogImport.Report(published, rejected);
    }

    private List<Problem> barcodesTaken(ProductDraft draft) {
        List<Problem> problems = new ArrayList<>();
        for (String barcode : draft.barcodes()) {
            catalog.skuOfBarcode(barcode).filter(other -> !other.equals(draft.sku()))
                    .ifPresent(other -> problems.add(new Problem("barcodes", "barcode-taken", barcode, other)));
        }
        return problems;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
