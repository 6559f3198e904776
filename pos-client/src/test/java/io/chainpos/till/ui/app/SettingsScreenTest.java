package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

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
                .singleElement().asString().contains("sale.cashierDiscountLimitPercent").contains("abc");
        assertThat(Files.exists(new TillSettingsFile(dir).path())).as("nothing written").isFalse();

        typeOver(robot, "#setting-discount-limit", "5");
        screen.press(KeyCode.F12).waitForText("#settings-screen #notice", "Saved");
        assertThat(new TillSettingsFile(dir).load().cashierDiscountLimitPercent()).isEqualTo(5);
        assertThat(screen.showing("#settings-problems")).isFalse();

        screen.press(KeyCode.ESCAPE).waitUntilGone("#settings-screen").waitFor("#scan-field");
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
