package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import java.util.function.Consumer;

/** An ESC/POS receipt printer: lays printouts out for its paper, renders them, and queues the bytes. */
public final class EscPosReceiptPrinter implements ReceiptPrinter {
    private final PrintQueue queue;
    private final ReceiptFormat format;
    private final EscPosRenderer renderer;

    public EscPosReceiptPrinter(PrintQueue queue, ReceiptFormat format, QrPrinting qrPrinting) {
        this.queue = queue;
        this.format = format;
        this.renderer = new EscPosRenderer(format.paper(), format.codePage(), qrPrinting);
    }

    @Override
    public void print(PrintJob.Kind kind, String reference, Printout printout) {
        queue.enqueue(PrintJob.New.of(kind, reference, render(printout)));
    }

    @Override
    public void printOnce(EventEnvelope source, PrintJob.Kind kind, String reference, Printout printout) {
        queue.enqueue(new PrintJob.New(kind, reference, source.eventId().toString(), source.tillEpoch(), source.tillSeq(),
                render(printout)));
    }

    @Override
    public PrinterStatus status() {
        return queue.status();
    }

    @Override
    public void onStatus(Consumer<PrinterStatus> listener) {
        queue.onStatus(listener);
    }

    private byte[] render(Printout printout) {
        return renderer.render(printout.layout(format));
    }
}
