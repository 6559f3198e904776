package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof the issue asks for: with the network printer unplugged (its address refuses connections) a sale
 * completes and commits, the cashier is told, and the receipt prints once a printer answers at that address.
 */
class PrintingWhileUnpluggedTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aSaleCommitsWhileThePrinterIsUnpluggedAndItsReceiptPrintsWhenItIsBack() throws Exception {
        int port = LoopbackPrinter.refusingPort();
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.TCP,
                     "127.0.0.1:" + port, Language.ZH), clock)) {

            Checkout.Result result = till.sell(new TestTill.Sale(
                    List.of(new TestTill.Line(HeadOfficeEvents.COLA_BARCODE, 2000)), null,
                    List.of(new Tender(TenderMethod.CASH, 1000, null)), "cashier-01"));

            assertThat(result).isInstanceOf(Checkout.Completed.class);
            ReceiptNo receipt = ((Checkout.Completed) result).sale().receiptNo();
            Optional<SaleId> committed = till.ledger.read(s -> till.sales.findByReceipt(s, receipt));
            assertThat(committed).isPresent();
            await().untilAsserted(() -> assertThat(devices.printer().status()).satisfies(status -> {
                assertThat(status.condition()).isEqualTo(PrinterCondition.OFFLINE);
                assertThat(status.waiting()).isEqualTo(1);
                assertThat(status.detail()).contains("127.0.0.1:" + port);
            }));
            assertThat(devices.waitingPrintouts()).singleElement()
                    .satisfies(job -> assertThat(job.reference()).isEqualTo(receipt.value()));

            try (LoopbackPrinter printer = new LoopbackPrinter(port)) {
                await().untilAsserted(() -> assertThat(printer.printoutsCut()).isEqualTo(1));
                List<String> lines = EscPosReader.lines(printer.received());
                assertThat(lines).contains("销售小票", "可口可乐 330ml")
                        .anyMatch(l -> l.startsWith("小票号") && l.endsWith(receipt.value()))
                        .anyMatch(l -> l.startsWith("找零") && l.endsWith("3.00"));
                assertThat(EscPosReader.read(printer.received()))
                        .contains(new EscPosReader.Command("STATUS_REQUEST", 1));
                await().untilAsserted(() -> assertThat(devices.printer().status().condition()).isEqualTo(PrinterCondition.READY));
                assertThat(devices.waitingPrintouts()).isEmpty();
            }
        }
    }

    @Test
    void aNetworkPrinterOutOfPaperSaysSoOverTheWireAndPrintsWhenRefilled() throws Exception {
        try (LoopbackPrinter printer = new LoopbackPrinter(0);
             TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.TCP,
                     "127.0.0.1:" + printer.port(), Language.EN), clock)) {
            printer.condition(PrinterCondition.PAPER_OUT);

            till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                    List.of(new Tender(TenderMethod.CASH, 800, null)), "cashier-01"));

            await().untilAsserted(() -> assertThat(devices.printer().status().forCashier())
                    .isEqualTo("printer out of paper: 1 receipt waiting; they print when it is back"));
            assertThat(printer.printoutsCut()).isZero();

            printer.condition(PrinterCondition.READY);

            await().untilAsserted(() -> assertThat(printer.printoutsCut()).isEqualTo(1));
            assertThat(EscPosReader.lines(printer.received())).contains("SALES RECEIPT");
        }
    }

    @Test
    void aNetworkPrinterThatNeverAnswersIsTimedOutNotWaitedOnForever() throws Exception {
        try (LoopbackPrinter printer = new LoopbackPrinter(0);
             TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.TCP,
                     "127.0.0.1:" + printer.port(), Language.EN), clock)) {
            printer.answering(false);

            till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                    List.of(new Tender(TenderMethod.CASH, 800, null)), "cashier-01"));

            await().untilAsserted(() -> assertThat(devices.printer().status()).satisfies(status -> {
                assertThat(status.condition()).isEqualTo(PrinterCondition.TIMEOUT);
                assertThat(status.waiting()).isEqualTo(1);
            }));
            printer.answering(true);
            await().untilAsserted(() -> assertThat(printer.printoutsCut()).isEqualTo(1));
        }
    }
}
