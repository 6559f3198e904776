package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.testing.ScreenDriver;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/** Holding a sale to serve someone else, then recalling it from the list, on the real screens. */
class HoldAndRecallScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aHeldSaleIsRecalledWithItsLines(FxRobot robot) {
        signInAsOwner();

        screen.scan("6901234567892").scan("6901234567892").waitForText("#total", "¥7.00");
        screen.press(KeyCode.F7).waitForText("#total", "¥0.00").waitForText("#notice", "Held as #1");
        screen.write("100002").press(KeyCode.ENTER).waitForText("#total", "¥8.00");
        screen.press(KeyCode.F7).waitForText("#total", "¥0.00");

        screen.press(KeyCode.F8).waitFor("#choices");
        assertThat(ScreenDriver.fx(() -> robot.lookup("#choices").queryAs(ListView.class).getItems().size())).isEqualTo(2);
        screen.press(KeyCode.ENTER).waitUntilGone("#choices");

        screen.waitForText("#total", "¥7.00");
        assertThat(screen.text("#notice")).contains("Recalled #1");
        assertThat(till.till.session("owner").heldSales()).extracting(h -> h.holdNo()).containsExactly(2);
    }
}
