package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.sale.Refunds;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** A refund by receipt number on the real screens: look the receipt up, give one product back, in cash. */
class RefundScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }
    private String receipt;

    @Override
    void before(TestTill ready) {
        Checkout.Completed sale = (Checkout.Completed) ready.checkout.complete(new Checkout.Request(List.of(
                new Checkout.LineRequest("100002", 1000), new Checkout.LineRequest("6901234567892", 2000)), null,
                List.of(new Tender(TenderMethod.CASH, 2000, null)), "owner"));
        receipt = sale.sale().receiptNo().value();
    }

    @Test
    void oneProductOfAReceiptGoesBackToTheCashItWasPaidIn() {
        signInAsOwner();

        screen.press(KeyCode.F9).waitFor("#refund-receipt").write(receipt).press(KeyCode.ENTER);
        screen.waitFor("#refund-qty-100001").waitForText("#refund-screen #notice", "Set how much");
        screen.click("#refund-qty-100001");
        screen.press(KeyCode.END, KeyCode.BACK_SPACE).write("0");
        screen.press(KeyCode.ENTER).waitForText("#refund-done", "Refunded ¥8.00 to Cash ¥8.00");

        List<Refunds.Refundable> left = till.till.refunds.refundable(receipt).orElseThrow();
        assertThat(left).extracting(Refunds.Refundable::qtyMilli).containsExactly(0L, 2000L);

        screen.press(KeyCode.ENTER).waitUntilGone("#refund-screen");
        screen.press(KeyCode.F9).waitFor("#refund-receipt").write("S001-T1-1-999999").press(KeyCode.ENTER)
                .waitForText("#refund-screen #notice", "No sale with receipt S001-T1-1-999999");
    }
}
