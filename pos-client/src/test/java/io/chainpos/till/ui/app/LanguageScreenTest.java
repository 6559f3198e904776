package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The screens switch between English and Chinese at once, and the till remembers the choice. */
class LanguageScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlLSwitchesEveryTextToChineseAndBackAndIsRemembered(FxRobot robot) throws Exception {
        signInAsOwner();
        assertThat(screen.text("#key-pay")).isEqualTo("F12\nPay");
        assertThat(screen.text("#status-cashier")).isEqualTo("Cashier 店主");

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#key-pay", "结账");

        assertThat(screen.text("#key-member")).isEqualTo("F1\n会员");
        assertThat(screen.text("#status-cashier")).isEqualTo("收银员 店主");
        assertThat(screen.text("#key-language")).isEqualTo("Ctrl+L\nEnglish");
        screen.settle();
        assertThat(new TillSettingsFile(dir).load().language()).isEqualTo(TillSettings.Language.ZH_CN);

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#key-pay", "Pay");
        screen.settle();
        assertThat(new TillSettingsFile(dir).load().language()).isEqualTo(TillSettings.Language.EN);
    }
}
