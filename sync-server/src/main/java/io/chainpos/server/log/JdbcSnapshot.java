package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.merge.EventScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Reads a snapshot for one till inside a single consistent read transaction: the projected head is the cursor,
 * and the projections read alongside reflect exactly the events up to it (the {@link Projector} merges in
 * server-sequence order and moves the head in the same transaction). Events after it reach the till by pull.
 */
final class JdbcSnapshot {
    private static final String HELD = """
            SELECT body FROM events
            WHERE till_id = ? AND till_epoch = ? AND till_seq <= ? AND type = ?
            ORDER BY till_seq""";

    private final Handle h;
    private final SqlSession sql;
    private final EventCodec codec;
    private final List<Projection> projections;
    /** Types whose effect the projections hold as sums: sent as sums, not one by one. */
    private final Set<EventTypes.Type> summed = new HashSet<>();

    /** PostgreSQL (V250): records by month, so those older than the retention are not read at all. */
    private final boolean partitioned;

    JdbcSnapshot(Handle h, SqlSession sql, EventCodec codec, List<Projection> projections, boolean partitioned) {
        this.partitioned = partitioned;
        this.h = h;
        this.sql = sql;
        this.codec = codec;
        this.projections = projections;
        projections.forEach(p -> summed.addAll(p.summed()));
    }

    long write(SnapshotQuery query, SnapshotSink sink) {
        // Where the projections stand, not the log head: the sums they carry and the events sent one by one must meet.
        long cursor = h.createQuery("SELECT projected_seq FROM projector_head WHERE id = 1").mapTo(Long.class).one();
        sink.begin(cursor);
        List<EventEnvelope> sentOneByOne = events(query, cursor, sink);
        // What is sent one by one is counted by the till from those events: the sums leave it out, as they leave out
        // what the till still holds.
        Projection.HeldEvents held = (types, each) -> {
            held(query, types, each);
            sentOneByOne.stream().filter(e -> EventTypes.byName(e.type()).filter(types::contains).isPresent()).forEach(each);
        };
        for (Projection projection : projections) {
            projection.carryForward(sql, query, cursor, held, sink);
        }
        return cursor;
    }

    private record Row(String tillId, int epoch, long seq, String type, int version, long receivedMs, String body,
                       String storeId) {
    }

    /**
     * Streams the stored events the snapshot sends as they are, and returns the summed ones among them: a member's
     * points and stored value moved at the requester's store within the retention travel one by one beside the sales
     * they belong to, so a refund there takes back what the sale earned and gives back what it spent.
     */
    private List<EventEnvelope> events(SnapshotQuery query, long cursor, SnapshotSink sink) {
        long recordsSince = query.recordsSince().toEpochMilli();
        List<EventEnvelope> sentOneByOne = new ArrayList<>();
        String columns = "SELECT till_id, till_epoch, till_seq, type, schema_version, received_ms, body, store_id, server_seq FROM events ";
        String where = "server_seq <= :cursor AND (scope = :chain OR store_id = :store)";
        // PostgreSQL (V250): the records left out below are not read at all; the months before the retention are pruned
        // (two arms, as PostgreSQL prunes no partition for "kind = 'S' OR received_ms >= :since").
        var select = h.createQuery(partitioned
                ? columns + "WHERE kind = 'S' AND " + where + " UNION ALL " + columns + "WHERE kind = 'R' AND received_ms >= :since AND "
                        + where + " ORDER BY server_seq"
                : columns + "WHERE " + where + " ORDER BY server_seq");
        if (partitioned) {
            select.bind("since", recordsSince);
        }
        select.bind("cursor", cursor)
                .bind("chain", EventScope.CHAIN.name())
                .bind("store", query.requesterStore().value())
                .setFetchSize(1_000)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8)))
                .forEach(row -> {
                    if (query.isHeld(row.tillId(), row.epoch(), row.seq())) {
                        return;
                    }
                    if (isSummed(row)) {
                        if (isBalance(row.type()) && row.receivedMs() >= recordsSince
                                && query.requesterStore().value().equals(row.storeId())) {
                            sentOneByOne.add(codec.fromJson(row.body()));
                            sink.event(row.body());
                        }
                        return;
                    }
                    if (isRecord(row.type()) && row.receivedMs() < recordsSince) {
                        return;
                    }
                    sink.event(row.body());
                });
        return sentOneByOne;
    }

    private static boolean isBalance(String type) {
        return EventTypes.POINTS_CHANGED.name().equals(type) || EventTypes.STORED_VALUE_CHANGED.name().equals(type);
    }

    /** The requester's own events of these types that it still holds, epoch by epoch. */
    private void held(SnapshotQuery query, Set<EventTypes.Type> types, Consumer<EventEnvelope> each) {
        query.have().forEach((epoch, through) -> {
            for (EventTypes.Type type : types) {
                sql.forEach(HELD, rs -> {
                    each.accept(codec.fromJson(rs.getString(1)));
                    return null;
                }, query.requester().value(), epoch, through, type.name());
            }
        });
    }

    /** A type a projection sums, of a version this server could read, and so merged into a sum. */
    private boolean isSummed(Row row) {
        return EventTypes.byName(row.type()).filter(summed::contains).map(t -> row.version() <= t.version()).orElse(false);
    }

    private static boolean isRecord(String type) {
        return EventKind.of(type) == EventKind.RECORD;
    }
}
