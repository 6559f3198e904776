package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.sale.Refunds;
import io.chainpos.till.device.printer.EscPosReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * A refund by receipt scan on the real screens: a sale is rung up and paid, its receipt prints with the receipt
 * number as a barcode, the customer comes back, the cashier opens the refund screen and scans that barcode, and
 * one product goes back to the cash it was paid in. A receipt number that is no sale is said so in place.
 */
class RefundScreenTest extends ScreenTestBase {
    // RefundScreenChineseTest runs the same on the Chinese screens.

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theReceiptsBarcodeIsScannedAndOneProductGoesBackToTheCashItWasPaidIn() {
        signInAsOwner();
        screen.write("100002").press(KeyCode.ENTER).scan("6901234567892").scan("6901234567892");
        screen.waitForText("#total", "¥15.00");
        screen.press(KeyCode.F12).waitFor("#pay-amount").write("20").press(KeyCode.ENTER);
        screen.waitForText("#pay-done", "S001-T1-1-000001").press(KeyCode.ENTER).waitUntilGone("#payment");

        AtomicReference<String> printed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Files.exists(till.printerFile())).isTrue();
            List<String> codes = EscPosReader.scannable(Files.readAllBytes(till.printerFile()));
            assertThat(codes).isNotEmpty();
            printed.set(codes.getLast());
        });
        assertThat(printed.get()).as("what a scanner reads off the receipt").contains("S001-T1-1-000001");

        screen.press(KeyCode.F9).waitFor("#refund-receipt");
        screen.scan(printed.get());
        screen.waitForText("#refund-screen #notice", say("Set how much", "设置每件商品退回的数量")).waitFor("#refund-qty-100001");
        assertThat(screen.text("#refund-receipt")).isEqualTo(printed.get());
        screen.click("#refund-qty-100001");
        screen.press(KeyCode.END, KeyCode.BACK_SPACE).write("0");
        assertThat(screen.text("#refund-left-100002")).isEqualTo("1");
        screen.press(KeyCode.ENTER).waitForText("#refund-done", say("Refunded ¥8.00 to Cash ¥8.00", "已退款 ¥8.00，退回到 现金 ¥8.00"));
        screen.waitForText("#refund-left-100002", "0");
        assertThat(screen.text("#refund-left-100001")).as("the screen shows what is left now").isEqualTo("2");

        List<Refunds.Refundable> left = till.till.refunds.refundable("S001-T1-1-000001").orElseThrow();
        assertThat(left).extracting(Refunds.Refundable::qtyMilli).containsExactly(0L, 2000L);

        screen.press(KeyCode.ENTER).waitUntilGone("#refund-screen");
        screen.press(KeyCode.F9).waitFor("#refund-receipt").write("S001-T1-1-999999").press(KeyCode.ENTER)
                .waitForText("#refund-screen #notice", say("No sale with receipt S001-T1-1-999999",
                        "本店没有小票号为 S001-T1-1-999999 的交易"));
    }
}
