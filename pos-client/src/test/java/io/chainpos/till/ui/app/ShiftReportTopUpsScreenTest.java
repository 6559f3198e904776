package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The X report on screen, in both languages, after an ¥8 cash sale and a ¥100 cash stored-value top-up on a ¥500
 * float: the sales takings in cash are the ¥8 alone (once they read '现金 2 · ¥108.00'), the top-up has a line of its
 * own, and the cash expected in the drawer counts both.
 */
class ShiftReportTopUpsScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Recorded while the sale screen shows, not before the window opens (that is the screen's set-up, timed). */
    private void sellAndTopUp() {
        TestTill ready = till.till;
        assertThat(ready.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), "owner"))).isInstanceOf(Checkout.Completed.class);
        RegisterMember.Registered member = (RegisterMember.Registered) ready.registerMember.register(
                new RegisterMember.Request("13800000001", "张伟", Gender.MALE, null, true));
        assertThat(ready.topUp.topUp(new TopUp.Request(member.member().memberId(), 10_000,
                List.of(new Tender(TenderMethod.CASH, 10_000, null)), "owner"))).isInstanceOf(TopUp.ToppedUp.class);
    }

    @Test
    void theTopUpIsApartFromTheSalesTakingsInEnglish() {
        signInAsOwner();
        sellAndTopUp();
        screen.press(KeyCode.F10).waitFor("#shift-report").waitForText("#report-expected", "¥608.00");

        assertThat(screen.text("#report-tender-cash")).isEqualTo("1 · ¥8.00");
        assertThat(screen.text("#report-topUp-cash")).isEqualTo("1 · ¥100.00");
        assertThat(screen.text("#report-topUps")).isEqualTo("1 · ¥100.00");
        assertThat(labels()).contains("Cash", "Top-ups taken · Cash");
    }

    @Test
    void theTopUpIsApartFromTheSalesTakingsInChinese(FxRobot robot) {
        signInAsOwner();
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        screen.waitForText("#key-pay", "结账");
        sellAndTopUp();
        screen.press(KeyCode.F10).waitFor("#shift-report").waitForText("#report-expected", "¥608.00");

        assertThat(screen.text("#report-tender-cash")).isEqualTo("1 · ¥8.00");
        assertThat(screen.text("#report-topUp-cash")).isEqualTo("1 · ¥100.00");
        assertThat(labels()).contains("现金", "充值收款 · 现金", "储值充值");
    }

    private static List<String> labels() {
        return ScreenDriver.fx(() -> new FxRobot().lookup("#shift-report .label").queryAll().stream()
                .map(node -> ((Labeled) node).getText()).toList());
    }
}
