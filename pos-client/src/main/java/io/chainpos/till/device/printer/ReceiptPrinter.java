package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import java.util.function.Consumer;

/**
 * Prints receipts, reports and member cards at this counter. Printing is queued: a call returns at once, and a
 * printer with no paper, its cover open or unplugged never fails or holds up what asked for the printout.
 */
public interface ReceiptPrinter {

    /** Queues a printout known to the cashier as {@code reference} (a receipt number). */
    void print(PrintJob.Kind kind, String reference, Printout printout);

    /** Queues the printout of a committed event, once however often the event is offered (after a crash, say). */
    void printOnce(EventEnvelope source, PrintJob.Kind kind, String reference, Printout printout);

    PrinterStatus status();

    /** Hears status changes on a device thread. */
    void onStatus(Consumer<PrinterStatus> listener);
}
