package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.staff.StaffStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Gathers what a receipt shows besides the event itself: the member's masked card, the points the sale earned
 * and the balance after it (from the loyalty ledger), and for a refund the receipt it refunds.
 */
public final class ReceiptFacts {
    private final Ledger ledger;
    private final MemberStore members;
    private final BalanceStore balances;
    private final ReceiptSources sources;
    private final StaffStore staff;

    public ReceiptFacts(Ledger ledger, MemberStore members, BalanceStore balances, ReceiptSources sources, StaffStore staff) {
        this.ledger = ledger;
        this.members = members;
        this.balances = balances;
        this.sources = sources;
        this.staff = staff;
    }

    /** A receipt's printout of a committed event with its job kind and reference, or empty for other events. */
    public Optional<Printable> printoutOf(EventEnvelope event, Instant reprintedAt) {
        return switch (event.payload()) {
            case SaleCompleted sale -> Optional.of(new Printable(reprintedAt == null ? PrintJob.Kind.SALE : PrintJob.Kind.REPRINT,
                    sale.receiptNo().value(), new SaleReceipt(sale, event.tillId(), event.occurredAt(), memberPoints(sale),
                    reprintedAt, nameOf(sale.cashier()))));
            case SaleRefunded refund -> {
                ReceiptNo original = refund.originalSaleId() == null ? null
                        : sources.receiptOf(refund.originalSaleId()).orElse(null);
                yield Optional.of(new Printable(reprintedAt == null ? PrintJob.Kind.REFUND : PrintJob.Kind.REPRINT,
                        "refund " + (refund.refundNo() != null ? refund.refundNo() : refund.refundId()), new RefundReceipt(refund, original, event.tillId(), event.occurredAt(),
                        reprintedAt)));
            }
            case StoredValueToppedUp topUp -> Optional.of(new Printable(reprintedAt == null ? PrintJob.Kind.TOP_UP : PrintJob.Kind.REPRINT,
                    topUp.receiptNo().value(), new TopUpReceipt(topUp, ledger.read(s -> members.findById(s, topUp.memberId())
                            .map(m -> DocumentBuilder.masked(m.cardNo().value())).orElse("-")),
                    ledger.read(s -> balances.storedValue(s, topUp.memberId())), event.tillId(), event.occurredAt(), reprintedAt,
                    nameOf(topUp.cashier()))));
            default -> Optional.empty();
        };
    }

    /** A printout with how the queue files it. */
    public record Printable(PrintJob.Kind kind, String reference, Printout printout) {
    }

    /** The person's name for a slip (people know each other by name, not by sign-in id), or null when unknown. */
    private String nameOf(String staffId) {
        return staffId == null ? null : ledger.read(s -> staff.nameOf(s, staffId)).orElse(null);
    }

    private SaleReceipt.MemberPoints memberPoints(SaleCompleted sale) {
        if (sale.memberId() == null) {
            return null;
        }
        return ledger.read(s -> new SaleReceipt.MemberPoints(
                members.findById(s, sale.memberId()).map(m -> DocumentBuilder.masked(m.cardNo().value())).orElse("-"),
                balances.pointsOfSale(s, sale.saleId()).getOrDefault("EARN", new long[2])[0],
                balances.points(s, sale.memberId())));
    }
}
