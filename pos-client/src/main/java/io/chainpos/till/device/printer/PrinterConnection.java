package io.chainpos.till.device.printer;

import java.io.Closeable;
import java.io.IOException;
import java.util.OptionalInt;

/** One open link to a printer, for the jobs of one printing round. */
public interface PrinterConnection extends Closeable {

    void write(byte[] bytes) throws IOException;

    /**
     * Sends a real-time request (DLE EOT) and returns the printer's one-byte answer; empty when this link
     * cannot carry answers back (a file, a USB device file). Throws {@link PrinterTimeoutException} when the
     * printer does not answer in time.
     */
    OptionalInt ask(byte[] request) throws IOException;
}
