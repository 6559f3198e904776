package io.chainpos.till.device.printer;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what printing costs (not a test; prints its figures): laying out and rendering a receipt, and a
 * sale's commit with and without the receipt feed and print queue behind it (paired), then when the queue has
 * printed everything to a file printer. Run: see docs/benchmarks.md.
 */
public final class PrintingBench {
    private static final int RENDERS = 20_000;
    private static final int SALES = 2_000;
    private static final int WARMUP = 300;
    private static final int BLOCK = 100;

    private PrintingBench() {
    }

    public static void main(String[] args) throws Exception {
        render();
        sales(Files.createTempDirectory("printing-bench"));
    }

    private static void render() {
        EscPosRenderer renderer = new EscPosRenderer(Paper.MM80, CodePage.GB18030, QrPrinting.NATIVE);
        ReceiptFormat format = ReceiptFixtures.format(Paper.MM80, Language.ZH);
        SaleReceipt receipt = ReceiptFixtures.receipt(null);
        int bytes = 0;
        for (int i = 0; i < RENDERS / 4; i++) {
            bytes += renderer.render(receipt.layout(format)).length;
        }
        long start = System.nanoTime();
        for (int i = 0; i < RENDERS; i++) {
            bytes += renderer.render(receipt.layout(format)).length;
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / RENDERS;
        System.out.printf(Locale.ROOT, "render: %d receipts (80 mm, zh, 3 lines, member, CODE128), %.1f us each, %.0f/s "
                + "(%d bytes each)%n", RENDERS, micros, 1_000_000 / micros, bytes / (RENDERS + RENDERS / 4));
    }

    /**
     * Two tills side by side, one printing every receipt to a file and one not, selling in alternating blocks so
     * both see the (virtual) disk at the same moments; the ratio is the figure to track.
     */
    private static void sales(Path dir) throws IOException {
        Clock clock = Clock.systemUTC();
        Path receipts = dir.resolve("printing/receipts.escpos");
        try (TestTill plain = TestTill.withCatalog(dir.resolve("plain/till.db"), clock);
             TestTill printing = TestTill.withCatalog(dir.resolve("printing/till.db"), clock);
             Devices devices = TestDevices.start(printing, TestDevices.printingTo(dir.resolve("printing"),
                     DeviceSettings.Transport.FILE, receipts.toString(), Language.ZH), clock)) {
            TestTill.Sale request = new TestTill.Sale(
                    List.of(new TestTill.Line(HeadOfficeEvents.COLA_BARCODE, 2000),
                            new TestTill.Line(HeadOfficeEvents.BREAD.value(), 1000)),
                    null, List.of(new Tender(TenderMethod.CASH, 2000, null)), "bench");
            for (int i = 0; i < WARMUP; i++) {
                sell(plain, request);
                sell(printing, request);
            }
            long[] plainNanos = new long[SALES];
            long[] printingNanos = new long[SALES];
            long plainTotal = 0;
            long printingTotal = 0;
            long start = System.nanoTime();
            for (int block = 0; block < SALES / BLOCK; block++) {
                for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                    plainNanos[i] = sell(plain, request);
                    plainTotal += plainNanos[i];
                }
                for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                    printingNanos[i] = sell(printing, request);
                    printingTotal += printingNanos[i];
                }
            }
            report("without printing", plainNanos, plainTotal);
            report("receipts queued ", printingNanos, printingTotal);
            System.out.printf(Locale.ROOT, "ratio: a printing till sells at %.2f of the plain till's rate%n",
                    (double) plainTotal / printingTotal);
            while (!devices.waitingPrintouts().isEmpty()) {
                Thread.onSpinWait();
            }
            double drained = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "queue: all %d receipts printed to a file %.2f s after the first measured sale "
                    + "(%d KB)%n", SALES + WARMUP, drained, Files.size(receipts) / 1024);
        }
    }

    private static long sell(TestTill till, TestTill.Sale request) {
        long before = System.nanoTime();
        if (!(till.sell(request) instanceof Checkout.Completed)) {
            throw new IllegalStateException("a bench sale was refused");
        }
        return System.nanoTime() - before;
    }

    private static void report(String what, long[] nanos, long total) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "sales %s: %d sales, %.0f/s, commit p50 %.2f ms, p99 %.2f ms%n", what,
                sorted.length, sorted.length * 1e9 / total, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6);
    }
}
