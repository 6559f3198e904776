package io.chainpos.bench.sync;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.server.Ports;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.demo.Ean13;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.IncomingEvent;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import io.chainpos.server.web.PageRoute;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Head office's pages at chain scale (issue 11): {@code bench.stores} stores in four zones, each with a till
 * enrolled through its code, {@code bench.products} products published by head office (EAN-13 barcodes, Chinese and
 * English names), {@code bench.members} members registered at their home stores' tills (phone, name and birthday
 * sealed with each member's key, as a till does), then sales until the log holds {@code bench.events} events: 1-4
 * lines, a stock movement per line, 30 % to members with their points. Everything goes through the real ingest
 * ({@code EventLog.ingest}, every projection in the push's transaction, 500 events a batch, no HTTP for the load).
 *
 * <p>Then the real server on loopback, head office signed in through its form as an {@code hq-admin}: every page
 * the server registers for GET (path parameters filled with a random store, product, member, till or user each
 * time; exports, forms and assets left out), the catalog searched by barcode, SKU and name, and members found by
 * phone, card and name through their forms, each asked {@code bench.samples} times after three warm-up asks.
 * Printed: the time from request to the whole page received, p50, p99 and the slowest.
 *
 * <p>{@code java -Dbench.database=sqlite|postgresql -cp bench/target/benchmarks.jar io.chainpos.bench.sync.ChainScaleBench}
 * with {@code -Dbench.stores=1000 -Dbench.products=300000 -Dbench.members=1000000 -Dbench.events=10000000
 * -Dbench.samples=100} (100 asks a page, so that p99 is the second slowest ask, not a single stall). With {@code -Dbench.sqlite-file=PATH} the SQLite file is kept: a first run loads it, a later
 * run on the same path loads nothing and measures the pages again (after a change to them), on the same data.
 */
public final class ChainScaleBench {
    private static final String PASSWORD = "chain scale pages";
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Europe/London"));
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建国志强宇浩然子涵欣怡梓轩雨桐";
    private static final int BATCH = 500;

    private final int stores;
    private final int products;
    private final int members;
    private final long[] sizes;
    private final EventCodec codec = EventCodec.standard();
    private final Random random = new Random(2026);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant firstDay = now.minus(120, ChronoUnit.DAYS);
    private final long[] seq;
    private final long start = System.nanoTime();
    private long written;
    private long registered;
    private long sales;

    private ChainScaleBench(int stores, int products, int members, long[] sizes) {
        this.stores = stores;
        this.products = products;
        this.members = members;
        this.sizes = sizes;
        this.seq = new long[stores + 1];
    }

    public static void main(String[] args) throws Exception {
        String kind = System.getProperty("bench.database", "sqlite");
        ChainScaleBench bench = new ChainScaleBench(Integer.getInteger("bench.stores", 1_000), Integer.getInteger("bench.products", 300_000),
                Integer.getInteger("bench.members", 1_000_000),
                java.util.Arrays.stream(System.getProperty("bench.events", "10000000").split(",")).mapToLong(Long::parseLong).toArray());
        int samples = Integer.getInteger("bench.samples", 100);
        ServerMain main = new ServerMain(Clock.systemUTC(), new SecureRandom());
        // -Dbench.sqlite-file=PATH or -Dbench.postgres-dir=PATH: the chain is kept there and measured again by a later run
        String keptFile = System.getProperty(kind.equals("sqlite") ? "bench.sqlite-file" : "bench.postgres-dir");
        boolean reuse = keptFile != null && BenchDatabase.loaded(java.nio.file.Path.of(keptFile));
        try (BenchDatabase database = keptFile == null ? BenchDatabase.open(kind)
                : kind.equals("sqlite") ? BenchDatabase.keptSqlite(java.nio.file.Path.of(keptFile))
                : BenchDatabase.keptPostgres(java.nio.file.Path.of(keptFile));
             Storage storage = opened(main, database);
             Services.RunningServer running = main.start(storage, ServerSettings.of("127.0.0.1", 0, false))) {
            URI base = URI.create("http://127.0.0.1:" + running.port() + "/");
            if (!reuse) {
                main.users(storage).create("bench.admin", Role.HQ_ADMIN, null, PASSWORD);
            }
            Ports ports = main.ports(storage);
            if (reuse) {
                bench.resume(storage);
                System.out.printf(Locale.ROOT, "%n%s: the kept chain %s, %,d till events%n", kind, keptFile, bench.written);
                if (bench.written >= bench.sizes[bench.sizes.length - 1]) {
                    indexNames(storage);
                    bench.measure(HeadOfficeBrowser.signIn(base, "bench.admin", PASSWORD), running.pageRoutes(), samples);
                    bench.histories(main, storage, base, samples);
                    return;
                }
            } else {
                bench.chain(main, storage, ports, base);
            }
            for (long size : bench.sizes) {
                if (size <= bench.written) {
                    continue; // a kept chain already holds it
                }
                bench.sell(ports, size);
                System.out.printf(Locale.ROOT, "%n%s: %,d stores, %,d products, %,d members, %,d events loaded through the real ingest in %d s%n",
                        kind, bench.stores, bench.products, bench.members, bench.written, (System.nanoTime() - bench.start) / 1_000_000_000L);
                indexNames(storage);
                bench.measure(HeadOfficeBrowser.signIn(base, "bench.admin", PASSWORD), running.pageRoutes(), samples);
                bench.histories(main, storage, base, samples);
            }
        }
    }

    /** The server's storage on the bench's database, migrated; prints how long opening took (a kept chain migrates here). */
    private static Storage opened(ServerMain main, BenchDatabase database) {
        long start = System.nanoTime();
        Storage storage = main.openStorage(DatabaseSettings.of(database.spec()).withPoolSize(8));
        System.out.printf(Locale.ROOT, "storage opened and migrated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return storage;
    }

    /**
     * Takes up a kept chain where its load stopped: each till's last sequence, the sales made and the events written, so
     * a larger {@code bench.events} goes on loading it.
     */
    private void resume(Storage storage) {
        storage.database().read(h -> {
            h.createQuery("SELECT till_id, MAX(till_seq) FROM events WHERE till_id LIKE 'S%-T1' GROUP BY till_id")
                    .map((rs, ctx) -> seq[Integer.parseInt(rs.getString(1).substring(1, 5))] = rs.getLong(2)).list();
            written = h.createQuery("SELECT COUNT(*) FROM events WHERE till_id LIKE 'S%-T1'").mapTo(Long.class).one();
            sales = h.createQuery("SELECT COUNT(*) FROM events WHERE till_id LIKE 'S%-T1' AND type = 'SaleCompleted'").mapTo(Long.class).one();
            return null;
        });
        registered = (long) Math.max(1, members / stores) * stores;
    }

    /**
     * Lets the database settle after a load as a server at rest would have: the projections caught up with the log, and
     * the load's log written out (a PostgreSQL checkpoint, SQLite's log folded into its file), so neither lands in the
     * middle of the measurement.
     */
    private static void settle(Storage storage) {
        long start = System.nanoTime();
        new ServerMain(Clock.systemUTC(), new SecureRandom()).ports(storage).projector().catchUp();
        storage.database().read(h -> {
            if (storage.database().dialect() == io.chainpos.server.db.Dialect.POSTGRESQL) {
                h.execute("CHECKPOINT");
            } else {
                h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "projections caught up and the log checkpointed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits for the index of members' names to hold every member (the server fills it behind the log; after an upgrade
     * it starts from every member known) and prints how long that took from here.
     */
    private static void indexNames(Storage storage) {
        long start = System.nanoTime();
        settle(storage);
        int indexed = new io.chainpos.server.member.JdbcMemberDirectory(storage.database(), storage.keys()).indexNames();
        System.out.printf(Locale.ROOT, "names indexed: %,d members (re)indexed here in %.1f s (the server's own runs beside it)%n",
                indexed, (System.nanoTime() - start) / 1e9);
    }

    private void chain(ServerMain main, Storage storage, Ports ports, URI base) throws Exception {
        JdbcStores described = new JdbcStores(storage.database());
        BenchServerEnroller enroller = new BenchServerEnroller(main, storage, base);
        for (int s = 1; s <= stores; s++) {
            described.add(new Stores.Store(store(s), "门店 " + s + " Store", "Street " + s, ZONES.get(s % ZONES.size()), 1, now));
            enroller.enroll(store(s), till(s));
        }
        HeadOffice headOffice = new HeadOffice(ports.log(), codec, Clock.systemUTC());
        for (int from = 0; from < products; from += 1_000) {
            List<CatalogItemUpserted> items = new ArrayList<>();
            for (int p = from; p < Math.min(products, from + 1_000); p++) {
                items.add(new CatalogItemUpserted(1, firstDay, sku(p), List.of(barcode(p)), productName(p), "Product " + p, "C" + (p % 40),
                        CatalogItemUpserted.Unit.PIECE, price(p), p % 3 == 0 ? price(p) * 9 / 10 : null, 1300, true));
            }
            headOffice.publish(items);
        }
        System.out.printf(Locale.ROOT, "stores, tills and products in after %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
        PhoneLookup lookup = new PhoneLookup(ports.members().memberLookupSecret());
        // Members registered at their home stores, a store's registrations in order over the first 60 days.
        int perStore = Math.max(1, members / stores);
        for (int done = 0; done < perStore; done += BATCH) {
            List<MemberKey> keys = new ArrayList<>();
            List<List<Event>> byStore = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                List<Event> registrations = new ArrayList<>();
                for (int i = done; i < Math.min(perStore, done + BATCH); i++) {
                    int m = (s - 1) * perStore + i;
                    MemberKey key = MemberKey.generate(member(m));
                    keys.add(key);
                    registrations.add(new PersonalData(phone(m), name(m), LocalDate.of(1960 + m % 45, 1 + m % 12, 1 + m % 28))
                            .register(key, lookup, m % 2 == 0 ? Gender.FEMALE : Gender.MALE, card(m), "NORMAL", m % 3 != 0));
                }
                byStore.add(registrations);
            }
            ports.members().storeMemberKeys(keys);
            for (int s = 1; s <= stores; s++) {
                Instant at = firstDay.plus(60L * (done + BATCH / 2) / perStore, ChronoUnit.DAYS);
                ingest(ports, s, byStore.get(s - 1), i -> at.plusMillis(i * 1_000L));
            }
        }
        System.out.printf(Locale.ROOT, "%,d members registered after %d s%n", perStore * stores, (System.nanoTime() - start) / 1_000_000_000L);
        registered = written;
    }

    /** Sales until the log holds {@code events}: every store in turn, a batch at a time, through the days up to now. */
    private void sell(Ports ports, long events) {
        int perStore = Math.max(1, members / stores);
        long last = sizes[sizes.length - 1];
        long span = now.toEpochMilli() - firstDay.toEpochMilli() - 3_600_000L;
        long nextReport = (written / 1_000_000 + 1) * 1_000_000;
        while (written < events) {
            long progress = (written - registered) * span / Math.max(1, last - registered);
            for (int s = 1; s <= stores && written < events; s++) {
                List<Event> batch = new ArrayList<>(BATCH + 8);
                while (batch.size() < BATCH) {
                    batch.addAll(sale(s, perStore));
                }
                Instant at = firstDay.plusMillis(progress + random.nextInt(3_600_000));
                ingest(ports, s, batch, i -> at.plusMillis(i * 200L));
            }
            if (written >= nextReport) {
                System.out.printf(Locale.ROOT, "%,d events after %d s%n", written, (System.nanoTime() - start) / 1_000_000_000L);
                nextReport += 1_000_000;
            }
        }
    }

    private void ingest(Ports ports, int s, List<Event> payloads, IntFunction<Instant> at) {
        List<IncomingEvent> batch = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Instant when = at.apply(i);
            long tillSeq = ++seq[s];
            EventEnvelope envelope = new EventEnvelope(EventId.newId(Clock.fixed(when, ZoneOffset.UTC)), StoreId.of(store(s)),
                    TillId.of(till(s)), 1, tillSeq, (when.toEpochMilli() << 16) + tillSeq % 65_536, when, payloads.get(i));
            batch.add(new IncomingEvent(envelope, codec.canonical(codec.toTree(envelope))));
        }
        IngestResult result = ports.log().ingest(new IngestBatch(TillId.of(till(s)), 1, batch));
        if (!(result instanceof IngestResult.Stored stored) || !stored.quarantined().isEmpty()) {
            throw new IllegalStateException("not stored cleanly: " + result);
        }
        written += payloads.size();
    }

    /** A sale as a till records it: the sale, a stock movement per line, and the points when a member bought. */
    private List<Event> sale(int s, int perStore) {
        long n = ++sales;
        SaleId saleId = new SaleId(new UUID(0x0190000000007000L, 0xA000000000000000L | n));
        MemberId buyer = random.nextInt(10) < 3 ? member(random.nextInt(10) < 8 ? (s - 1) * perStore + random.nextInt(perStore)
                : random.nextInt(perStore * stores)) : null;
        List<SaleLine> lines = new ArrayList<>();
        List<Event> out = new ArrayList<>();
        long total = 0;
        for (int l = 0, count = 1 + random.nextInt(4); l < count; l++) {
            double u = random.nextDouble();
            int p = (int) (u * u * products); // some products sell far more than others
            long qty = 1000L * (1 + random.nextInt(3));
            long line = price(p) * qty / 1000;
            lines.add(new SaleLine(sku(p), productName(p), qty, price(p), 0, line, List.of()));
            out.add(new StockChanged(StoreId.of(store(s)), sku(p), -qty, StockChanged.Reason.SALE, saleId.toString()));
            total += line;
        }
        out.addFirst(new SaleCompleted(saleId, ReceiptNo.of(till(s) + "-1-%08d".formatted(n)), buyer, "CNY", lines, List.of(), total, 0, total,
                List.of(new Tender(TenderMethod.values()[random.nextInt(3)], total, null)), 0, 1, "cashier-" + random.nextInt(4)));
        if (buyer != null && total >= 100) {
            out.add(new PointsChanged(buyer, total / 100, PointsChanged.Reason.EARN, saleId, List.of("BASE:1/yuan")));
        }
        return out;
    }

    private void measure(HeadOfficeBrowser browser, List<PageRoute> routes, int samples) throws Exception {
        Map<String, IntFunction<String>> pages = new LinkedHashMap<>();
        for (PageRoute route : routes) {
            String path = route.path();
            if (!route.method().equals("GET") || path.endsWith(".csv") || path.endsWith("/new") || path.endsWith("/edit")
                    || path.contains("/import") || path.startsWith("/signin") || path.startsWith("/assets") || path.startsWith("/language")
                    || path.startsWith("/account") || path.endsWith("/export") || path.contains("{id}") || path.contains("{code}")) {
                continue;
            }
            pages.put(path, i -> fill(path));
        }
        // -Dbench.pages=REGEX measures only the pages whose path matches (a page changed since the last run)
        String only = System.getProperty("bench.pages");
        if (only != null) {
            pages.keySet().removeIf(path -> !path.matches(only));
        }
        pages.put("/catalog?q=<barcode>", i -> "/catalog?q=" + barcode(random.nextInt(products)));
        pages.put("/catalog?q=<sku>", i -> "/catalog?q=" + sku(random.nextInt(products)));
        pages.put("/catalog?q=<name>", i -> "/catalog?q=" + java.net.URLEncoder.encode("商品" + random.nextInt(products), java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("page                                          |   p50 ms |   p99 ms |   max ms | n");
        for (Map.Entry<String, IntFunction<String>> page : pages.entrySet()) {
            long[] nanos = new long[samples];
            for (int i = -3; i < samples; i++) {
                String path = page.getValue().apply(i);
                long before = System.nanoTime();
                HttpResponse<String> response = browser.get(path);
                long took = System.nanoTime() - before;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            print(page.getKey(), nanos);
        }
        // -Dbench.byName=false leaves out the search by name, which opens every member's sealed name in turn
        for (String by : Boolean.parseBoolean(System.getProperty("bench.byName", "true")) ? List.of("phone", "card", "name")
                : List.of("phone", "card")) {
            long[] nanos = new long[samples];
            for (int i = -3; i < samples; i++) {
                Map<String, String> form = browser.form("/members", "find-by-" + by);
                int m = random.nextInt(members);
                form.put(by, switch (by) {
                    case "phone" -> phone(m);
                    case "card" -> card(m).value();
                    default -> name(m);
                });
                long before = System.nanoTime();
                HttpResponse<String> response = browser.postForPage("/members/search", form);
                long took = System.nanoTime() - before;
                if (response.statusCode() != 200 && response.statusCode() != 303) {
                    throw new IllegalStateException("finding a member by " + by + " answered " + response.statusCode());
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            print("POST /members/search by " + by, nanos);
        }
    }

    /**
     * A member's history as a till asks for it ({@code GET /api/v1/members/{id}/history}, through the member index
     * written at ingest), for random members, by a till enrolled for the purpose at the first store: at least 200 asks.
     */
    private void histories(ServerMain main, Storage storage, URI base, int samples) throws Exception {
        String token = new BenchServerEnroller(main, storage, base).enroll(store(1), store(1) + "-H" + System.currentTimeMillis() % 100_000);
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        int asks = Math.max(200, samples);
        long[] nanos = new long[asks];
        long entries = 0;
        for (int i = -20; i < asks; i++) {
            var request = java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/members/" + member(random.nextInt(members / stores * stores)) + "/history"))
                    .header("Authorization", "Bearer " + token).GET().build();
            long before = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - before;
            if (response.statusCode() != 200 || !response.body().contains("MemberRegistered")) {
                throw new IllegalStateException("a member's history answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
            if (i >= 0) {
                nanos[i] = took;
                entries += response.body().split("\"occurredAt\"", -1).length - 1;
            }
        }
        print("GET /api/v1/members/{id}/history (till)", nanos);
        System.out.printf(Locale.ROOT, "  %.1f events a history on average%n", (double) entries / asks);
    }

    private String fill(String path) {
        int m = random.nextInt(members / stores * stores);
        int s = path.contains("{memberId}") ? 1 + m / (members / stores) : 1 + random.nextInt(stores);
        return path.replace("{store}", store(s)).replace("{till}", till(s)).replace("{sku}", sku(random.nextInt(products)).value())
                .replace("{memberId}", member(m).toString()).replace("{username}", "bench.admin");
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-45s | %8.1f | %8.1f | %8.1f | %d%n", what, at(sorted, 0.5), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String store(int s) {
        return "S%04d".formatted(s);
    }

    private static String till(int s) {
        return store(s) + "-T1";
    }

    private static Sku sku(int p) {
        return Sku.of("%07d".formatted(1_000_000 + p));
    }

    private static String barcode(int p) {
        return Ean13.withCheckDigit("69%010d".formatted(p));
    }

    private static long price(int p) {
        return 100 + (p * 37L) % 9_900;
    }

    private static String productName(int p) {
        return "商品" + p + " " + SURNAMES.charAt(p % SURNAMES.length()) + "记";
    }

    private static MemberId member(int m) {
        return new MemberId(UUID.fromString("01900000-0000-7000-c000-%012d".formatted(m)));
    }

    private static String phone(int m) {
        return "139%08d".formatted(m);
    }

    private static CardNo card(int m) {
        return CardNo.of("66%010d".formatted(m));
    }

    private static String name(int m) {
        return "" + SURNAMES.charAt(m % SURNAMES.length()) + GIVEN.charAt((m / SURNAMES.length()) % GIVEN.length())
                + GIVEN.charAt((m / 7) % GIVEN.length());
    }

    /** Enrolls each store's till through a code, as head office's tills page and a till do. */
    private record BenchServerEnroller(ServerMain main, Storage storage, URI base) {
        String enroll(String store, String till) throws Exception {
            Enrollment.Issued issued = new Enrollment(main.accounts(storage), main.secrets(), Clock.systemUTC())
                    .issueCode(StoreId.of(store), TillId.of(till));
            String code = ((Enrollment.Issued.Code) issued).code();
            var http = java.net.http.HttpClient.newHttpClient();
            var reply = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/enroll"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(reply.body());
            if (reply.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("enrolling " + till + " answered " + reply.statusCode() + ": " + reply.body());
            }
            return token.group(1);
        }
    }
}
