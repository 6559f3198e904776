package io.chainpos.till.device.display;

import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.serial.SerialLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A two-line pole display (VFD, usually 2 x 20) on a serial port, driven with the Epson customer-display
 * commands: clear, move the cursor to each line, write it. Text goes out in GB18030 for Chinese displays.
 * Updates are written on a device thread; the port is opened at the first update and again after a failure.
 */
public final class SerialPoleDisplay implements CustomerDisplay {
    private static final Logger log = LoggerFactory.getLogger(SerialPoleDisplay.class);
    private static final byte[] INITIALIZE = {0x1B, 0x40};
    private static final byte CLEAR = 0x0C;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(1);

    private final String port;
    private final int baud;
    private final PoleDisplayText text;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "customer-display");
        thread.setDaemon(true);
        return thread;
    });
    private SerialLine line;

    public SerialPoleDisplay(String port, int baud, int columns, Language language) {
        this.port = port;
        this.baud = baud;
        this.text = new PoleDisplayText(columns, language);
    }

    @Override
    public void showItem(String name, long lineTotal, long saleTotal, String currency) {
        show(text.item(name, lineTotal, saleTotal, currency));
    }

    @Override
    public void showPaid(long paid, long change, String currency) {
        show(text.paid(paid, change, currency));
    }

    @Override
    public void welcome() {
        show(text.welcome());
    }

    /** The bytes that show two lines: clear, line one at (1,1), line two at (1,2). */
    static byte[] frame(String[] lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(CLEAR);
        for (int row = 0; row < lines.length; row++) {
            out.writeBytes(new byte[] {0x1F, 0x24, 1, (byte) (row + 1)});
            out.writeBytes(lines[row].getBytes(CodePage.GB18030.charset()));
        }
        return out.toByteArray();
    }

    private void show(String[] lines) {
        byte[] bytes = frame(lines);
        try {
            writer.execute(() -> write(bytes));
        } catch (RejectedExecutionException e) {
            log.debug("display.update.after-close");
        }
    }

    private void write(byte[] bytes) {
        try {
            if (line == null) {
                line = SerialLine.open(port, baud, WRITE_TIMEOUT, WRITE_TIMEOUT);
                line.write(INITIALIZE);
                log.info("display.connected port={}", port);
            }
            line.write(bytes);
        } catch (IOException e) {
            log.warn("display.unavailable port={} reason={}", port, e.getMessage());
            if (line != null) {
                line.close();
                line = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            writer.execute(() -> {
                if (line != null) {
                    line.close();
                    line = null;
                }
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
