package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.time.Instant;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.sync.PushRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Acknowledgements in {@code sync_acks}, the pull cursor and the last sync in {@code till_state}. */
final class SqliteSyncMarks implements SyncMarks {
    private static final String PULL_CURSOR = "pull.cursor";
    private static final String LAST_SUCCESS = "sync.last_success_ms";

    private final LedgerFile file;
    private final Supplier<Optional<TillIdentity>> identity;

    SqliteSyncMarks(LedgerFile file, Supplier<Optional<TillIdentity>> identity) {
        this.file = file;
        this.identity = identity;
    }

    @Override
    public PendingEvents pending(int limit) {
        return file.read(session -> {
            Handle h = session.handle();
            Optional<Integer> epoch = h.createQuery("SELECT MIN(e.till_epoch) FROM ledger_events e "
                            + "LEFT JOIN sync_acks a ON a.till_epoch = e.till_epoch "
                            + "WHERE e.till_seq > COALESCE(a.acked_through, 0)")
                    .mapTo(Integer.class).findOne();
            if (epoch.isEmpty()) {
                return new PendingEvents(identity.get().map(TillIdentity::epoch).orElse(1), List.of());
            }
            long acked = h.createQuery("SELECT acked_through FROM sync_acks WHERE till_epoch = :epoch")
                    .bind("epoch", epoch.get()).mapTo(Long.class).findOne().orElse(0L);
            List<EventEnvelope> events = h.createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = :epoch "
                            + "AND till_seq > :acked ORDER BY till_seq LIMIT :limit")
                    .bind("epoch", epoch.get())
                    .bind("acked", acked)
                    .bind("limit", limit)
                    .map((rs, ctx) -> file.codec().fromJson(rs.getString(1)))
                    .list();
            PendingEvents pending = withoutHoles(epoch.get(), acked, events);
            return pending.isEmpty() ? pending : pending.withHeld(held(h, epoch.get(), events.getFirst().tillId()));
        });
    }

    /** How far this ledger goes in {@code epoch}: its last seq, and the last receipt number it gave (sales and top-ups). */
    private static PushRequest.Held held(Handle h, int epoch, io.chainpos.model.id.TillId till) {
        long through = highest(h, epoch);
        Optional<Long> receipts = h.createQuery("SELECT value FROM till_state WHERE name = :name")
                .bind("name", "receipt." + epoch).mapTo(Long.class).findOne();
        return new PushRequest.Held(through, receipts.map(n -> ReceiptNo.numbered(till, epoch, n).value()).orElse(null));
    }

    /**
     * The ledger never deletes, so a hole in the sequence is rows taken out of the file: the events up to the hole go
     * first, and those after it in a push of their own that says which are missing.
     */
    private static PendingEvents withoutHoles(int epoch, long acked, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return new PendingEvents(epoch, events);
        }
        int run = 1;
        while (run < events.size() && events.get(run).tillSeq() == events.get(run - 1).tillSeq() + 1) {
            run++;
        }
        long first = events.getFirst().tillSeq();
        return new PendingEvents(epoch, events.subList(0, run), first > acked + 1 ? acked + 1 : null);
    }

    @Override
    public long pendingCount() {
        return file.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM ledger_events e LEFT JOIN sync_acks a "
                        + "ON a.till_epoch = e.till_epoch WHERE e.till_seq > COALESCE(a.acked_through, 0)")
                .mapTo(Long.class).one());
    }

    @Override
    public void acknowledge(int epoch, long ackedThrough) {
        file.inTransaction(h -> h.createUpdate("INSERT INTO sync_acks (till_epoch, acked_through) VALUES (:epoch, :through) "
                        + "ON CONFLICT (till_epoch) DO UPDATE SET acked_through = MAX(acked_through, :through)")
                .bind("epoch", epoch).bind("through", Math.min(ackedThrough, highest(h, epoch))).execute());
    }

    @Override
    public void serverHolds(int epoch, long through) {
        file.inTransaction(h -> h.createUpdate("INSERT INTO sync_acks (till_epoch, acked_through) VALUES (:epoch, :through) "
                        + "ON CONFLICT (till_epoch) DO UPDATE SET acked_through = :through")
                .bind("epoch", epoch).bind("through", Math.max(0, Math.min(through, highest(h, epoch)))).execute());
    }

    private static long highest(Handle h, int epoch) {
        return h.createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).one();
    }

    @Override
    public Map<Integer, Long> heldThrough() {
        return file.read(s -> s.handle().createQuery("SELECT till_epoch, MAX(till_seq) FROM ledger_events GROUP BY till_epoch")
                .reduceRows(new TreeMap<Integer, Long>(), (held, row) -> {
                    held.put(row.getColumn(1, Integer.class), row.getColumn(2, Long.class));
                    return held;
                }));
    }

    @Override
    public long pullCursor() {
        return file.read(s -> state(s.handle(), PULL_CURSOR)).orElse(0L);
    }

    @Override
    public Optional<Instant> lastSynced() {
        return file.read(s -> state(s.handle(), LAST_SUCCESS)).map(Instant::ofEpochMilli);
    }

    @Override
    public void recordSynced(Instant at) {
        file.inTransaction(h -> setState(h, LAST_SUCCESS, at.toEpochMilli()));
    }

    /** Moves the pull cursor inside the transaction that applied what was pulled. */
    static int movePullCursor(Handle h, long cursor) {
        return setState(h, PULL_CURSOR, cursor);
    }

    private static Optional<Long> state(Handle h, String name) {
        return h.createQuery("SELECT value FROM till_state WHERE name = :name").bind("name", name).mapTo(Long.class).findOne();
    }

    private static int setState(Handle h, String name, long value) {
        return h.createUpdate("INSERT INTO till_state (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = :value")
                .bind("name", name).bind("value", value).execute();
    }
}
