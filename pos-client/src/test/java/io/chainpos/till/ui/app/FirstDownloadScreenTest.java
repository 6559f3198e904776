package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.AppStartup;
import io.chainpos.till.member.Member;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.CuttingProxy;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.SyncedTill;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ProgressBar;
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
 * A new till in a chain older than the retention, on the real first-run screen against the real server, its network
 * held still partway through the snapshot by a relay on loopback: while the owner's account is set up, the screen
 * shows a bar part-filled, what is loading, how much of how much and the time left; once the network goes on, the
 * bar goes and the chain's members are on the till.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirstDownloadScreenTest {
    // FirstDownloadScreenChineseTest runs the same on the Chinese screens.
    static final Duration RETENTION = Duration.ofDays(30);
    @TempDir
    Path dir;
    private RealServer server;
    private CuttingProxy relay;
    private TestTill till;
    private AppStartup startup;
    private OkHttpClient http;
    private ScreenDriver screen;
    private final List<Member> members = new ArrayList<>();

    Locale language() {
        return Locale.ENGLISH;
    }

    String say(String english, String chinese) {
        return language().getLanguage().equals("zh") ? chinese : english;
    }

    @Start
    void start(Stage stage) throws Exception {
        ManualClock serverClock = new ManualClock(Clock.systemUTC().instant());
        server = RealServer.startOn(dir.resolve("server.db").toString(), serverClock, RETENTION, true);
        try (SyncedTill storeA = SyncedTill.enroll(dir.resolve("a.db"), serverClock, server::uri,
                server.enrollmentCode("S001", "S001-T1"))) {
            storeA.sync();
            for (int i = 0; i < 300; i++) {
                members.add(storeA.register("1361234%04d".formatted(i), "会员" + i));
            }
            storeA.sync();
        }
        serverClock.advance(RETENTION.plusDays(10)); // the chain's history is older than the server replays
        relay = new CuttingProxy(() -> server.uri().getPort());
        relay.stall(12_000);
        Clock clock = Clock.system(TestTill.SHANGHAI);
        till = new TestTill(dir.resolve("till").resolve("till.db"), clock);
        http = OkHttpSyncApi.defaultClient();
        startup = new AppStartup(till.ledger, till.codec, clock, dir.resolve("till"),
                (url, token) -> new OkHttpSyncApi(http, till.codec, url, token), TillSettings.defaults());
        screen = new ScreenDriver(new FxRobot());
        screen.open(stage, startup, dir.resolve("till"), language());
    }

    @AfterEach
    void stop() throws Exception {
        relay.release();
        screen.close();
        startup.close();
        till.close();
        relay.close();
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void theFirstDownloadShowsWhatLoadsHowFarAndTheTimeLeft() {
        String code = server.enrollmentCode("S002", "S002-T1");
        screen.waitFor("#setup-server").click("#setup-server").press(KeyCode.END).write(relay.uri().toString()
                .substring("http://".length()));
        screen.click("#setup-code").write(code).press(KeyCode.ENTER);
        screen.waitFor("#setup-owner-name");
        await().atMost(Duration.ofSeconds(20)).until(relay::stalled);

        screen.waitForText("#setup-progress-text", say("Downloading members and products: ", "下载会员与商品："));
        String shown = screen.text("#setup-progress-text");
        assertThat(shown).as("how much of how much, and the time left")
                .matches(say("Downloading members and products: \\d+ KB of \\d+ KB · about \\d+ (s|min) left",
                        "下载会员与商品：\\d+ KB / \\d+ KB · 剩余约 \\d+ (秒|分钟)"));
        double filled = ScreenDriver.fx(() -> ((ProgressBar) screen.window().scene().lookup("#setup-progress-bar")).getProgress());
        assertThat(filled).as("part of the bar").isStrictlyBetween(0.0, 1.0);

        relay.release();

        screen.waitUntilGone("#setup-progress");
        Member first = members.getFirst();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Member> found = till.ledger.read(s -> till.members.findByPhone(s, "13612340000"));
            assertThat(found).extracting(Member::memberId).containsExactly(first.memberId());
        });
        assertThat(dir.resolve("till").resolve("snapshot").resolve("snapshot.json.gz")).doesNotExist();
    }
}
