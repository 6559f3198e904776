package io.chainpos.till.device.printer;

import java.io.IOException;

/** The printer took the request but did not answer in time: switched off mid-job, or it does not answer DLE EOT. */
public final class PrinterTimeoutException extends IOException {
    public PrinterTimeoutException(String message) {
        super(message);
    }
}
