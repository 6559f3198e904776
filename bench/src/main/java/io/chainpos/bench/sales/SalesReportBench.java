package io.chainpos.bench.sales;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.IncomingEvent;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.sales.SalesFacts;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The sales report's queries on a synthetic chain in one SQLite file: {@code bench.stores} stores in four zones,
 * {@code bench.products} products in 25 categories published by head office, and {@code bench.events} sale and
 * refund events over the year to 2026-11-30, loaded through the real ingest ({@code EventLog.ingest}, 500 events a
 * batch; no HTTP), the projector then caught up (the projections follow the log). Then every query the report page makes for a
 * period and the previous one, for a random store or the chain and a random 7- or 28-day period, timed one by one
 * and as the whole page. Run: {@code java -cp bench/target/benchmarks.jar io.chainpos.bench.sales.SalesReportBench}.
 */
public final class SalesReportBench {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Europe/London"));
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private SalesReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int stores = Integer.getInteger("bench.stores", 100);
        int products = Integer.getInteger("bench.products", 5_000);
        int events = Integer.getInteger("bench.events", 1_000_000);
        int samples = Integer.getInteger("bench.samples", 200);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))), "sales-report-");
        EventCodec codec = EventCodec.standard();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Storage storage = Storage.open(dir.resolve("events.db").toString())) {
            Ports ports = Ports.on(storage, codec, clock);
            JdbcStores described = new JdbcStores(storage.database());
            for (int s = 1; s <= stores; s++) {
                described.add(new Stores.Store(store(s), "Store " + s, "", ZONES.get(s % ZONES.size()), 1, NOW));
            }
            HeadOffice headOffice = new HeadOffice(ports.log(), codec, clock);
            for (int from = 0; from < products; from += 1_000) {
                List<CatalogItemUpserted> items = new ArrayList<>();
                for (int p = from; p < Math.min(products, from + 1_000); p++) {
                    items.add(new CatalogItemUpserted(1, Instant.parse("2025-01-01T00:00:00Z"), sku(p), List.of(), "商品" + p, "Product " + p,
                            "C" + (p % 25), CatalogItemUpserted.Unit.PIECE, 100 + p % 5_000, null, 1300, true));
                }
                headOffice.publish(items);
            }
            long loadStart = System.nanoTime();
            load(ports, codec, stores, products, events);
            double ingestSeconds = (System.nanoTime() - loadStart) / 1e9;
            // The projections follow the log (the server's projector): merged before anything is measured, their time
            // counted in the load. Without this the reports read what a page's own catch-up had merged.
            ports.projector().catchUp();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d events through the real ingest in %.1f s, projections caught up %.1f s later "
                            + "(%,.0f events/s in all); database %,d bytes%n",
                    events, ingestSeconds, loadSeconds - ingestSeconds, events / loadSeconds, Files.size(dir.resolve("events.db")));
            measure(ports.salesFacts(), stores, samples);
        }
    }

    /** Each store's till sells through the year in order; its batches go round-robin between the stores. */
    private static void load(Ports ports, EventCodec codec, int stores, int products, int events) {
        Random random = new Random(42);
        int perStore = events / stores;
        long yearStart = LAST_DAY.minusDays(364).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long span = 365L * 86_400_000L;
        long[] seq = new long[stores + 1];
        List<List<SaleCompleted>> recent = new ArrayList<>();
        for (int s = 0; s <= stores; s++) {
            recent.add(new ArrayList<>());
        }
        long ids = 0;
        for (int done = 0; done < perStore; done += 500) {
            for (int s = 1; s <= stores; s++) {
                List<IncomingEvent> batch = new ArrayList<>(500);
                for (int i = done; i < Math.min(perStore, done + 500); i++) {
                    Instant at = Instant.ofEpochMilli(yearStart + span * i / perStore + random.nextInt(3_600_000));
                    Event payload = recent.get(s).isEmpty() || random.nextInt(20) != 0 ? sale(random, products, ++ids)
                            : refund(random, recent.get(s), ++ids);
                    if (payload instanceof SaleCompleted sale) {
                        recent.get(s).add(sale);
                        if (recent.get(s).size() > 50) {
                            recent.get(s).removeFirst();
                        }
                    }
                    EventEnvelope envelope = new EventEnvelope(EventId.newId(Clock.fixed(at, ZoneOffset.UTC)), StoreId.of(store(s)),
                            TillId.of(store(s) + "-T1"), 1, ++seq[s], (at.toEpochMilli() << 16) + seq[s] % 65_536, at, payload);
                    batch.add(new IncomingEvent(envelope, codec.canonical(codec.toTree(envelope)), null));
                }
                IngestResult result = ports.log().ingest(new IngestBatch(TillId.of(store(s) + "-T1"), 1, batch));
                if (!(result instanceof IngestResult.Stored stored) || !stored.quarantined().isEmpty()) {
                    throw new IllegalStateException("not stored cleanly: " + result);
                }
            }
        }
    }

    private static SaleCompleted sale(Random random, int products, long id) {
        List<SaleLine> lines = new ArrayList<>();
        List<AppliedPromotion> none = List.of();
        long subtotal = 0;
        long discount = 0;
        for (int l = 0, n = 1 + random.nextInt(4); l < n; l++) {
            // Some products sell far more than others: the square of a uniform number favours the low SKUs.
            double u = random.nextDouble();
            int p = (int) (u * u * products);
            long qty = 1000L * (1 + random.nextInt(3));
            long unit = 100 + p % 5_000;
            long gross = unit * qty / 1000;
            long off = random.nextInt(10) == 0 ? gross / 10 : 0;
            lines.add(new SaleLine(sku(p), "Product " + p, qty, unit, off, gross - off,
                    off == 0 ? none : List.of(new AppliedPromotion("P" + (p % 8), "Promotion " + (p % 8), off))));
            subtotal += gross;
            discount += off;
        }
        long total = subtotal - discount;
        TenderMethod method = TenderMethod.values()[random.nextInt(3)];
        MemberId member = random.nextInt(10) < 3 ? new MemberId(uuid(900_000_000_000L + random.nextInt(1_000_000))) : null;
        return new SaleCompleted(new SaleId(uuid(id)), ReceiptNo.of("R" + id), member, "CNY", lines, List.of(), subtotal, discount, total,
                List.of(new Tender(method, total, null)), 0, 1, "cashier-" + random.nextInt(6));
    }

    private static SaleRefunded refund(Random random, List<SaleCompleted> recent, long id) {
        SaleCompleted sale = recent.get(random.nextInt(recent.size()));
        SaleLine line = sale.lines().getFirst();
        return new SaleRefunded(new RefundId(uuid(id)), sale.saleId(), "CNY", List.of(new RefundLine(line.sku(), line.name(),
                line.qtyMilli(), line.total())), line.total(), List.of(new Tender(TenderMethod.CASH, line.total(), null)), null, null, null);
    }

    private static void measure(SalesFacts facts, int stores, int samples) {
        Random random = new Random(7);
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        for (int i = 0; i < samples + 20; i++) {
            boolean chain = i % 2 == 0;
            Optional<String> store = chain ? Optional.empty() : Optional.of(store(1 + random.nextInt(stores)));
            int days = random.nextBoolean() ? 7 : 28;
            LocalDate to = LAST_DAY.minusDays(random.nextInt(300));
            SalesFacts.Filter now = new SalesFacts.Filter(store, to.minusDays(days - 1), to);
            SalesFacts.Filter before = now.previous();
            String scope = (chain ? "chain" : "store") + " " + days + "d";
            boolean counted = i >= 20; // the first ones warm the JIT and the page cache
            long pageStart = System.nanoTime();
            for (SalesFacts.Filter f : List.of(now, before)) {
                time(nanos, counted, scope, "summary", () -> facts.summary(f));
                time(nanos, counted, scope, "byStoreAndDay", () -> facts.byStoreAndDay(f));
                time(nanos, counted, scope, "categories", () -> facts.categories(f));
                time(nanos, counted, scope, "tenders", () -> facts.tenders(f));
                time(nanos, counted, scope, "promotions", () -> facts.promotions(f));
            }
            time(nanos, counted, scope, "byHour", () -> facts.byHour(now));
            time(nanos, counted, scope, "items", () -> facts.items(now));
            time(nanos, counted, scope, "ranking", () -> facts.ranking(now, 10));
            if (counted) {
                nanos.computeIfAbsent(scope + " | whole page (16 queries)", k -> new ArrayList<>()).add(System.nanoTime() - pageStart);
            }
        }
        System.out.println("scope      | query                     |   p50 ms |   p99 ms |   max ms | n");
        nanos.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            String[] parts = e.getKey().split(" \\| ");
            System.out.printf(Locale.ROOT, "%-10s | %-25s | %8.1f | %8.1f | %8.1f | %d%n", parts[0], parts[1], at(sorted, 0.50),
                    at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
        });
    }

    private static void time(Map<String, List<Long>> nanos, boolean counted, String scope, String query, Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        if (counted) {
            nanos.computeIfAbsent(scope + " | " + query, k -> new ArrayList<>()).add(System.nanoTime() - start);
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String store(int n) {
        return "S%03d".formatted(n);
    }

    private static Sku sku(int p) {
        return Sku.of("%06d".formatted(200_000 + p));
    }

    private static UUID uuid(long n) {
        return UUID.fromString("0192f0a0-0000-7000-9000-%012d".formatted(n));
    }
}
