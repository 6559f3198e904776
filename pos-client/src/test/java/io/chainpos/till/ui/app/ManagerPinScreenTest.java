package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The manager's PIN on the real screens: a cashier voids a sale, the PIN prompt opens over the sale (a scan made
 * meanwhile rings nothing up), a wrong PIN is refused in place and nothing is voided, the manager's PIN voids it and
 * the void is recorded with who approved it.
 */
class ManagerPinScreenTest extends ScreenTestBase {
    private static final String CASHIER_PIN = "1357";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    void before(TestTill ready) {
        ready.setUpStaff.save("cashier", "李收银", StaffAccountSet.Role.CASHIER, CASHIER_PIN, TestTill.OWNER_PIN);
    }

    @Test
    void aVoidWaitsForTheManagersPinAndAWrongOneVoidsNothing(FxRobot robot) {
        screen.waitFor("#sign-in-pin").write(CASHIER_PIN).press(KeyCode.ENTER).waitFor("#scan-field");
        screen.scan("6901234567892").scan("6901234567892").waitForText("#total", "¥7.00");

        screen.press(KeyCode.F11).waitFor("#manager-pin");
        assertThat(screen.text("#dialog-prompt")).contains("voiding this sale of ¥7.00");
        screen.scan("6901234567892");
        screen.write("0000").press(KeyCode.ENTER).waitUntilGone("#manager-pin");
        screen.waitForText("#sale-screen #notice", "Voiding a sale needs a manager's PIN");
        assertThat(screen.text("#total")).as("nothing voided, and the scan during the PIN rang nothing up")
                .isEqualTo("¥7.00");
        assertThat(ScreenDriver.fx(() -> Window.getWindows().size())).isEqualTo(1);

        screen.press(KeyCode.F11).waitFor("#manager-pin").write(TestTill.MANAGER_PIN).press(KeyCode.ENTER);
        screen.waitUntilGone("#manager-pin").waitForText("#total", "¥0.00").waitForText("#sale-screen #notice", "voided");

        SaleVoided voided = till.till.ledger.read(s -> s.handle().createQuery(
                        "SELECT envelope FROM ledger_events WHERE type = 'SaleVoided'")
                .map((rs, ctx) -> (SaleVoided) till.till.codec.fromJson(rs.getString(1)).payload()).one());
        assertThat(voided.approvedBy()).isEqualTo("manager");
        assertThat(voided.cashier()).isEqualTo("cashier");
        assertThat(voided.amount()).isEqualTo(700);
    }
}
