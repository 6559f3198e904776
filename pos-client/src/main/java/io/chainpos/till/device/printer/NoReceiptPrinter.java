package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The printer of a till that has none set up (or whose settings are wrong): prints nothing and says so. */
public final class NoReceiptPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(NoReceiptPrinter.class);

    private final PrinterStatus status;

    public NoReceiptPrinter(String why) {
        this.status = new PrinterStatus(PrinterCondition.NO_PRINTER, 0, why, false);
    }

    @Override
    public void print(PrintJob.Kind kind, String reference, Printout printout) {
        log.debug("print.skipped kind={} reference={} reason=no-printer", kind, reference);
    }

    @Override
    public void printOnce(EventEnvelope source, PrintJob.Kind kind, String reference, Printout printout) {
        print(kind, reference, printout);
    }

    @Override
    public PrinterStatus status() {
        return status;
    }

    @Override
    public void onStatus(Consumer<PrinterStatus> listener) {
        // nothing ever changes
    }
}
