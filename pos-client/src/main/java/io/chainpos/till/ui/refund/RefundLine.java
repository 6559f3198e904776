package io.chainpos.till.ui.refund;

import io.chainpos.model.id.Sku;
import io.chainpos.model.sale.Refunds;
import io.chainpos.till.ui.Amounts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A product of the receipt: what may still be given back, and how much of it the customer brings (editable). */
public final class RefundLine {
    private final Refunds.Refundable refundable;
    private final StringProperty quantity;

    RefundLine(Refunds.Refundable refundable) {
        this.refundable = refundable;
        this.quantity = new SimpleStringProperty(Amounts.quantity(refundable.qtyMilli()));
    }

    public Sku sku() {
        return refundable.sku();
    }

    public String name() {
        return refundable.name();
    }

    public long remainingMilli() {
        return refundable.qtyMilli();
    }

    public long remainingAmount() {
        return refundable.amount();
    }

    /** How much comes back, as typed (all that remains to start with; 0 keeps the product). */
    public StringProperty quantityProperty() {
        return quantity;
    }
}
