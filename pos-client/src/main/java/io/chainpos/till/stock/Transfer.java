package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;

/** A transfer between two stores as this till knows it: what was sent, what arrived, where it stands. */
public record Transfer(TransferId transferId, String transferNo, StoreId fromStore, StoreId toStore, Status status,
                       List<Line> lines, List<Discrepancy> discrepancies) {

    public enum Status { IN_TRANSIT, RECEIVED, CANCELLED }

    /** {@code arrivedMilli} is null until the receiving store confirmed it. */
    public record Line(Sku sku, long sentMilli, Long arrivedMilli) {
    }

    public Transfer {
        lines = List.copyOf(lines);
        discrepancies = List.copyOf(discrepancies);
    }

    /** What the slip carries: the number, a slash, and the id's check (see {@link TransferId#check()}). */
    public String slipCode() {
        return transferNo + "/" + transferId.check();
    }
}
