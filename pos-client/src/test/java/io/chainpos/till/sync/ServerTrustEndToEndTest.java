package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.TestServer;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till and the real server over HTTPS on loopback, with the till's real OkHttp client and certificates made in
 * the test: the till enrolls trusting the chain's CA and pins the server's key; a man in the middle with a certificate
 * for the same host from another CA, or from the same CA with another key, is refused before anything is sent, the
 * cashier is told in words, and the till sells on offline until its own server is back.
 */
class ServerTrustEndToEndTest {
    private final ManualClock clock = new ManualClock(TestServer.START.plusSeconds(3600));
    private final List<AutoCloseable> open = new java.util.ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Test
    void aTillPinsTheKeyItEnrolledWithAndRefusesAnImpostorWhileSellingOnOffline() throws Exception {
        TestServer server = opened(TestServer.startHttps(dir.resolve("server"), TestServer.settings(true)));
        TestTill till = opened(new TestTill(dir.resolve("till.db"), clock));
        ServerTrust trust = ServerTrust.load(till.ledger, Optional.of(server.certificates().caFile()));
        OkHttpClient http = OkHttpSyncApi.client(trust.pinned());
        OkHttpClient enrolling = OkHttpSyncApi.client(trust.enrolling());
        EnrollTill enroll = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(enrolling, till.codec, () -> url, () -> null), trust);

        assertThat(enroll.enroll(server.uri().toString(), server.enrollmentCode("S001", "S001-T1")))
                .isInstanceOf(EnrollTill.Enrolled.class);
        assertThat(trust.pinnedKey()).contains(ServerTrust.keyPin(server.certificate()));
        assertThat(ServerTrust.load(till.ledger, Optional.empty()).pinnedKey()).as("kept in the ledger")
                .contains(ServerTrust.keyPin(server.certificate()));

        ServerAddress address = new ServerAddress(till.ledger);
        SyncAgent agent = opened(new SyncAgent(till.ledger, new OkHttpSyncApi(http, till.codec, () -> address.url().orElseThrow(),
                address::token), clock, new Random(1), SyncAgent.Settings.defaults()));
        SyncWatch watch = new SyncWatch(till.ledger, agent, clock);
        till.shifts.open("c1", 10_000);
        watch.syncNow();
        assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);

        // A man in the middle with a certificate for the same host names from another CA.
        TestServer otherCa = opened(TestServer.startHttps(dir.resolve("mitm-ca"), TestServer.settings(false)));
        address.change(otherCa.uri().toString());
        sell(till);
        assertThatThrownBy(watch::syncNow).isInstanceOfSatisfying(ServerNotTrustedException.class,
                e -> assertThat(e.keyChanged()).isFalse());
        assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.UNTRUSTED);
        assertThat(watch.status().problem()).isEqualTo(TillMessage.of(TillMessage.Code.SERVER_NOT_TRUSTED));
        assertThat(otherCa.ports.log().isEmpty()).as("nothing reached the impostor").isTrue();

        // One from the chain's own CA, but with another key than the one the till enrolled with.
        TestServer sameCa = opened(TestServer.startHttps(dir.resolve("mitm-key"), TestServer.settings(false), server.certificates()));
        address.change(sameCa.uri().toString());
        sell(till);
        assertThatThrownBy(watch::syncNow).isInstanceOfSatisfying(ServerNotTrustedException.class,
                e -> assertThat(e.keyChanged()).isTrue());
        assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.UNTRUSTED);
        assertThat(watch.status().problem()).isEqualTo(TillMessage.of(TillMessage.Code.SERVER_KEY_CHANGED));
        assertThat(sameCa.ports.log().isEmpty()).as("nothing reached the impostor").isTrue();
        assertThat(till.ledger.syncMarks().pendingCount()).as("both sales kept, waiting").isPositive();

        // Its own server back: everything sold meanwhile goes up.
        address.change(server.uri().toString());
        watch.syncNow();
        assertThat(watch.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);
        assertThat(till.ledger.syncMarks().pendingCount()).isZero();

        // A server whose certificate was really replaced is accepted by enrolling again, which pins the new key.
        assertThat(enroll.enroll(sameCa.uri().toString(), sameCa.enrollmentCode("S001", "S001-T1")))
                .isInstanceOf(EnrollTill.Enrolled.class);
        assertThat(trust.pinnedKey()).contains(ServerTrust.keyPin(sameCa.certificate()));
        for (OkHttpClient client : List.of(http, enrolling)) {
            client.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void withoutTheChainCaTheTillCannotEnrollWithAPrivatelySignedServer() throws Exception {
        TestServer server = opened(TestServer.startHttps(dir.resolve("server"), TestServer.settings(false)));
        TestTill till = opened(new TestTill(dir.resolve("till.db"), clock));
        ServerTrust trust = ServerTrust.load(till.ledger, Optional.empty());
        OkHttpClient enrolling = OkHttpSyncApi.client(trust.enrolling());

        EnrollTill.Result result = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(enrolling, till.codec, () -> url, () -> null),
                trust).enroll(server.uri().toString(), server.enrollmentCode("S001", "S001-T1"));

        assertThat(result).isInstanceOfSatisfying(EnrollTill.Unreachable.class,
                r -> assertThat(r.reason()).isEqualTo(TillMessage.of(TillMessage.Code.SERVER_NOT_TRUSTED)));
        assertThat(till.ledger.identity()).isEmpty();
        enrolling.dispatcher().executorService().shutdown();
    }

    private static void sell(TestTill till) {
        assertThat(till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), "c1"))).isInstanceOf(Checkout.Completed.class);
    }
}
