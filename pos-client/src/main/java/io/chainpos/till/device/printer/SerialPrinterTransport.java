package io.chainpos.till.device.printer;

import io.chainpos.till.device.serial.SerialLine;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/** A receipt printer on a serial port (RS-232, or USB presenting itself as one): bytes out, status answers back. */
public final class SerialPrinterTransport implements PrinterTransport {
    private final String port;
    private final int baud;
    private final Duration timeout;

    public SerialPrinterTransport(String port, int baud, Duration timeout) {
        this.port = port;
        this.baud = baud;
        this.timeout = timeout;
    }

    @Override
    public PrinterConnection open() throws IOException {
        SerialLine line = SerialLine.open(port, baud, timeout, timeout);
        return new PrinterConnection() {
            @Override
            public void write(byte[] bytes) throws IOException {
                line.write(bytes);
            }

            @Override
            public OptionalInt ask(byte[] request) throws IOException {
                line.discardInput();
                line.write(request);
                byte[] answer = new byte[1];
                if (line.read(answer) == 0) {
                    throw new PrinterTimeoutException("the printer on " + port + " did not answer within "
                            + timeout.toMillis() + " ms");
                }
                return OptionalInt.of(answer[0] & 0xFF);
            }

            @Override
            public void close() {
                line.close();
            }
        };
    }

    @Override
    public String describe() {
        return "serial " + port + " at " + baud + " baud";
    }
}
