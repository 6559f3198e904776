package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.Ports;
import io.chainpos.server.sales.SaleSeen;
import io.chainpos.server.sales.SalesSeen;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Head office's list of each store's sales and refunds against a fold over the events written here: member and
 * non-member sales at two stores, refunds of sales pushed earlier, in the same push or never seen, sales and refunds
 * carried twice (in one push and in two); every row and every store's count equals the fold's, and a rebuild gives
 * the same.
 */
abstract class SalesSeenContract extends EventStoreContract {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRowAndCountEqualsAFoldOverTheEventsAndARebuild(long seed) {
        Random random = new Random(seed);
        List<TillWriter> tills = List.of(a1, a2, b1);
        Fold fold = new Fold();
        List<SaleCompleted> sold = new ArrayList<>();
        List<Event> sentBefore = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            TillWriter till = tills.get(random.nextInt(tills.size()));
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
                int kind = random.nextInt(10);
                Event fact;
                if (kind < 6 || sold.isEmpty()) {
                    SaleCompleted sale = sale(random);
                    sold.add(sale);
                    fact = sale;
                } else if (kind < 9) {
                    fact = refund(random, sold.get(random.nextInt(sold.size())).saleId());
                } else {
                    fact = refund(random, SaleId.newId(clock)); // of a sale this server never sees
                }
                batch.add(till.next(fact));
                if (random.nextInt(8) == 0) {
                    batch.add(till.next(fact)); // the same document again, under another event
                }
                sentBefore.add(fact);
            }
            if (random.nextInt(6) == 0) {
                batch.add(till.next(sentBefore.get(random.nextInt(sentBefore.size())))); // one sent in an earlier push
            }
            push(till, batch);
            batch.forEach(fold::apply);
        }
        Map<String, Object> incremental = figures();
        assertThat(incremental).isEqualTo(fold.figures());

        log.rebuildProjections();

        assertThat(figures()).as("rebuild equals incremental").isEqualTo(incremental);
    }

    private SaleCompleted sale(Random random) {
        long total = 100 + random.nextInt(9_000);
        return new SaleCompleted(SaleId.newId(clock), ReceiptNo.of("R" + random.nextInt(1_000_000)),
                random.nextBoolean() ? Facts.member(1 + random.nextInt(5)) : null, "CNY",
                List.of(new SaleLine(Sku.of("100001"), "item", 1000, total, 0, total, List.of())), List.of(), total, 0, total,
                List.of(new Tender(random.nextBoolean() ? TenderMethod.CASH : TenderMethod.BANK_CARD, total, null)), 0, 1, "cashier");
    }

    private SaleRefunded refund(Random random, SaleId original) {
        long total = 10 + random.nextInt(90);
        return new SaleRefunded(new RefundId(java.util.UUID.randomUUID()), original, "CNY",
                List.of(new RefundLine(Sku.of("100001"), "item", 1000, total)), total, List.of(new Tender(TenderMethod.CASH, total, null)),
                null, null, "RF" + random.nextInt(1_000_000));
    }

    /** Every row of every store's list, and every store's count and newest, keyed so two runs compare as maps. */
    private Map<String, Object> figures() {
        SalesSeen seen = Ports.on(storage, Json.CODEC, clock).sales();
        Map<String, Object> figures = new TreeMap<>();
        for (SalesSeen.StoreSales store : seen.stores()) {
            figures.put(store.storeId() + " count", store.documents() + " " + store.newest());
            List<String> rows = new ArrayList<>();
            io.chainpos.server.web.Slice.forEachRow(SalesSeen.LIST.read(Map.of()), r -> seen.list(store.storeId(), r),
                    row -> rows.add(describe(row)));
            rows.sort(null);
            figures.put(store.storeId() + " rows", rows);
        }
        return figures;
    }

    private static String describe(SaleSeen s) {
        return String.join("|", s.docId(), s.kind().name(), s.tillId(), s.receiptNo(), s.at().toString(), Long.toString(s.total()),
                Long.toString(s.refunded()), Boolean.toString(s.member()),
                s.tenders().stream().map(t -> t.method() + ":" + t.amount()).toList().toString());
    }

    /** The list folded without the production code: a document counts once, where and when it first arrived. */
    static final class Fold {
        private final Map<String, Object[]> docs = new LinkedHashMap<>();

        void apply(EventEnvelope e) {
            switch (e.payload()) {
                case SaleCompleted s -> docs.putIfAbsent(s.saleId().toString(), new Object[] {s.saleId().toString(), "SALE",
                        e.storeId().value(), e.tillId().value(), s.receiptNo().value(), e.occurredAt(), s.total(), 0L,
                        s.memberId() != null, s.tenders()});
                case SaleRefunded r -> {
                    if (docs.containsKey(r.refundId().toString())) {
                        return;
                    }
                    Object[] sale = docs.get(r.originalSaleId().toString());
                    docs.put(r.refundId().toString(), new Object[] {r.refundId().toString(), "REFUND", e.storeId().value(),
                            e.tillId().value(), sale == null ? "" : sale[4], e.occurredAt(), r.total(), 0L,
                            sale != null && (Boolean) sale[8], r.tenders()});
                    if (sale != null) {
                        sale[7] = (Long) sale[7] + r.total();
                    }
                }
                default -> {
                }
            }
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new TreeMap<>();
            Map<String, List<Object[]>> byStore = new TreeMap<>();
            docs.values().forEach(d -> byStore.computeIfAbsent((String) d[2], k -> new ArrayList<>()).add(d));
            byStore.forEach((store, list) -> {
                figures.put(store + " count", list.size() + " " + list.stream().map(d -> (java.time.Instant) d[5])
                        .max(java.util.Comparator.naturalOrder()).orElseThrow());
                List<String> rows = new ArrayList<>();
                for (Object[] d : list) {
                    @SuppressWarnings("unchecked")
                    List<Tender> tenders = (List<Tender>) d[9];
                    rows.add(String.join("|", (String) d[0], (String) d[1], (String) d[3], (String) d[4], d[5].toString(),
                            d[6].toString(), d[7].toString(), d[8].toString(),
                            tenders.stream().map(t -> t.method().name() + ":" + t.amount()).toList().toString()));
                }
                rows.sort(null);
                figures.put(store + " rows", rows);
            });
            return figures;
        }
    }
}
