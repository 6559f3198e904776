package io.chainpos.till.ui.app;

import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A till with its catalog, owner and manager, its window open headless in English unless the subclass picks
 * another language; the subclass says what is set up.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ScreenTestBase {
    @TempDir
    Path dir;
    ScreenTill till;
    ScreenDriver screen;

    /** Whether a shift is open before the window opens. */
    boolean shiftOpen() {
        return true;
    }

    /** The computer's language the window opens in; the till's settings leave it to the computer. */
    Locale language() {
        return Locale.ENGLISH;
    }

    /** What the screen says in the language it opened in, each written out by hand. */
    String say(String english, String chinese) {
        return language().getLanguage().equals("zh") ? chinese : english;
    }

    /** Anything recorded before the window opens (a member, an earlier sale). */
    void before(TestTill ready) {
    }

    /** Called from each test class's own {@code @Start} (TestFX looks for it on the test class itself). */
    void open(Stage stage) {
        till = ScreenTill.ready(dir, Clock.system(TestTill.SHANGHAI), shiftOpen());
        before(till.till);
        screen = new ScreenDriver(new FxRobot());
        screen.open(stage, till, dir, language());
    }

    @AfterEach
    void stop() throws Exception {
        screen.close();
        till.close();
    }

    /** Signs the owner in and waits for the sale screen. */
    void signInAsOwner() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER).waitFor("#scan-field");
    }
}
