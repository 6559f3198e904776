package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.id.Sku;
import java.util.ArrayList;
import java.util.List;

/** How what arrived differs from what its document said, per product. */
final class Discrepancies {
    private Discrepancies() {
    }

    /**
     * {@code documented} was announced; {@code good} went into stock and {@code damaged} arrived broken. Whatever of
     * the document is neither is short; good and broken goods beyond it are over.
     */
    static List<Discrepancy> of(Sku sku, long documented, long good, long damaged) {
        List<Discrepancy> found = new ArrayList<>();
        long missing = documented - good - damaged;
        if (missing > 0) {
            found.add(new Discrepancy(sku, missing, Discrepancy.Reason.SHORT, null));
        } else if (missing < 0) {
            found.add(new Discrepancy(sku, -missing, Discrepancy.Reason.OVER, null));
        }
        if (damaged > 0) {
            found.add(new Discrepancy(sku, damaged, Discrepancy.Reason.DAMAGED, null));
        }
        return found;
    }
}
