package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.TillMessage;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.testing.ScreenDriver;
import java.nio.file.Files;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The settings on the real screens: the owner opens them with Ctrl+O; a value that cannot be used is listed by its
 * setting and nothing is saved; once right, it is saved to till.properties and the till uses it.
 */
class SettingsScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aWrongValueIsListedAndNothingSavedThenTheRightOneIsSaved(FxRobot robot) throws Exception {
        signInAsOwner();
        screen.ctrl(KeyCode.O).waitFor("#settings-screen").waitFor("#setting-printer-transport");
        screen.waitForText("#setting-discount-limit", "10");

        typeOver(robot, "#setting-discount-limit", "abc");
        screen.press(KeyCode.F12).waitForText("#settings-screen #notice", "nothing was saved");
        assertThat(ScreenDriver.fx(() -> robot.lookup("#settings-problems").queryAs(ListView.class).getItems()))
                .singleElement().isEqualTo(TillMessage.of(TillMessage.Code.SETTING_NOT_WHOLE_NUMBER,
                        "sale.cashierDiscountLimitPercent", "abc"));
        assertThat(problemShown(robot)).isEqualTo("sale.cashierDiscountLimitPercent: 'abc' is not a whole number.");
        assertThat(Files.exists(new TillSettingsFile(dir).path())).as("nothing written").isFalse();

        typeOver(robot, "#setting-discount-limit", "5");
        screen.press(KeyCode.F12).waitForText("#settings-screen #notice", "Saved");
        assertThat(new TillSettingsFile(dir).load().cashierDiscountLimitPercent()).isEqualTo(5);
        assertThat(screen.showing("#settings-problems")).isFalse();

        screen.press(KeyCode.ESCAPE).waitUntilGone("#settings-screen").waitFor("#scan-field");
    }

    @Test
    void aWrongValueIsListedInChineseOnChineseScreens(FxRobot robot) throws Exception {
        signInAsOwner();
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#key-pay", "结账");
        screen.ctrl(KeyCode.O).waitFor("#settings-screen").waitFor("#setting-printer-transport");
        screen.waitForText("#setting-discount-limit", "10");

        typeOver(robot, "#setting-discount-limit", "abc");
        screen.press(KeyCode.F12).waitForText("#settings-screen #notice", "未保存任何内容");
        assertThat(problemShown(robot)).isEqualTo("sale.cashierDiscountLimitPercent：“abc”不是整数。");
        assertThat(new TillSettingsFile(dir).load().cashierDiscountLimitPercent()).as("nothing written").isEqualTo(10);
    }

    /** The problem as the list's cell shows it. */
    private String problemShown(FxRobot robot) {
        return ScreenDriver.fx(() -> robot.lookup("#settings-problems .list-cell").queryAll().stream()
                .map(node -> ((javafx.scene.control.ListCell<?>) node).getText()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null));
    }

    /** Scrolled to and focused (it is below the fold of the settings list), its text selected, then typed over. */
    private void typeOver(FxRobot robot, String id, String text) {
        ScreenDriver.fx(() -> {
            TextField field = robot.lookup(id).queryAs(TextField.class);
            field.requestFocus();
            field.selectAll();
            return null;
        });
        screen.write(text);
    }
}
