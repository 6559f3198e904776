package io.chainpos.bench.sync;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Member history against the log's size (issue 12): probe members with the same few sales each are written
 * first, then the log grows through the real push endpoint with member sales of a million other members; at
 * each size the probes' histories are asked for over HTTP ({@code GET /api/v1/members/{id}/history}) and the
 * p50/p99 printed. A history found through the member index costs the member's own events, so the figures
 * should stay flat as the log grows.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.chainpos.bench.sync.MemberHistoryHarness} with
 * {@code -Dbench.databases=sqlite,postgresql}, {@code -Dbench.sizes=100000,1000000} (events in the log when
 * measured), {@code -Dbench.probes=200} (members measured, 10 sales each), {@code -Dbench.asks=2000} (histories
 * asked at each size, after {@code -Dbench.warmup=500}).
 */
public final class MemberHistoryHarness {
    private static final int BATCH = 500;
    private static final int SALES_PER_PROBE = 10;
    private static final int BACKGROUND_MEMBERS = 1_000_000;

    private final EventCodec codec = EventCodec.standard();
    private final Random random = new Random(12);
    private final String store = "S001";
    private final String till = "S001-T1";
    private final Instant start = Instant.parse("2026-11-23T03:00:00Z");
    private long seq;
    private long sales;

    private MemberHistoryHarness() {
    }

    public static void main(String[] args) {
        String[] databases = System.getProperty("bench.databases", "sqlite").split(",");
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100000,1000000").split(",")).mapToLong(Long::parseLong).toArray();
        int probes = Integer.getInteger("bench.probes", 200);
        int asks = Integer.getInteger("bench.asks", 2000);
        int warmup = Integer.getInteger("bench.warmup", 500);
        List<String> lines = new ArrayList<>();
        for (String database : databases) {
            lines.addAll(new MemberHistoryHarness().run(database, sizes, probes, asks, warmup));
        }
        System.out.printf(Locale.ROOT, "%n== member history against the log's size (%d cores) ==%n", Runtime.getRuntime().availableProcessors());
        lines.forEach(System.out::println);
    }

    private List<String> run(String database, long[] sizes, int probes, int asks, int warmup) {
        List<String> lines = new ArrayList<>();
        try (BenchServer server = new BenchServer(database)) {
            String token = server.enroll(store, till);
            List<MemberId> probeMembers = new ArrayList<>();
            for (int i = 0; i < probes; i++) {
                probeMembers.add(new MemberId(UUID.fromString("01900000-0000-7000-a000-%012d".formatted(i))));
            }
            List<String> pending = new ArrayList<>();
            for (int round = 0; round < SALES_PER_PROBE; round++) {
                for (MemberId probe : probeMembers) {
                    pending.addAll(sale(probe));
                }
            }
            long written = flush(server, token, pending, true);
            for (long size : sizes) {
                long loadStart = System.nanoTime();
                while (written < size) {
                    while (pending.size() < BATCH) {
                        pending.addAll(sale(background()));
                    }
                    written += flush(server, token, pending, false);
                }
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                long[] micros = measure(server, token, probeMembers, asks, warmup);
                String line = String.format(Locale.ROOT,
                        "%-10s log %,9d events (loaded through push, %.0f s): history of a member with %d entries p50 %.2f ms, p99 %.2f ms (%d asks)",
                        database, written, loadSeconds, SALES_PER_PROBE * 2, micros[0] / 1000.0, micros[1] / 1000.0, asks);
                System.out.println(line);
                lines.add(line);
            }
        }
        return lines;
    }

    private long[] measure(BenchServer server, String token, List<MemberId> probes, int asks, int warmup) {
        long[] took = new long[asks];
        for (int i = -warmup; i < asks; i++) {
            MemberId probe = probes.get(Math.floorMod(i, probes.size()));
            HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/members/" + probe + "/history"))
                    .header("Authorization", "Bearer " + token).GET().build();
            long before = System.nanoTime();
            String body = server.send(request);
            long after = System.nanoTime();
            if (!body.contains("SaleCompleted")) {
                throw new IllegalStateException("a probe's history has no sale: " + body.substring(0, Math.min(200, body.length())));
            }
            if (i >= 0) {
                took[i] = (after - before) / 1000;
            }
        }
        Arrays.sort(took);
        return new long[] {took[(int) (asks * 0.50)], took[Math.min(asks - 1, (int) Math.ceil(asks * 0.99) - 1)]};
    }

    /** Pushes whole batches of {@code pending} (the rest too when {@code all}); returns how many events went. */
    private long flush(BenchServer server, String token, List<String> pending, boolean all) {
        long sent = 0;
        while (pending.size() >= BATCH || (all && !pending.isEmpty())) {
            List<String> batch = pending.subList(0, Math.min(BATCH, pending.size()));
            server.push(token, "{\"tillId\":\"" + till + "\",\"tillEpoch\":1,\"events\":[" + String.join(",", batch) + "]}");
            sent += batch.size();
            batch.clear();
        }
        return sent;
    }

    private MemberId background() {
        return new MemberId(UUID.fromString("01900000-0000-7000-b000-%012d".formatted(random.nextInt(BACKGROUND_MEMBERS))));
    }

    /** A member sale as a till records it: the sale, two stock movements and the points earned. */
    private List<String> sale(MemberId member) {
        long n = ++sales;
        SaleId saleId = new SaleId(new UUID(0x0190000000007000L, 0x9000000000000000L | n));
        Instant at = start.plusMillis(n * 250);
        List<Event> events = List.of(
                new SaleCompleted(saleId, ReceiptNo.of(till + "-1-%08d".formatted(n)), member, "CNY",
                        List.of(new SaleLine(Sku.of("100001"), "可口可乐 330ml", 2000, 350, 100, 600, List.of()),
                                new SaleLine(Sku.of("100008"), "康师傅红烧牛肉面", 1000, 450, 50, 400, List.of())),
                        List.of(), 1150, 150, 1000, List.of(new Tender(TenderMethod.CASH, 1000, null)), 0, 1, "cashier"),
                new StockChanged(StoreId.of(store), Sku.of("100001"), -2000, StockChanged.Reason.SALE, saleId.toString()),
                new StockChanged(StoreId.of(store), Sku.of("100008"), -1000, StockChanged.Reason.SALE, saleId.toString()),
                new PointsChanged(member, 10, PointsChanged.Reason.EARN, saleId, List.of("BASE:1/yuan")));
        List<String> json = new ArrayList<>(events.size());
        for (Event event : events) {
            long s = ++seq;
            json.add(codec.toJson(new EventEnvelope(new EventId(new UUID(0x0190000000007000L, 0x8000000000000000L | s)),
                    StoreId.of(store), TillId.of(till), 1, s, (at.toEpochMilli() << 16) + s, at, event)));
        }
        return json;
    }
}
