package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selling feature's checkout and the devices together: a cash sale records its drawer opening, and the
 * drawer's pulse reaches the network printer before the sale's receipt; a card sale prints without opening it.
 */
class CashSaleAtTheCounterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aCashSaleOpensTheDrawerBeforeItsReceiptPrintsAndACardSaleDoesNot() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            DeviceSettings settings = TestDevices.printingTo(dir, DeviceSettings.Transport.TCP,
                    "127.0.0.1:" + printer.getLocalPort(), Language.ZH);
            DeviceSettings noStatus = new DeviceSettings(new DeviceSettings.Printer(settings.printer().transport(),
                    settings.printer().address(), 9600, settings.printer().paper(), settings.printer().codePage(),
                    settings.printer().qr(), settings.printer().receiptCode(), false, settings.printer().timeout(),
                    settings.printer().retryEvery()), settings.receipt(), settings.scanner(), settings.display());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> record(printer, received));
            try (Devices devices = TestDevices.start(till, noStatus, clock)) {
                await().untilAsserted(() -> assertThat(devices.printer().status().condition().canPrint()).isTrue());

                sell(till, new Tender(TenderMethod.CASH, 1000, null));
                await().untilAsserted(() -> assertThat(commands(received)).contains("CUT_PARTIAL"));
                assertThat(commands(received)).startsWith("DRAWER_PULSE", "INIT", "CHINESE_MODE");

                sell(till, new Tender(TenderMethod.BANK_CARD, 800, "POS-1"));
                await().untilAsserted(() -> assertThat(commands(received)).filteredOn("CUT_PARTIAL"::equals).hasSize(2));
                assertThat(commands(received)).as("one pulse, for the cash sale only")
                        .filteredOn("DRAWER_PULSE"::equals).hasSize(1);
                assertThat(EscPosReader.lines(bytes(received))).anyMatch(l -> l.startsWith("银行卡 POS-1"));
            }
            reader.interrupt();
        }
    }

    private static void sell(TestTill till, Tender tender) {
        Checkout.Result result = till.sell(new TestTill.Sale(
                List.of(new TestTill.Line("100002", 1000)), null, List.of(tender), "cashier-01"));
        assertThat(result).isInstanceOf(Checkout.Completed.class);
    }

    private static void record(ServerSocket printer, ByteArrayOutputStream received) {
        while (!printer.isClosed()) {
            try (Socket connection = printer.accept(); InputStream in = connection.getInputStream()) {
                byte[] buffer = new byte[4096];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (received) {
                        received.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What the printer was told to do, in order, read back from the bytes it received. */
    private static List<String> commands(ByteArrayOutputStream received) {
        return EscPosReader.all(EscPosReader.read(bytes(received)), EscPosReader.Command.class).stream()
                .map(EscPosReader.Command::name).toList();
    }

    private static byte[] bytes(ByteArrayOutputStream received) {
        synchronized (received) {
            return received.toByteArray();
        }
    }
}
