package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.TestServer;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.ledger.ServerLink;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server refuses a till whose token it no longer knows: the server answers its stable code beside English
 * words, and the till tells the cashier by that code in the till's own words, in Chinese or English, never with the
 * server's detail or an exception's text.
 */
class ServerRefusalInWordsEndToEndTest {
    private final ManualClock clock = new ManualClock(TestServer.START.plusSeconds(3600));
    @TempDir
    Path dir;

    @Test
    void aTokenTheServerNoLongerKnowsIsSaidInTheTillsWords() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("server"));
             TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            till.ledger.registration().link(new ServerLink(server.uri().toString(), "a-token-the-server-never-gave"));
            ServerAddress address = new ServerAddress(till.ledger);
            OkHttpClient http = new OkHttpClient();
            try (SyncAgent agent = new SyncAgent(till.ledger, new OkHttpSyncApi(http, till.codec,
                    () -> address.url().orElseThrow(), address::token), clock, new Random(1), SyncAgent.Settings.defaults())) {
                SyncWatch watch = new SyncWatch(till.ledger, agent, clock);

                assertThatThrownBy(watch::syncNow).isInstanceOfSatisfying(SyncRefusedException.class,
                        e -> assertThat(e.error().error()).as("the server's stable code").isEqualTo("unauthorized"));

                SyncStatus status = watch.status();
                assertThat(status.connection()).isEqualTo(SyncStatus.Connection.REFUSED);
                assertThat(status.problem()).isEqualTo(TillMessage.of(TillMessage.Code.SERVER_REJECTS_THIS_TILL));
                assertThat(TillWords.say(status.problem(), Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("服务器不再接受本收银台：请用新的注册码重新注册。");
                assertThat(TillWords.say(status.problem(), Locale.ENGLISH))
                        .isEqualTo("The server no longer accepts this till: enroll it again with a new code.");
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }
}
