package io.chainpos.server.store;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.StockView;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.merge.EventScope;
import io.chainpos.server.merge.FieldWrite;
import io.chainpos.server.merge.MemberProfiles;
import io.chainpos.server.merge.ProfileField;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The event store on one SQLite file: writes through the single writer, reads from the reader pool. */
final class SqliteEventStore implements EventStore {
    /** How many server sequences one pull scans at most, so a till far behind gets pages, not a long scan. */
    static final long PULL_WINDOW = 20_000;

    private final SqliteDatabase db;
    private final EventCodec codec;
    private final Clock clock;
    private final JdbcIngest ingest;
    private final JdbcProjector projector = new JdbcProjector();

    SqliteEventStore(SqliteDatabase db, EventCodec codec, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
        this.ingest = new JdbcIngest(projector, new JdbcExceptionLog());
    }

    @Override
    public IngestResult ingest(IngestBatch batch) {
        return db.write(tx -> ingest.ingest(tx.sql(), batch, clock.instant()));
    }

    @Override
    public TillMark mark(TillId tillId, int tillEpoch) {
        return db.reads().withHandle(h -> h.createQuery(
                        "SELECT acked_through, last_hlc FROM till_marks WHERE till_id = :till AND till_epoch = :epoch")
                .bind("till", tillId.value())
                .bind("epoch", tillEpoch)
                .map((rs, ctx) -> new TillMark(rs.getLong(1), rs.getLong(2)))
                .findOne()
                .orElse(TillMark.NONE));
    }

    /**
     * Safe on SQLite as it is: the one writer hands out server sequences in commit order, so nothing below
     * the highest committed sequence can commit later.
     */
    @Override
    public PullPage pull(PullQuery query) {
        return db.reads().inTransaction(h -> {
            long newest = h.createQuery("SELECT COALESCE(MAX(server_seq), 0) FROM events").mapTo(Long.class).one();
            if (query.after() >= newest) {
                return new PullPage(List.of(), query.after(), false);
            }
            long scanTo = Math.min(newest, query.after() + PULL_WINDOW);
            List<PullPage.PulledEvent> events = h.createQuery("""
                            SELECT server_seq, body FROM events
                            WHERE server_seq > :after AND server_seq <= :scanTo AND till_id <> :till
                              AND (scope = :chain OR store_id = :store)
                            ORDER BY server_seq LIMIT :limit""")
                    .bind("after", query.after())
                    .bind("scanTo", scanTo)
                    .bind("till", query.requester().value())
                    .bind("chain", EventScope.CHAIN.name())
                    .bind("store", query.requesterStore().value())
                    .bind("limit", query.limit())
                    .map((rs, ctx) -> new PullPage.PulledEvent(rs.getLong(1), rs.getString(2)))
                    .list();
            long next = events.size() == query.limit() ? events.getLast().serverSeq() : scanTo;
            return new PullPage(events, next, next < newest);
        });
    }

    @Override
    public Optional<MemberView> member(MemberId memberId) {
        return db.reads().inTransaction(h -> view(h, memberId.toString()));
    }

    @Override
    public Optional<MemberView> memberByPhone(String phone) {
        return db.reads().inTransaction(h -> h.createQuery("""
                        SELECT DISTINCT COALESCE(a.survivor_id, f.member_id) AS survivor
                        FROM member_fields f LEFT JOIN member_aliases a ON a.merged_id = f.member_id
                        WHERE f.field = :field AND f.value = :phone
                        ORDER BY survivor""")
                .bind("field", ProfileField.PHONE.stored())
                .bind("phone", phone)
                .mapTo(String.class)
                .list()
                .stream()
                .map(survivor -> view(h, survivor))
                .flatMap(Optional::stream)
                .filter(view -> phone.equals(view.phone()))
                .findFirst());
    }

    private Optional<MemberView> view(Handle h, String memberId) {
        String survivor = h.createQuery("SELECT survivor_id FROM member_aliases WHERE merged_id = :id")
                .bind("id", memberId).mapTo(String.class).findOne().orElse(memberId);
        List<FieldWrite> writes = h.createQuery("""
                        SELECT member_id, field, value, hlc, till_id, event_id FROM member_fields
                        WHERE member_id = :id OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                .bind("id", survivor)
                .map((rs, ctx) -> {
                    Optional<ProfileField> field = ProfileField.fromStored(rs.getString(2));
                    return field.isEmpty() ? null : new FieldWrite(rs.getString(1), field.get(), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6));
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
        Optional<long[]> balances = h.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances
                        WHERE member_id = :id OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                .bind("id", survivor)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .findOne()
                .filter(b -> b[0] > 0);
        if (writes.isEmpty() && balances.isEmpty()) {
            return Optional.empty();
        }
        long[] b = balances.orElse(new long[3]);
        return Optional.of(MemberProfiles.view(survivor, writes, b[1], b[2]));
    }

    @Override
    public StockView stock(StoreId storeId, Sku sku) {
        long qty = db.reads().withHandle(h -> h.createQuery("SELECT qty_milli FROM stock WHERE store_id = :store AND sku = :sku")
                .bind("store", storeId.value())
                .bind("sku", sku.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
        return new StockView(storeId.value(), sku.value(), qty);
    }

    @Override
    public List<SyncException> exceptions(int limit) {
        return db.reads().withHandle(h -> h.createQuery(JdbcExceptionLog.NEWEST.replace("?", ":limit"))
                .bind("limit", limit)
                .map((rs, ctx) -> JdbcExceptionLog.read(rs))
                .list());
    }

    @Override
    public boolean isEmpty() {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM events LIMIT 1) any_event")
                .mapTo(Integer.class).one() == 0);
    }

    @Override
    public void rebuildProjections() {
        db.write(tx -> {
            for (String table : List.of("member_fields", "member_aliases", "balance_deltas", "member_balances", "stock")) {
                tx.handle().execute("DELETE FROM " + table);
            }
            // Exceptions are a record of what was found when it arrived; a rebuild does not find them again.
            tx.sql().forEach("SELECT body FROM events ORDER BY server_seq", rs -> {
                projector.apply(tx.sql(), codec.fromJson(rs.getString(1)), clock.instant());
                return null;
            });
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
