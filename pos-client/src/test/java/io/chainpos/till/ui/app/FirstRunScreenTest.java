package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.AppStartup;
import io.chainpos.till.catalog.SearchProducts;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.staff.SignIn;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * A new till's first run on the real screens, against the real sync server on loopback: the owner types the server's
 * address and head office's code, the till enrolls and fetches the catalog, the owner's account is set up, and the
 * lock screen takes the owner's PIN.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirstRunScreenTest {
    // FirstRunScreenChineseTest runs the same on the Chinese screens.
    @TempDir
    Path dir;
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
    void start(Stage stage) {
        Clock clock = Clock.system(TestTill.SHANGHAI);
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        till = new TestTill(dir.resolve("till").resolve("till.db"), clock);
        http = OkHttpSyncApi.defaultClient();
        startup = new AppStartup(till.ledger, till.codec, clock, dir.resolve("till"),
                (url, token) -> new OkHttpSyncApi(http, till.codec, url, token), TillSettings.defaults());
        screen = new ScreenDriver(new FxRobot());
        screen.open(stage, startup, dir.resolve("till"), language());
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
    void aNewTillEnrollsFetchesTheCatalogAndSetsUpItsOwner(FxRobot robot) {
        String code = server.enrollmentCode("S001", "S001-T1");
        screen.waitFor("#setup-server").click("#setup-server").press(KeyCode.END).write(server.uri().toString()
                .substring("http://".length()));
        screen.click("#setup-code").write(code).press(KeyCode.ENTER);

        screen.waitFor("#setup-owner-name").waitForText("#notice", say("Enrolled as till S001-T1 of store S001",
                "已注册为门店 S001 的收银台 S001-T1"));
        assertThat(till.ledger.identity()).hasValueSatisfying(self -> assertThat(self.tillId().value()).isEqualTo("S001-T1"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                new SearchProducts(till.ledger, till.catalog, till.clock).byName("可口可乐", 5)).isNotEmpty());

        screen.click("#setup-owner-name").write("Wang Fang");
        screen.click("#setup-pin").write("5678");
        screen.click("#setup-pin-again").write("5678").press(KeyCode.ENTER);

        screen.waitFor("#sign-in-pin");
        assertThat(new SignIn(till.ledger, till.staff, new io.chainpos.till.staff.PinGuard(till.ledger, till.clock)).signIn("5678")).isInstanceOfSatisfying(SignIn.SignedIn.class,
                in -> assertThat(in.who().role()).isEqualTo(StaffAccountSet.Role.OWNER));
        screen.write("5678").press(KeyCode.ENTER).waitFor("#shift-float");
        assertThat(screen.text("#status-cashier")).isEqualTo(say("Cashier Wang Fang", "收银员 Wang Fang"));
    }

    /**
     * "PIN again" typed quickly, 30 ms a key with Enter at the same pace (as fast as a scanner's slowest burst is
     * slow), is kept as a PIN, never taken for a scan while nobody is signed in: the owner is set up and signs in.
     */
    @Test
    void aPinTypedFastOnTheFirstRunIsKeptAsAPin() {
        String code = server.enrollmentCode("S001", "S001-T1");
        screen.waitFor("#setup-server").click("#setup-server").press(KeyCode.END).write(server.uri().toString()
                .substring("http://".length()));
        screen.click("#setup-code").write(code).press(KeyCode.ENTER);
        screen.waitFor("#setup-owner-name").waitForText("#notice", say("Enrolled as till", "已注册为门店"));

        screen.click("#setup-owner-name").write("Wang Fang");
        screen.click("#setup-pin").writeAt("5678", Duration.ofMillis(30));
        screen.click("#setup-pin-again").writeAt("5678\n", Duration.ofMillis(30));

        screen.waitFor("#sign-in-pin");
        assertThat(screen.noticeNow()).as("no PINs differ").doesNotContain(say("The two PINs differ", "两次输入的密码不一致"));
        screen.write("5678").press(KeyCode.ENTER).waitFor("#shift-float");
        assertThat(screen.text("#status-cashier")).isEqualTo(say("Cashier Wang Fang", "收银员 Wang Fang"));
    }
}
