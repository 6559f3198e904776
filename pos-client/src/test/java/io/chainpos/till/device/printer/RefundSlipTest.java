package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.sale.Refunds;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A refund made at the till prints a slip carrying the refund's own number, read like a receipt's. */
class RefundSlipTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"EN, REFUND, Refund, Original receipt", "ZH, 退货单, 退货单号, 原小票号"})
    void aRefundSlipPrintsTheRefundsNumber(Language language, String title, String numberLabel, String originalLabel) throws IOException {
        Path slips = dir.resolve("slips.escpos");
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             Devices devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.FILE,
                     slips.toString(), language), clock)) {
            SaleCompleted sale = ((Checkout.Completed) till.sell(new TestTill.Sale(
                    List.of(new TestTill.Line("100002", 2000)), null,
                    List.of(new Tender(TenderMethod.CASH, 2000, null)), "c1"))).sale();
            await().untilAsserted(() -> assertThat(cuts(slips)).isEqualTo(1));

            RefundSale.Refunded refunded = (RefundSale.Refunded) till.refunds.refund(sale.receiptNo().value(),
                    List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 1000)), "c1");

            await().untilAsserted(() -> assertThat(cuts(slips)).isEqualTo(2));
            List<String> lines = EscPosReader.lines(Files.readAllBytes(slips));
            assertThat(lines).as("the slip's title").contains(title);
            List<String> slip = lines.subList(lines.lastIndexOf(title), lines.size());
            // The first refund of till S001-T1 in its epoch 1.
            assertThat(slip).anyMatch(l -> l.startsWith(numberLabel) && l.endsWith("S001-T1-1-R000001"))
                    .anyMatch(l -> l.startsWith(originalLabel) && l.endsWith(sale.receiptNo().value()))
                    .noneMatch(l -> l.contains(refunded.refund().refundId().toString()));
        }
    }

    private static long cuts(Path slips) throws IOException {
        if (!Files.exists(slips)) {
            return 0;
        }
        return EscPosReader.read(Files.readAllBytes(slips)).stream()
                .filter(i -> i instanceof EscPosReader.Command c && c.name().startsWith("CUT")).count();
    }
}
