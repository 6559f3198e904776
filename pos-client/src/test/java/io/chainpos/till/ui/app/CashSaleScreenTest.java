package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.device.printer.EscPosReader;
import io.chainpos.till.testing.ScreenDriver;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/**
 * A cash sale on the real screens, headless: sign in, scan two cans and type a SKU, pay 20 in cash on the payment
 * screen, see the change large, and find the sale in the ledger and its receipt on the printer.
 */
class CashSaleScreenTest extends ScreenTestBase {
    // CashSaleScreenChineseTest runs the same on the Chinese screens.

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aCashSaleShowsTheChangeLargeRecordsTheSaleAndPrintsItsReceipt(FxRobot robot) throws Exception {
        signInAsOwner();

        screen.scan("6901234567892").scan("6901234567892");
        screen.write("100002").press(KeyCode.ENTER);
        screen.waitForText("#total", "¥15.00");
        assertThat(screen.text("#notice")).contains("全麦面包");

        screen.press(KeyCode.F12).waitFor("#pay-amount").write("20");
        screen.waitForText("#pay-change", "¥5.00");
        screen.press(KeyCode.ENTER).waitForText("#pay-done", "S001-T1-1-000001");
        assertThat(screen.text("#pay-change")).isEqualTo(say("Change ¥5.00", "找零 ¥5.00"));

        SaleCompleted sale = till.till.ledger.read(s -> till.till.sales.saleByReceipt(s, "S001-T1-1-000001")).orElseThrow();
        assertThat(sale.total()).isEqualTo(1500);
        assertThat(sale.change()).isEqualTo(500);
        assertThat(sale.tenders()).containsExactly(new Tender(TenderMethod.CASH, 2000, null));
        assertThat(sale.cashier()).isEqualTo("owner");

        screen.press(KeyCode.ENTER).waitUntilGone("#payment");
        screen.waitForText("#total", "¥0.00").waitForText("#last-sale", "S001-T1-1-000001");
        assertThat(ScreenDriver.fx(() -> robot.lookup("#scan-field").query().isFocused()))
                .as("the scan field is ready for the next customer").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.exists(till.printerFile())
                && EscPosReader.lines(Files.readAllBytes(till.printerFile())).stream()
                .anyMatch(line -> line.contains("S001-T1-1-000001"))).isTrue());
        List<String> receipt = EscPosReader.lines(Files.readAllBytes(till.printerFile()));
        assertThat(receipt).as("the slip names the cashier as people know them, not by sign-in id")
                .anyMatch(line -> line.contains("店主")).noneMatch(line -> line.matches(".*\\bowner\\b.*"));
    }
}
