package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.Sku;
import io.chainpos.till.testing.HeadOfficeEvents;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Goods in and a transfer on the real screens (Ctrl+T): a quantity that is no number is refused in place and nothing
 * is booked; a scanned product is booked in; in Chinese, a transfer to the till's own store is refused and one to
 * another store is sent with its slip code shown.
 */
class StockScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aQuantityThatIsNoNumberIsRefusedThenAScannedProductIsBookedIn() {
        signInAsOwner();
        screen.ctrl(KeyCode.T).waitFor("#stock-screen").waitFor("#stock-code");
        screen.click("#stock-code").write("100001").click("#stock-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("20")
                .press(KeyCode.ENTER);
        screen.click("#stock-code").write("100002").click("#stock-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("abc")
                .press(KeyCode.ENTER);
        screen.waitForText("#stock-screen #notice", "2 products on the list");
        screen.press(KeyCode.F12).waitForText("#stock-screen #notice", "Quantity of 100002: 'abc' is not a number.");
        assertThat(stock(HeadOfficeEvents.COLA)).as("nothing half recorded").isZero();

        screen.press(KeyCode.F9).scan(HeadOfficeEvents.COLA_BARCODE);
        screen.waitForText("#stock-screen #notice", "1 products on the list");
        screen.press(KeyCode.F12).waitForText("#stock-screen #notice", "Goods received as S001-T1-1-G000001: 1 products; 0 discrepancies noted.");
        assertThat(stock(HeadOfficeEvents.COLA)).isEqualTo(1_000);
        screen.press(KeyCode.ESCAPE).waitUntilGone("#stock-screen");
    }

    @Test
    void inChineseATransferToThisStoreIsRefusedAndOneToAnotherIsSentWithItsSlip() {
        signInAsOwner();
        screen.ctrl(KeyCode.L);
        screen.ctrl(KeyCode.T).waitFor("#stock-screen").press(KeyCode.F2);
        screen.waitForText("#stock-mode", "调拨出库");
        screen.click("#stock-party").write("S001").scan(HeadOfficeEvents.COLA_BARCODE);
        screen.press(KeyCode.F12).waitForText("#stock-screen #notice", "调拨须发往其他门店，不能发往本店（S001）。");

        screen.click("#stock-party").press(KeyCode.END, KeyCode.BACK_SPACE, KeyCode.BACK_SPACE, KeyCode.BACK_SPACE, KeyCode.BACK_SPACE)
                .write("S002");
        screen.press(KeyCode.F12).waitForText("#stock-screen #notice", "调拨单 S001-T1-1-T000001 已发往门店 S002：1 种商品在途。");
        assertThat(screen.text("#stock-slip")).startsWith("调拨单：S001-T1-1-T000001/");
        assertThat(stock(HeadOfficeEvents.COLA)).isEqualTo(-1_000);
    }

    private long stock(Sku sku) {
        return till.till.ledger.read(s -> till.till.stockDesk.stock().quantityMilli(s, sku));
    }
}
