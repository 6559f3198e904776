package io.chainpos.bench.sync;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.till.TillProjections;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.KeyWrap;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.sync.SyncAgent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import okhttp3.OkHttpClient;

/**
 * From "publish" in head office's catalog page to the new price at a till: the real server on loopback with the demo
 * chain, head office signed in through the sign-in form with its session cookie (as a browser is), and a real till
 * enrolled with a code, its sync agent running in the background as in the till program (held pulls). Each sample
 * reads the product's page, posts its price form with a new price (the form's CSRF and once-only tokens, as the
 * browser sends them), and watches the till's catalog, the read the sale screen prices a scan with, every 0.2 ms
 * until it gives the new price. The pause between samples is random (1-4 s), so the publication falls anywhere in
 * the till's held pull. Run: {@code java -Dbench.database=sqlite|postgresql -Dbench.samples=40 -cp
 * bench/target/benchmarks.jar io.chainpos.bench.sync.PublishToTillBench}.
 */
public final class PublishToTillBench {
    private static final String PASSWORD = "publish to the counter";
    private static final String SKU = "100001"; // the demo's cola

    private PublishToTillBench() {
    }

    public static void main(String[] args) throws Exception {
        String kind = System.getProperty("bench.database", "sqlite");
        int samples = Integer.getInteger("bench.samples", 40);
        Clock clock = Clock.systemUTC();
        ServerMain main = new ServerMain(clock, new SecureRandom());
        Path tillDir = Files.createTempDirectory("publish-to-till");
        try (BenchDatabase database = BenchDatabase.open(kind);
             Storage storage = main.openStorage(DatabaseSettings.of(database.spec()).withPoolSize(8));
             Services.RunningServer running = main.start(storage, ServerSettings.of("127.0.0.1", 0, true))) {
            URI base = URI.create("http://127.0.0.1:" + running.port() + "/");
            main.users(storage).create("bench.admin", Role.HQ_ADMIN, null, PASSWORD);
            EventCodec codec = EventCodec.standard();
            try (Ledger ledger = Ledger.open(tillDir.resolve("till.db"), clock, codec, TillProjections.standard(codec, KeyWrap.none()))) {
                SyncAgent agent = enroll(main, storage, ledger, codec, base, clock);
                agent.start();
                CatalogStore catalog = new CatalogStore(codec);
                long demoPrice = waitForPrice(ledger, catalog, clock, null, Duration.ofSeconds(60));
                HeadOfficeBrowser browser = HeadOfficeBrowser.signIn(base, "bench.admin", PASSWORD);
                System.out.printf(Locale.ROOT, "%s, demo chain, one till of S001 holding its pulls; the cola at %d fen; %d samples%n",
                        kind, demoPrice, samples);
                measure(browser, ledger, catalog, clock, samples);
                agent.close();
            }
        } finally {
            try (var files = Files.walk(tillDir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static SyncAgent enroll(ServerMain main, Storage storage, Ledger ledger, EventCodec codec, URI base, Clock clock) {
        Enrollment.Issued issued = new Enrollment(main.accounts(storage), main.secrets(), clock)
                .issueCode(StoreId.of("S001"), TillId.of("S001-T1"));
        String code = ((Enrollment.Issued.Code) issued).code();
        OkHttpClient http = OkHttpSyncApi.defaultClient();
        EnrollTill.Result enrolled = new EnrollTill(ledger, url -> new OkHttpSyncApi(http, codec, () -> url, () -> null))
                .enroll(base.toString(), code);
        if (!(enrolled instanceof EnrollTill.Enrolled)) {
            throw new IllegalStateException("enrollment failed: " + enrolled);
        }
        String token = ledger.registration().serverLink().orElseThrow().token();
        return new SyncAgent(ledger, new OkHttpSyncApi(http, codec, () -> base, () -> token), clock, new Random(1),
                SyncAgent.Settings.defaults());
    }

    private static void measure(HeadOfficeBrowser browser, Ledger ledger, CatalogStore catalog, Clock clock, int samples)
            throws Exception {
        Random random = new Random(11);
        List<Long> posted = new ArrayList<>();
        List<Long> atTill = new ArrayList<>();
        for (int i = 0; i < samples + 3; i++) {
            Thread.sleep(1_000 + random.nextInt(3_000));
            long price = 400 + i; // a new price each time: 4.00, 4.01, ...
            Map<String, String> form = browser.form("/catalog/" + SKU, "price-form");
            form.put("new_price", "%d.%02d".formatted(price / 100, price % 100));
            form.put("new_member_price", "");
            form.put("effective_at", "");
            long start = System.nanoTime();
            int status = browser.post("/catalog/" + SKU + "/price", form);
            long answered = System.nanoTime();
            if (status != 303 && status != 302) {
                throw new IllegalStateException("the price form answered " + status);
            }
            waitForPrice(ledger, catalog, clock, price, Duration.ofSeconds(60));
            long arrived = System.nanoTime();
            if (i >= 3) { // the first ones warm both sides
                posted.add(answered - start);
                atTill.add(arrived - start);
            }
        }
        System.out.println("from the price form's post             |   p50 ms |   p90 ms |   max ms | n");
        print("head office's page answered (published)", posted);
        print("the till prices a scan at the new price", atTill);
    }

    private static void print(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-39s | %8.1f | %8.1f | %8.1f | %d%n", what, at(sorted, 0.5), at(sorted, 0.9),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Waits until the till's catalog prices the cola at {@code expected} (any price when null) and returns it. */
    private static long waitForPrice(Ledger ledger, CatalogStore catalog, Clock clock, Long expected, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            Optional<Product> product = ledger.read(s -> catalog.findBySku(s, SKU, clock.instant()));
            if (product.isPresent() && (expected == null || product.get().price() == expected)) {
                return product.get().price();
            }
            LockSupport.parkNanos(200_000);
        }
        throw new IllegalStateException("the till did not get the price " + expected + " within " + limit);
    }
}
