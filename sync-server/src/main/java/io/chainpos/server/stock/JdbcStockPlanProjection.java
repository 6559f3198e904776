package io.chainpos.server.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockMinimumSet;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.List;

/** Merges head office's minimums (the newest by hlc per store and product) and proposed transfers. */
public final class JdbcStockPlanProjection implements Projection {
    private static final String MINIMUM = """
            INSERT INTO stock_minimums (store_id, sku, min_milli, set_by, set_hlc, set_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (store_id, sku) DO UPDATE SET min_milli = excluded.min_milli, set_by = excluded.set_by,
                set_hlc = excluded.set_hlc, set_at = excluded.set_at
            WHERE excluded.set_hlc > stock_minimums.set_hlc""";
    private static final String PROPOSAL = """
            INSERT INTO stock_proposals (transfer_id, proposal_no, from_store, to_store, proposed_by, note, proposed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (transfer_id) DO NOTHING""";
    private static final String PROPOSAL_LINE = """
            INSERT INTO stock_proposal_lines (transfer_id, sku, qty_milli) VALUES (?, ?, ?)
            ON CONFLICT (transfer_id, sku) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("stock_minimums", "stock_proposals", "stock_proposal_lines");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case StockMinimumSet min -> sql.update(MINIMUM, min.storeId().value(), min.sku().value(), min.minMilli(), min.setBy(),
                        event.hlc(), event.occurredAt().toString());
                case TransferProposed p -> {
                    sql.update(PROPOSAL, p.transferId().toString(), p.proposalNo(), p.fromStore().value(), p.toStore().value(),
                            p.proposedBy(), p.note(), event.occurredAt().toString());
                    for (StockLine line : p.lines()) {
                        sql.update(PROPOSAL_LINE, p.transferId().toString(), line.sku().value(), line.qtyMilli());
                    }
                }
                default -> {
                }
            }
        }
        return List.of();
    }
}
