package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The lock screen's Ctrl+Q closes the till for a manager or the owner only: a passer-by cannot shut the counter. */
class LockScreenTest extends ScreenTestBase {
    // LockScreenChineseTest runs the same on the Chinese screens.
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(stage);
    }

    @Test
    void ctrlQClosesTheTillOnlyAfterAManagersOrTheOwnersPin() {
        screen.waitFor("#sign-in-pin").ctrl(KeyCode.Q).waitForText("#sign-in #notice", say("needs a manager's or the owner's PIN",
                "关闭收银台需要店长或店主密码"));
        assertThat(ScreenDriver.fx(stage::isShowing)).as("no PIN: still open").isTrue();

        screen.write("0000").ctrl(KeyCode.Q).waitForText("#sign-in #notice", say("That PIN is not a staff member's",
                "此密码不属于本店任何员工。"));
        assertThat(ScreenDriver.fx(stage::isShowing)).as("a PIN nobody has: still open").isTrue();

        screen.write(TestTill.MANAGER_PIN).ctrl(KeyCode.Q).settle();
        assertThat(ScreenDriver.fx(stage::isShowing)).as("the manager closed it").isFalse();
    }
}
