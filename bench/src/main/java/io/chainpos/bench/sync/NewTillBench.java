package io.chainpos.bench.sync;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
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
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.KeyWrap;
import io.chainpos.till.member.MemberKeyStore;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.sync.SnapshotDownload;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.sync.SyncProgress;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * A new till enrolled into a big chain, timed from its one-time code to ready to sell: the chain's members and
 * products loaded into a real server (SQLite) through the real ingest, the server's pull retention short enough that
 * the new till must take a snapshot, then a real till ledger on disk enrolls over loopback HTTP and runs its first sync
 * (the snapshot spooled by the server, downloaded gzip, installed in one transaction, the members' keys fetched).
 * Prints each phase's time, the snapshot's bytes and the load average before and after.
 *
 * <pre>
 * java -Xmx4g --enable-native-access=ALL-UNNAMED -Dbench.members=3000000 -Dbench.products=300000 \
 *      -cp bench/target/benchmarks.jar io.chainpos.bench.sync.NewTillBench
 * </pre>
 * {@code -Dbench.tills=3} enrolls three new tills one after another into the chain loaded once.
 */
public final class NewTillBench {
    private static final int STORES = 100;
    private static final int BATCH = 1_000;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏";

    private final EventCodec codec = EventCodec.standard();
    private final Instant firstDay = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    private final long[] seq = new long[STORES + 1];

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("bench.members", 300_000);
        int products = Integer.getInteger("bench.products", 30_000);
        Path dir = Files.createTempDirectory("chainpos-newtill");
        System.out.printf(Locale.ROOT, "new till bench: %,d members, %,d products, in %s; load average %.2f%n", members, products, dir,
                load());
        new NewTillBench().run(dir, members, products);
    }

    private void run(Path dir, int members, int products) throws Exception {
        ServerMain main = new ServerMain(Clock.systemUTC(), new SecureRandom());
        // A second of retention: the chain loaded before the till comes is older than that, so it takes a snapshot.
        ServerSettings settings = ServerSettings.of("127.0.0.1", 0, false).withPullRetention(Duration.ofSeconds(1))
                .withSnapshotSpool(dir.resolve("spool"));
        try (Storage storage = main.openStorage(DatabaseSettings.of(dir.resolve("server.db").toString()).withPoolSize(8));
             Services.RunningServer running = main.start(storage, settings)) {
            URI base = URI.create("http://127.0.0.1:" + running.port() + "/");
            Ports ports = main.ports(storage);
            long loadStarted = System.nanoTime();
            load(storage, ports, members, products);
            System.out.printf(Locale.ROOT, "chain loaded through the real ingest in %d s; load average %.2f%n",
                    (System.nanoTime() - loadStarted) / 1_000_000_000L, load());
            Thread.sleep(1_100); // past the second of retention
            // Several new tills in a row on the one chain (-Dbench.tills): one figure each, the load paid once.
            for (int t = 1; t <= Integer.getInteger("bench.tills", 1); t++) {
                String code = ((Enrollment.Issued.Code) new Enrollment(main.accounts(storage), main.secrets(), Clock.systemUTC())
                        .issueCode(StoreId.of(store(1)), TillId.of(t == 1 ? "S001-NEW" : "S001-NEW" + t))).code();
                enrollAndSync(dir.resolve(t == 1 ? "till" : "till" + t), base, code);
            }
        }
    }

    private void enrollAndSync(Path tillDir, URI base, String code) throws Exception {
        Files.createDirectories(tillDir);
        Clock clock = Clock.systemUTC();
        double loadBefore = load();
        long started = System.nanoTime();
        OkHttpClient http = OkHttpSyncApi.defaultClient();
        try (Ledger ledger = Ledger.open(tillDir.resolve("till.db"), clock, codec, TillProjections.standard(codec))) {
            EnrollTill.Result enrolled = new EnrollTill(ledger, url -> new OkHttpSyncApi(http, codec, () -> url, () -> null))
                    .enroll(base.toString(), code);
            if (!(enrolled instanceof EnrollTill.Enrolled)) {
                throw new IllegalStateException("enrolling failed: " + enrolled);
            }
            long enrolledAt = System.nanoTime();
            String token = ledger.registration().serverLink().orElseThrow().token();
            Map<SyncProgress.Stage, long[]> stages = new EnumMap<>(SyncProgress.Stage.class);
            long[] bytes = {0};
            long[] events = {0};
            try (SyncAgent agent = new SyncAgent(ledger, new OkHttpSyncApi(http, codec, () -> base, () -> token), clock,
                    new SecureRandom(), SyncAgent.Settings.defaults(), wrappedKeys(tillDir),
                    new SnapshotDownload(tillDir.resolve("snapshot"), codec, clock))) {
                agent.onProgress(p -> {
                    long now = System.nanoTime();
                    stages.computeIfAbsent(p.stage(), s -> new long[] {now, now})[1] = now;
                    if (p.stage() == SyncProgress.Stage.DOWNLOADING) {
                        bytes[0] = p.total();
                    } else if (p.stage() == SyncProgress.Stage.INSTALLING) {
                        events[0] = Math.max(events[0], p.total());
                    }
                });
                SyncAgent.Round round = agent.syncOnce();
                long ready = System.nanoTime();
                System.out.printf(Locale.ROOT, "new till: enrolled in %d ms; first sync %d ms (%,d events pulled); "
                                + "enrollment to ready %.1f s; load average %.2f before, %.2f after%n",
                        (enrolledAt - started) / 1_000_000, (ready - enrolledAt) / 1_000_000, round.pulled(),
                        (ready - started) / 1e9, loadBefore, load());
                System.out.printf(Locale.ROOT, "  snapshot: %,d bytes gzip, %,d events%n", bytes[0], events[0]);
                print("  server writes the snapshot", stages.get(SyncProgress.Stage.PREPARING), stages.get(SyncProgress.Stage.DOWNLOADING));
                print("  download", stages.get(SyncProgress.Stage.DOWNLOADING), stages.get(SyncProgress.Stage.INSTALLING));
                long[] keysFrom = stages.get(SyncProgress.Stage.KEYS);
                print("  install (one transaction)", stages.get(SyncProgress.Stage.INSTALLING),
                        keysFrom != null ? keysFrom : new long[] {ready, ready});
                print("  the members' keys fetched and wrapped", keysFrom, new long[] {ready, ready});
                long members;
                try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tillDir.resolve("till.db"));
                     java.sql.ResultSet rs = sqlite.createStatement().executeQuery("SELECT COUNT(*) FROM members")) {
                    members = rs.getLong(1);
                }
                System.out.printf(Locale.ROOT, "  the till holds %,d members%n", members);
                long fileBytes = 0;
                for (String part : new String[] {"till.db", "till.db-wal"}) {
                    Path file = tillDir.resolve(part);
                    fileBytes += Files.exists(file) ? Files.size(file) : 0;
                }
                System.out.printf(Locale.ROOT, "  the till's ledger file (with its write-ahead log): %,d bytes, %,d a member "
                        + "(the products' share included)%n", fileBytes, members == 0 ? 0 : fileBytes / members);
                printTables(tillDir.resolve("till.db"), members);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    /** Each table's and index's share of the till's file, by SQLite's own page statistics (dbstat). */
    private static void printTables(Path file, long members) throws java.sql.SQLException {
        System.out.printf(Locale.ROOT, "  the file by table and index (dbstat), write-ahead log %,d bytes:%n",
                sizeOf(Path.of(file + "-wal")));
        try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = sqlite.createStatement().executeQuery(
                     "SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 25")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "    %-40s %,15d bytes  %,6d a member%n", rs.getString(1), rs.getLong(2),
                        members == 0 ? 0 : rs.getLong(2) / members);
            }
        }
    }

    /** The file's size, 0 when there is none. */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * The members' keys kept as a till with its key file keeps them: wrapped by the key file {@code till.kek} beside the
     * ledger, which the member lookup bench opens the till's members with ({@code -Dbench.ledger}).
     */
    private static MemberKeyStore wrappedKeys(Path tillDir) throws java.io.IOException {
        SecureRandom random = new SecureRandom();
        return new MemberKeyStore(KeyWrap.with(io.chainpos.till.security.KeyFile.openOrCreate(tillDir.resolve("till.kek"), random),
                random));
    }

    /** Member {@code m}'s phone in the chain this bench loads. */
    public static String phone(int m) {
        return "139%08d".formatted(m);
    }

    /** Member {@code m}'s name in the chain this bench loads. */
    public static String name(int m) {
        return SURNAMES.charAt(m % SURNAMES.length()) + "会员" + m;
    }

    /** Member {@code m}'s card in the chain this bench loads. */
    public static CardNo card(int m) {
        return CardNo.of("66%010d".formatted(m));
    }

    private static void print(String what, long[] from, long[] to) {
        if (from == null || to == null) {
            System.out.printf(Locale.ROOT, "%s: not seen%n", what);
            return;
        }
        System.out.printf(Locale.ROOT, "%s: %.1f s%n", what, (to[0] - from[0]) / 1e9);
    }

    private void load(Storage storage, Ports ports, int members, int products) {
        JdbcStores described = new JdbcStores(storage.database());
        for (int s = 1; s <= STORES; s++) {
            described.add(new Stores.Store(store(s), "门店 " + s, "Street " + s, ZoneId.of("Asia/Shanghai"), 1, firstDay));
        }
        HeadOffice headOffice = new HeadOffice(ports.log(), codec, Clock.systemUTC());
        for (int from = 0; from < products; from += 1_000) {
            List<CatalogItemUpserted> items = new ArrayList<>();
            for (int p = from; p < Math.min(products, from + 1_000); p++) {
                long price = 100 + (p * 37L) % 9_900;
                items.add(new CatalogItemUpserted(1, firstDay, Sku.of("%07d".formatted(1_000_000 + p)),
                        List.of(Ean13.withCheckDigit("69%010d".formatted(p))), "商品" + p + " " + SURNAMES.charAt(p % SURNAMES.length())
                        + "记", "Product " + p, "C" + (p % 40), CatalogItemUpserted.Unit.PIECE, price, p % 3 == 0 ? price * 9 / 10 : null,
                        1300, true));
            }
            headOffice.publish(items);
        }
        PhoneLookup lookup = new PhoneLookup(ports.members().memberLookupSecret());
        long started = System.nanoTime();
        for (int from = 0; from < members; from += BATCH) {
            int s = 1 + (from / BATCH) % STORES;
            List<MemberKey> keys = new ArrayList<>();
            List<Event> registrations = new ArrayList<>();
            for (int m = from; m < Math.min(members, from + BATCH); m++) {
                MemberKey key = MemberKey.generate(member(m));
                keys.add(key);
                registrations.add(new PersonalData(phone(m), name(m), LocalDate.of(1960 + m % 45, 1 + m % 12, 1 + m % 28))
                        .register(key, lookup, m % 2 == 0 ? Gender.FEMALE : Gender.MALE, card(m), "NORMAL", m % 3 != 0));
            }
            ports.members().storeMemberKeys(keys);
            ingest(ports, s, registrations);
            if ((from + BATCH) % 100_000 == 0) {
                System.out.printf(Locale.ROOT, "%,d members in %d s%n", from + BATCH, (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
    }

    private void ingest(Ports ports, int s, List<Event> payloads) {
        List<IncomingEvent> batch = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Instant when = firstDay.plusMillis(i);
            long tillSeq = ++seq[s];
            EventEnvelope envelope = new EventEnvelope(EventId.newId(Clock.fixed(when, ZoneOffset.UTC)), StoreId.of(store(s)),
                    TillId.of(store(s) + "-T1"), 1, tillSeq, (when.toEpochMilli() << 16) + tillSeq % 65_536, when, payloads.get(i));
            batch.add(new IncomingEvent(envelope, codec.canonical(codec.toTree(envelope))));
        }
        IngestResult result = ports.log().ingest(new IngestBatch(TillId.of(store(s) + "-T1"), 1, batch));
        if (!(result instanceof IngestResult.Stored stored) || !stored.quarantined().isEmpty()) {
            throw new IllegalStateException("not stored cleanly: " + result);
        }
    }

    private static String store(int s) {
        return "S%03d".formatted(s);
    }

    private static MemberId member(int m) {
        return new MemberId(UUID.fromString("01900000-0000-7000-c000-%012d".formatted(m)));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
