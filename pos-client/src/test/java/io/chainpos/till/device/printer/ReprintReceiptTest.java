package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReprintReceiptTest {
    /** A till in Shanghai: receipts print the store's local time. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    @TempDir
    Path dir;

    @Test
    void aReprintByReceiptNumberPrintsTheSameSaleMarkedAsAReprint() throws IOException {
        Path receipts = dir.resolve("receipts.escpos");
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.FILE,
                     receipts.toString(), Language.EN), clock)) {
            SaleCompleted sale = ((Checkout.Completed) till.sell(new TestTill.Sale(
                    List.of(new TestTill.Line("100002", 2000)), null,
                    List.of(new Tender(TenderMethod.CASH, 2000, null)), "cashier-01"))).sale();
            await().untilAsserted(() -> assertThat(cuts(receipts)).isEqualTo(1));
            clock.advance(Duration.ofHours(3));

            ReprintReceipt.Result result = devices.reprint().reprint(" " + sale.receiptNo().value() + " ");

            assertThat(result).isEqualTo(new ReprintReceipt.Queued(sale.receiptNo()));
            await().untilAsserted(() -> assertThat(cuts(receipts)).isEqualTo(2));
            List<String> lines = EscPosReader.lines(Files.readAllBytes(receipts));
            List<String> original = lines.subList(0, lines.indexOf("** REPRINT **"));
            List<String> reprint = lines.subList(lines.indexOf("** REPRINT **"), lines.size());
            assertThat(reprint).anyMatch(l -> l.startsWith("Reprinted") && l.endsWith("2026-11-23 13:00:00"))
                    .anyMatch(l -> l.startsWith("Time") && l.endsWith("2026-11-23 10:00:00"))
                    .anyMatch(l -> l.startsWith("Receipt") && l.endsWith(sale.receiptNo().value()))
                    .anyMatch(l -> l.startsWith("Change") && l.endsWith("4.00"));
            assertThat(original).doesNotContain("** REPRINT **");
        }
    }

    @Test
    void aNumberThatIsNoSaleOfThisStoreIsRefusedWithASentence() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.FILE,
                     dir.resolve("r.escpos").toString(), Language.EN), clock)) {

            assertThat(devices.reprint().reprint("S001-T1-1-999999"))
                    .isEqualTo(new ReprintReceipt.NotFound(TillMessage.of(TillMessage.Code.NO_SALE_WITH_RECEIPT, "S001-T1-1-999999")));
            assertThat(devices.reprint().reprint("no such thing!"))
                    .isEqualTo(new ReprintReceipt.NotFound(TillMessage.of(TillMessage.Code.NOT_A_RECEIPT_NUMBER, "no such thing!")));
            assertThat(devices.waitingPrintouts()).isEmpty();
        }
    }

    private static long cuts(Path receipts) throws IOException {
        if (!Files.exists(receipts)) {
            return 0;
        }
        return EscPosReader.read(Files.readAllBytes(receipts)).stream()
                .filter(i -> i instanceof EscPosReader.Command c && c.name().startsWith("CUT")).count();
    }
}
