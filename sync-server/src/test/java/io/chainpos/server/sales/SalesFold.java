package io.chainpos.server.sales;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sales facts stated independently of the server: every sale and refund, in the order the log stored them,
 * turned into one plain row per document, line, tender and promotion, then filtered and summed in memory.
 */
final class SalesFold {
    record Doc(String store, LocalDate day, int hour, boolean member, long baskets, long itemsMilli, long gross, long discount,
               long sold, long refunds, long refunded) {
    }

    record Line(String store, LocalDate day, String sku, String category, long qty, long gross, long discount, long sold,
                long refundQty, long refunded) {
    }

    record Paid(String store, LocalDate day, String method, long paidCount, long paid, long refundCount, long refunded) {
    }

    record Promo(String store, LocalDate day, String code, String name, long amount) {
    }

    final List<Doc> docs = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<Paid> paid = new ArrayList<>();
    final List<Promo> promos = new ArrayList<>();
    private final Map<String, CatalogItemUpserted> catalog = new HashMap<>();
    private final Map<String, SaleCompleted> salesSeen = new HashMap<>();
    private final Map<String, Long> refundedOf = new HashMap<>();

    void apply(EventEnvelope event) {
        switch (event.payload()) {
            case CatalogItemUpserted item -> {
                CatalogItemUpserted known = catalog.get(item.sku().value());
                if (known == null || known.version() <= item.version()) {
                    catalog.put(item.sku().value(), item);
                }
            }
            case SaleCompleted sale -> sale(event, sale);
            case SaleRefunded refund -> refund(event, refund);
            default -> {
            }
        }
    }

    private void sale(EventEnvelope event, SaleCompleted sale) {
        String store = event.storeId().value();
        ZonedDateTime at = event.occurredAt().atZone(SalesScenario.zoneOf(store));
        LocalDate day = at.toLocalDate();
        salesSeen.put(sale.saleId().toString(), sale);
        long items = 0;
        for (SaleLine line : sale.lines()) {
            items += line.qtyMilli();
            lines.add(new Line(store, day, line.sku().value(), category(line.sku().value()), line.qtyMilli(),
                    line.unitPrice() * line.qtyMilli() / 1000, line.discount(), line.total(), 0, 0));
            for (AppliedPromotion p : line.promotions()) {
                promos.add(new Promo(store, day, p.code(), p.name(), p.amount()));
            }
        }
        for (AppliedPromotion p : sale.promotionsApplied()) {
            promos.add(new Promo(store, day, p.code(), p.name(), p.amount()));
        }
        docs.add(new Doc(store, day, at.getHour(), sale.memberId() != null, 1, items, sale.subtotal(), sale.discountTotal(),
                sale.total(), 0, 0));
        for (Tender t : sale.tenders()) {
            // The scenario pays with at most one cash tender; the change comes off it.
            long kept = t.method() == TenderMethod.CASH ? t.amount() - sale.change() : t.amount();
            paid.add(new Paid(store, day, t.method().name(), 1, kept, 0, 0));
        }
    }

    private void refund(EventEnvelope event, SaleRefunded refund) {
        String store = event.storeId().value();
        ZonedDateTime at = event.occurredAt().atZone(SalesScenario.zoneOf(store));
        LocalDate day = at.toLocalDate();
        SaleCompleted sale = refund.originalSaleId() == null ? null : salesSeen.get(refund.originalSaleId().toString());
        if (refund.originalSaleId() != null) {
            refundedOf.merge(refund.originalSaleId().toString(), refund.total(), Long::sum);
        }
        for (RefundLine line : refund.lines()) {
            lines.add(new Line(store, day, line.sku().value(), category(line.sku().value()), 0, 0, 0, 0, line.qtyMilli(), line.amount()));
        }
        docs.add(new Doc(store, day, at.getHour(), sale != null && sale.memberId() != null, 0, 0, 0, 0, 0, 1, refund.total()));
        for (Tender t : refund.tenders()) {
            paid.add(new Paid(store, day, t.method().name(), 0, 0, 1, t.amount()));
        }
    }

    private String category(String sku) {
        CatalogItemUpserted item = catalog.get(sku);
        return item == null ? "" : item.category();
    }

    long refundedOf(String saleId) {
        return refundedOf.getOrDefault(saleId, 0L);
    }

    // --- the reports' expected figures ---

    static <T> Predicate<T> in(SalesFacts.Filter filter, Function<T, String> store, Function<T, LocalDate> day) {
        return row -> filter.store().map(s -> s.equals(store.apply(row))).orElse(true)
                && !day.apply(row).isBefore(filter.from()) && !day.apply(row).isAfter(filter.to());
    }

    private static SalesFacts.Totals totals(List<Doc> docs) {
        return new SalesFacts.Totals(docs.stream().mapToLong(Doc::baskets).sum(), docs.stream().mapToLong(Doc::itemsMilli).sum(),
                docs.stream().mapToLong(Doc::gross).sum(), docs.stream().mapToLong(Doc::discount).sum(),
                docs.stream().mapToLong(Doc::sold).sum(), docs.stream().mapToLong(Doc::refunds).sum(),
                docs.stream().mapToLong(Doc::refunded).sum());
    }

    SalesFacts.Summary summary(SalesFacts.Filter filter) {
        List<Doc> in = docs.stream().filter(in(filter, Doc::store, Doc::day)).toList();
        return new SalesFacts.Summary(totals(in), totals(in.stream().filter(Doc::member).toList()));
    }

    List<SalesFacts.StoreDay> byStoreAndDay(SalesFacts.Filter filter) {
        Map<String, Map<LocalDate, List<Doc>>> grouped = docs.stream().filter(in(filter, Doc::store, Doc::day))
                .collect(Collectors.groupingBy(Doc::store, TreeMap::new, Collectors.groupingBy(Doc::day, TreeMap::new, Collectors.toList())));
        List<SalesFacts.StoreDay> rows = new ArrayList<>();
        grouped.forEach((store, days) -> days.forEach((day, list) -> rows.add(new SalesFacts.StoreDay(store, day, totals(list)))));
        return rows;
    }

    List<SalesFacts.HourCell> byHour(SalesFacts.Filter filter) {
        Map<LocalDate, Map<Integer, List<Doc>>> grouped = docs.stream().filter(in(filter, Doc::store, Doc::day))
                .collect(Collectors.groupingBy(Doc::day, TreeMap::new, Collectors.groupingBy(Doc::hour, TreeMap::new, Collectors.toList())));
        List<SalesFacts.HourCell> cells = new ArrayList<>();
        grouped.forEach((day, hours) -> hours.forEach((hour, list) -> cells.add(new SalesFacts.HourCell(day, hour,
                list.stream().mapToLong(Doc::baskets).sum(), list.stream().mapToLong(d -> d.sold() - d.refunded()).sum()))));
        return cells;
    }

    /** Per SKU: names of the newest catalog version, the greatest category it was sold or refunded under, and the sums. */
    List<SalesFacts.Item> items(SalesFacts.Filter filter) {
        Map<String, List<Line>> grouped = lines.stream().filter(in(filter, Line::store, Line::day))
                .collect(Collectors.groupingBy(Line::sku, TreeMap::new, Collectors.toList()));
        List<SalesFacts.Item> items = new ArrayList<>();
        grouped.forEach((sku, list) -> items.add(item(sku, list.stream().map(Line::category).max(Comparator.naturalOrder()).orElseThrow(),
                list)));
        return items;
    }

    List<SalesFacts.Item> best(SalesFacts.Filter filter, int limit) {
        return items(filter).stream().sorted(Comparator.comparingLong(SalesFacts.Item::net).reversed().thenComparing(SalesFacts.Item::sku))
                .limit(limit).toList();
    }

    List<SalesFacts.Item> slowest(SalesFacts.Filter filter, int limit) {
        Map<String, List<Line>> grouped = lines.stream().filter(in(filter, Line::store, Line::day))
                .collect(Collectors.groupingBy(Line::sku));
        return catalog.keySet().stream().map(sku -> item(sku, catalog.get(sku).category(), grouped.getOrDefault(sku, List.of())))
                .sorted(Comparator.comparingLong(SalesFacts.Item::netQtyMilli).thenComparingLong(SalesFacts.Item::net)
                        .thenComparing(SalesFacts.Item::sku))
                .limit(limit).toList();
    }

    private SalesFacts.Item item(String sku, String category, List<Line> list) {
        CatalogItemUpserted described = catalog.get(sku);
        return new SalesFacts.Item(sku, described == null ? "" : described.nameZh(), described == null ? "" : described.nameEn(),
                category, list.stream().mapToLong(Line::qty).sum(), list.stream().mapToLong(Line::gross).sum(),
                list.stream().mapToLong(Line::discount).sum(), list.stream().mapToLong(Line::sold).sum(),
                list.stream().mapToLong(Line::refundQty).sum(), list.stream().mapToLong(Line::refunded).sum());
    }

    List<SalesFacts.Category> categories(SalesFacts.Filter filter) {
        Map<String, List<Line>> grouped = lines.stream().filter(in(filter, Line::store, Line::day))
                .collect(Collectors.groupingBy(Line::category, TreeMap::new, Collectors.toList()));
        List<SalesFacts.Category> rows = new ArrayList<>();
        grouped.forEach((category, list) -> rows.add(new SalesFacts.Category(category,
                list.stream().mapToLong(l -> l.qty() - l.refundQty()).sum(), list.stream().mapToLong(Line::sold).sum(),
                list.stream().mapToLong(Line::refunded).sum())));
        return rows;
    }

    List<SalesFacts.TenderMix> tenders(SalesFacts.Filter filter) {
        Map<String, List<Paid>> grouped = paid.stream().filter(in(filter, Paid::store, Paid::day))
                .collect(Collectors.groupingBy(Paid::method, TreeMap::new, Collectors.toList()));
        List<SalesFacts.TenderMix> rows = new ArrayList<>();
        grouped.forEach((method, list) -> rows.add(new SalesFacts.TenderMix(method, list.stream().mapToLong(Paid::paidCount).sum(),
                list.stream().mapToLong(Paid::paid).sum(), list.stream().mapToLong(Paid::refundCount).sum(),
                list.stream().mapToLong(Paid::refunded).sum())));
        return rows;
    }

    List<SalesFacts.PromotionCost> promotions(SalesFacts.Filter filter) {
        Map<String, List<Promo>> grouped = promos.stream().filter(in(filter, Promo::store, Promo::day))
                .collect(Collectors.groupingBy(Promo::code, TreeMap::new, Collectors.toList()));
        List<SalesFacts.PromotionCost> rows = new ArrayList<>();
        grouped.forEach((code, list) -> rows.add(new SalesFacts.PromotionCost(code,
                list.stream().map(Promo::name).max(Comparator.naturalOrder()).orElseThrow(), list.size(),
                list.stream().mapToLong(Promo::amount).sum())));
        return rows;
    }
}
