package io.chainpos.server.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the stocktakes approved at the tills with their lines, for head office's stocktake pages. The differences
 * move stock by the {@code STOCKTAKE} movements that come with each ({@link JdbcStockProjection}).
 */
public final class JdbcStocktakeProjection implements Projection {
    private static final String STOCKTAKE = """
            INSERT INTO stocktakes (stocktake_no, store_id, scope_kind, scope_label, started_at, approved_at, counted_by,
                approved_by, approver_name, uncounted_as_zero, lines)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (stocktake_no) DO NOTHING""";
    private static final String LINE = """
            INSERT INTO stocktake_lines (stocktake_no, sku, counted_milli, on_hand_milli, difference_milli) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (stocktake_no, sku) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("stocktakes", "stocktake_lines");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            if (event.payload() instanceof StocktakeCompleted done) {
                sql.update(STOCKTAKE, done.stocktakeNo(), done.storeId().value(), done.scope().kind().name(), done.scope().label(),
                        done.startedAt().toString(), event.occurredAt().toString(), done.countedBy(), done.approvedBy(),
                        done.approverName(), done.uncountedAsZero() ? 1 : 0, done.lines().size());
                for (StocktakeLine line : done.lines()) {
                    sql.update(LINE, done.stocktakeNo(), line.sku().value(), line.countedMilli(), line.onHandMilli(),
                            line.differenceMilli());
                }
            }
        }
        return List.of();
    }
}
