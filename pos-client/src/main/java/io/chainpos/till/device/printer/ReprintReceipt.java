package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.util.Optional;

/**
 * Prints a receipt again by its number, for a customer who lost it or a printout that came out unreadable. The
 * reprint is rendered from the committed sale and says that it is a reprint and when it was made.
 */
public final class ReprintReceipt {

    public sealed interface Result permits Queued, NotFound {
    }

    public record Queued(ReceiptNo receiptNo) implements Result {
    }

    public record NotFound(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final ReceiptSources sources;
    private final ReceiptFacts facts;
    private final ReceiptPrinter printer;
    private final Clock clock;

    public ReprintReceipt(Ledger ledger, ReceiptSources sources, ReceiptFacts facts, ReceiptPrinter printer, Clock clock) {
        this.ledger = ledger;
        this.sources = sources;
        this.facts = facts;
        this.printer = printer;
        this.clock = clock;
    }

    public Result reprint(String receiptNumber) {
        ReceiptNo receiptNo;
        try {
            receiptNo = new ReceiptNo(receiptNumber == null ? "" : receiptNumber.strip());
        } catch (IllegalArgumentException e) {
            return new NotFound(TillMessage.of(TillMessage.Code.NOT_A_RECEIPT_NUMBER, String.valueOf(receiptNumber)));
        }
        Optional<EventEnvelope> sale = sources.sale(receiptNo);
        if (sale.isEmpty()) {
            return new NotFound(TillMessage.of(TillMessage.Code.NO_SALE_WITH_RECEIPT, receiptNo.value()));
        }
        ReceiptFacts.Printable printable = facts.printoutOf(sale.get(), clock.instant())
                .orElseThrow(() -> new IllegalStateException("receipt " + receiptNo + " is not a sale"));
        printer.print(printable.kind(), printable.reference(), printable.printout());
        return new Queued(receiptNo);
    }
}
