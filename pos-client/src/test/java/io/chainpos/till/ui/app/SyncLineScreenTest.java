package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.till.AppStartup;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The red "sync failed" line on the sale screen, against the real sync server on loopback: the till's sync is pointed
 * at a closed port, a sync typed by the cashier fails and says so in the till's words (no exception's text), then the
 * sync goes to the server again and the line goes by itself once a round goes through, as the top bar turns online.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncLineScreenTest {
    // SyncLineScreenChineseTest runs the same on the Chinese screens.
    @TempDir
    Path dir;
    private final AtomicBoolean closedPort = new AtomicBoolean();
    private RealServer server;
    private TestTill till;
    private AppStartup startup;
    private OkHttpClient http;
    private ScreenDriver screen;

    /** The computer's language the window opens in. */
    Locale language() {
        return Locale.ENGLISH;
    }

    /** What the screen says in the language it opened in, each written out by hand. */
    String say(String english, String chinese) {
        return language().getLanguage().equals("zh") ? chinese : english;
    }

    @Start
    void start(Stage stage) throws IOException {
        Clock clock = Clock.system(TestTill.SHANGHAI);
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        till = new TestTill(dir.resolve("till").resolve("till.db"), clock);
        http = OkHttpSyncApi.defaultClient();
        startup = new AppStartup(till.ledger, till.codec, clock, dir.resolve("till"),
                (url, token) -> new OkHttpSyncApi(http, till.codec, () -> closedPort.get() ? nobody : url.get(), token),
                TillSettings.defaults());
        assertThat(startup.enroll(server.uri().toString(), server.enrollmentCode("S001", "S001-T1")))
                .isInstanceOf(EnrollTill.Enrolled.class);
        till.withStaff();
        till.shifts.open("owner", 50_000);
        screen = new ScreenDriver(new FxRobot());
        screen.open(stage, startup, dir.resolve("till"), language());
    }

    /** A port nothing listens on: taken from the system, then let go. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        screen.close();
        startup.close();
        till.close();
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aFailedSyncLineGoesByItselfOnceTheServerAnswersAgain() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER).waitFor("#scan-field");
        screen.waitForText("#status-sync", say("Online", "在线"));

        closedPort.set(true);
        screen.ctrl(KeyCode.S).waitForText("#sale-screen #notice", say("Sync failed: Cannot reach the server.",
                "同步失败：无法连接服务器。"));
        assertThat(screen.text("#sale-screen #notice")).as("the till's words, not the exception's")
                .doesNotContain("127.0.0.1").doesNotContainIgnoringCase("failed to connect").doesNotContain("Exception");
        screen.waitForText("#status-sync", say("Offline", "离线"));

        closedPort.set(false);
        // The agent's next round (after its backoff, or when its held pull returns) goes through by itself.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(screen.showing("#status-sync") ? screen.text("#status-sync") : "").startsWith(say("Online", "在线")));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(screen.showing("#sale-screen #notice") ? screen.text("#sale-screen #notice") : "")
                        .doesNotContain(say("Sync failed", "同步失败")));
    }
}
