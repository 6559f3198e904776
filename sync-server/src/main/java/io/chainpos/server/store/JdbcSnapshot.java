package io.chainpos.server.store;

import io.chainpos.server.db.*;
import io.chainpos.model.event.AuditEvent;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.SaleEvent;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.merge.EventScope;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads a snapshot for one till inside a single consistent read transaction: the log head is the cursor,
 * and the projections read alongside reflect exactly the events up to it (ingest commits events and
 * projections together, in server-sequence order).
 */
final class JdbcSnapshot {
    /** Types whose effect the projections hold as sums: sent as sums, not one by one. */
    private static final Set<EventTypes.Type> SUMMED = Set.of(EventTypes.POINTS_CHANGED, EventTypes.STORED_VALUE_CHANGED,
            EventTypes.STOCK_CHANGED);

    private final Handle h;
    private final EventCodec codec;

    JdbcSnapshot(Handle h, EventCodec codec) {
        this.h = h;
        this.codec = codec;
    }

    long write(SnapshotQuery query, SnapshotSink sink) {
        long cursor = h.createQuery("SELECT last_seq FROM log_head WHERE id = 1").mapTo(Long.class).one();
        sink.begin(cursor);
        events(query, cursor, sink);
        balances(query, sink);
        stock(query, sink);
        return cursor;
    }

    private record Row(String tillId, int epoch, long seq, String type, int version, long receivedMs, String body) {
    }

    private void events(SnapshotQuery query, long cursor, SnapshotSink sink) {
        long recordsSince = query.recordsSince().toEpochMilli();
        h.createQuery("""
                        SELECT till_id, till_epoch, till_seq, type, schema_version, received_ms, body FROM events
                        WHERE server_seq <= :cursor AND (scope = :chain OR store_id = :store)
                        ORDER BY server_seq""")
                .bind("cursor", cursor)
                .bind("chain", EventScope.CHAIN.name())
                .bind("store", query.requesterStore().value())
                .setFetchSize(1_000)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getLong(6), rs.getString(7)))
                .forEach(row -> {
                    if (query.isHeld(row.tillId(), row.epoch(), row.seq()) || isSummed(row)
                            || (isRecord(row.type()) && row.receivedMs() < recordsSince)) {
                        return;
                    }
                    sink.event(row.body());
                });
    }

    /** A points, stored-value or stock delta this server could read, and so merged into a sum. */
    private static boolean isSummed(Row row) {
        return EventTypes.byName(row.type()).filter(SUMMED::contains).map(t -> row.version() <= t.version()).orElse(false);
    }

    private static boolean isRecord(String type) {
        return EventTypes.byName(type)
                .map(t -> SaleEvent.class.isAssignableFrom(t.javaType()) || AuditEvent.class.isAssignableFrom(t.javaType())
                        || t.javaType() == io.chainpos.model.event.StoredValueToppedUp.class
                        || t.javaType() == io.chainpos.model.event.TopUpRefunded.class)
                .orElse(false);
    }

    private void balances(SnapshotQuery query, SnapshotSink sink) {
        Map<String, long[]> own = new HashMap<>();
        query.have().forEach((epoch, through) -> h.createQuery("""
                        SELECT d.member_id, d.account, SUM(d.delta), SUM(d.bonus_part) FROM events e JOIN balance_deltas d ON d.event_id = e.event_id
                        WHERE e.till_id = :till AND e.till_epoch = :epoch AND e.till_seq <= :through
                        GROUP BY d.member_id, d.account""")
                .bind("till", query.requester().value())
                .bind("epoch", epoch)
                .bind("through", through)
                .map((rs, ctx) -> {
                    long[] mine = own.computeIfAbsent(rs.getString(1), id -> new long[3]);
                    mine["POINTS".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                    mine[2] += rs.getLong(4);
                    return null;
                })
                .forEach(ignored -> { }));
        h.createQuery("SELECT member_id, points, stored_value, stored_value_bonus FROM member_balances ORDER BY member_id")
                .setFetchSize(1_000)
                .map((rs, ctx) -> {
                    long[] mine = own.getOrDefault(rs.getString(1), new long[3]);
                    long points = rs.getLong(2) - mine[0];
                    long storedValue = rs.getLong(3) - mine[1];
                    long bonus = rs.getLong(4) - mine[2];
                    if (points != 0 || storedValue != 0 || bonus != 0) {
                        sink.balance(rs.getString(1), points, storedValue, bonus);
                    }
                    return null;
                })
                .forEach(ignored -> { });
    }

    private void stock(SnapshotQuery query, SnapshotSink sink) {
        Map<String, Long> own = new HashMap<>();
        query.have().forEach((epoch, through) -> h.createQuery("""
                        SELECT body FROM events
                        WHERE till_id = :till AND till_epoch = :epoch AND till_seq <= :through AND type = :type""")
                .bind("till", query.requester().value())
                .bind("epoch", epoch)
                .bind("through", through)
                .bind("type", EventTypes.STOCK_CHANGED.name())
                .setFetchSize(1_000)
                .map((rs, ctx) -> codec.fromJson(rs.getString(1)).payload())
                .forEach(payload -> {
                    if (payload instanceof StockChanged change && change.storeId().equals(query.requesterStore())) {
                        own.merge(change.sku().value(), change.deltaMilli(), Long::sum);
                    }
                }));
        h.createQuery("SELECT sku, qty_milli FROM stock WHERE store_id = :store ORDER BY sku")
                .bind("store", query.requesterStore().value())
                .map((rs, ctx) -> {
                    long qty = rs.getLong(2) - own.getOrDefault(rs.getString(1), 0L);
                    if (qty != 0) {
                        sink.stock(rs.getString(1), qty);
                    }
                    return null;
                })
                .forEach(ignored -> { });
    }
}
