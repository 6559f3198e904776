package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncWatchTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aTillSellingWithoutItsServerSeesTheEventsWaitingGrowSaleBySale() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SyncWatch watch = new SyncWatch(till.ledger, null, clock);
            long before = watch.status().waiting();
            List<SyncStatus> heard = new CopyOnWriteArrayList<>();
            watch.onStatus(heard::add);

            sell(till);

            assertThat(watch.linked()).isFalse();
            assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.OFFLINE);
            // never linked, so nothing was ever acknowledged: every event in the till's log is waiting
            long recorded = recordedAfter(till, 0);
            assertThat(watch.status().waiting()).isEqualTo(recorded).isGreaterThan(before);
            assertThat(heard).last().extracting(SyncStatus::waiting).isEqualTo(recorded);
            assertThat(watch.syncNow()).isEmpty();
        }
    }

    @Test
    void syncingNowSendsEverythingAndSaysSo() throws Exception {
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock);
             TestTill till = new TestTill(dir.resolve("till.db"), clock)) {
            OkHttpClient http = OkHttpSyncApi.defaultClient();
            EnrollTill.Result enrolled = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(http, till.codec, () -> url,
                    () -> null)).enroll(server.uri().toString(), server.enrollmentCode("S001", "S001-T1"));
            assertThat(enrolled).isInstanceOf(EnrollTill.Enrolled.class);
            ServerAddress link = new ServerAddress(till.ledger);
            SyncAgent agent = new SyncAgent(till.ledger, new OkHttpSyncApi(http, till.codec,
                    () -> link.url().orElseThrow(), link::token), clock, new Random(1), SyncAgent.Settings.defaults());
            SyncWatch watch = new SyncWatch(till.ledger, agent, clock);
            till.shifts.open("c1", 10_000);
            assertThat(watch.status().waiting()).isPositive();

            Optional<SyncAgent.Round> round = watch.syncNow();

            assertThat(round).hasValueSatisfying(r -> assertThat(r.pulled()).isPositive());
            assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);
            assertThat(watch.status().waiting()).isZero();

            long sentThrough = lastSeq(till);
            server.stop();
            sell(till);
            assertThatThrownBy(watch::syncNow).isInstanceOf(IOException.class);
            assertThat(watch.status().connection()).as("said at once, not at the agent's next retry")
                    .isEqualTo(SyncStatus.Connection.OFFLINE);
            // waiting: what the till's log recorded since everything was sent (SaleCompleted, StockChanged, DrawerOpened)
            assertThat(watch.status().waiting()).isEqualTo(recordedAfter(till, sentThrough)).isEqualTo(3);
            agent.close();
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void theServerAddressMovesAndKeepsTheDeviceToken() throws Exception {
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock);
             TestTill till = new TestTill(dir.resolve("till.db"), clock)) {
            OkHttpClient http = OkHttpSyncApi.defaultClient();
            new EnrollTill(till.ledger, url -> new OkHttpSyncApi(http, till.codec, () -> url, () -> null))
                    .enroll(server.uri().toString(), server.enrollmentCode("S001", "S001-T1"));
            ServerAddress address = new ServerAddress(till.ledger);
            String token = address.token();

            assertThat(address.change("ftp://nowhere")).isInstanceOf(ServerAddress.Refused.class);
            assertThat(address.change("http://10.0.0.9:8080")).isEqualTo(new ServerAddress.Changed(URI.create("http://10.0.0.9:8080")));
            assertThat(address.token()).isEqualTo(token);
            assertThat(new ServerAddress(till.ledger).url()).contains(URI.create("http://10.0.0.9:8080"));
            http.dispatcher().executorService().shutdown();
        }
    }

    /**
     * Counted in the till's log itself, not through the sync marks SyncWatch and the agent read: events of this
     * till's epoch recorded after {@code seq}.
     */
    private static long recordedAfter(TestTill till, long seq) {
        return till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM ledger_events WHERE till_seq > :seq")
                .bind("seq", seq).mapTo(Long.class).one());
    }

    private static long lastSeq(TestTill till) {
        return till.ledger.read(s -> s.handle().createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events")
                .mapTo(Long.class).one());
    }

    private static void sell(TestTill till) {
        assertThat(till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), "c1"))).isInstanceOf(Checkout.Completed.class);
    }
}
