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

    @Test
    void aRefusalIsSaidInTheLanguageShownAndFollowsASwitch(FxRobot robot) {
        signInAsOwner();
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#key-pay", "结账");

        screen.scan("4006381333931").waitForText("#sale-screen #notice", "找不到商品编码 4006381333931。");
        screen.scan("6901234000017").waitForText("#sale-screen #notice", "6901234000017 的校验位不对：请重新扫描或手工输入。");

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#sale-screen #notice", "The check digit of 6901234000017 is wrong: scan it again or type it.");
        screen.scan("4006381333931").waitForText("#sale-screen #notice", "Unknown product code 4006381333931.");
        assertThat(screen.text("#total")).isEqualTo("¥0.00");
    }
}
