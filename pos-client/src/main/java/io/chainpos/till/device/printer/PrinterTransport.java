package io.chainpos.till.device.printer;

import java.io.IOException;

/**
 * How the till reaches its receipt printer: a USB device file, a serial port, the network (TCP 9100) or a file.
 * A connection is opened for each printing round, so a printer unplugged between sales is noticed at the next.
 */
public interface PrinterTransport {

    /** Opens a link; fails with a sentence for the cashier when the printer cannot be reached. */
    PrinterConnection open() throws IOException;

    /** Where it prints, for messages: {@code tcp 192.168.1.50:9100}. */
    String describe();
}
