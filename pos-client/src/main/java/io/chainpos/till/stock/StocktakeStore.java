package io.chainpos.till.stock;

import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.id.Sku;
import io.chainpos.till.ledger.LedgerSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stocktake being counted at this till, as its working rows: the scope, and per product the count so far with
 * the stock on hand at its last count. Read by the screens; written only by {@link Stocktaking}.
 */
public final class StocktakeStore {

    /** An open stocktake: who started it when, and what it counts. */
    public record Open(StocktakeScope scope, Instant startedAt, String startedBy) {
    }

    /** One product counted so far, in thousandths; the difference is against the stock when it was last counted. */
    public record Count(Sku sku, long countedMilli, long onHandMilli, Instant countedAt, String countedBy) {
        public long differenceMilli() {
            return countedMilli - onHandMilli;
        }
    }

    public Optional<Open> open(LedgerSession session) {
        return session.handle().createQuery("SELECT scope_kind, scope_label, started_at, started_by FROM stocktake_open")
                .map((rs, ctx) -> new Open(new StocktakeScope(StocktakeScope.Kind.valueOf(rs.getString(1)), rs.getString(2)),
                        Instant.parse(rs.getString(3)), rs.getString(4)))
                .findOne();
    }

    /** The counts in the order products were first counted. */
    public List<Count> counts(LedgerSession session) {
        return session.handle().createQuery("SELECT sku, counted_milli, on_hand_milli, counted_at, counted_by FROM stocktake_counts ORDER BY seq")
                .map((rs, ctx) -> new Count(new Sku(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        Instant.parse(rs.getString(4)), rs.getString(5)))
                .list();
    }

    Optional<Count> count(LedgerSession session, Sku sku) {
        return counts(session).stream().filter(c -> c.sku().equals(sku)).findFirst();
    }

    void start(LedgerSession session, StocktakeScope scope, Instant at, String by) {
        session.handle().execute("INSERT INTO stocktake_open (only_one, scope_kind, scope_label, started_at, started_by) VALUES (1, ?, ?, ?, ?)",
                scope.kind().name(), scope.label(), at.toString(), by);
    }

    void put(LedgerSession session, Sku sku, long countedMilli, long onHandMilli, Instant at, String by) {
        session.handle().execute("""
                        INSERT INTO stocktake_counts (sku, counted_milli, on_hand_milli, counted_at, counted_by, seq)
                        VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stocktake_counts))
                        ON CONFLICT (sku) DO UPDATE SET counted_milli = excluded.counted_milli,
                            on_hand_milli = excluded.on_hand_milli, counted_at = excluded.counted_at, counted_by = excluded.counted_by""",
                sku.value(), countedMilli, onHandMilli, at.toString(), by);
    }

    void clear(LedgerSession session) {
        session.handle().execute("DELETE FROM stocktake_counts");
        session.handle().execute("DELETE FROM stocktake_open");
    }
}
