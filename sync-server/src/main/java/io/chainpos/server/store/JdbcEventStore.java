package io.chainpos.server.store;

import io.chainpos.server.db.*;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.member.Phones;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.StockView;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.merge.EventScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event store on either database: the same portable SQL, with the database's own transactions. */
public final class JdbcEventStore implements EventStore {
    /** How many server sequences one pull scans at most, so a till far behind gets pages, not a long scan. */
    static final long PULL_WINDOW = 20_000;
    private static final int REBUILD_CHUNK = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventStore.class);

    private final Database db;
    private final EventCodec codec;
    private final Clock clock;
    private final JdbcIngest ingest;
    private final JdbcProjector projector = new JdbcProjector();
    private final JdbcMemberKeys memberKeys = new JdbcMemberKeys();
    private final JdbcMemberViews members = new JdbcMemberViews(memberKeys);
    private volatile PhoneLookup phoneLookup;

    public JdbcEventStore(Database db, EventCodec codec, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
        this.ingest = new JdbcIngest(projector, new JdbcExceptionLog(), db.dialect());
    }

    @Override
    public IngestResult ingest(IngestBatch batch) {
        return ingest(batch.tillId(), batch.tillEpoch(), mark -> batch.events());
    }

    @Override
    public IngestResult append(TillId tillId, int tillEpoch, Function<TillMark, List<IncomingEvent>> next) {
        return ingest(tillId, tillEpoch, next);
    }

    /**
     * Runs the batch optimistically first. When an event id turns out to be taken, it runs again looking
     * for taken ids first; when merging fails on an event's content, it runs again one event at a time to
     * find the event, and then again with that event quarantined. Each run is its own transaction.
     */
    private IngestResult ingest(TillId tillId, int tillEpoch, Function<TillMark, List<IncomingEvent>> next) {
        JdbcIngest.Attempt attempt = JdbcIngest.Attempt.first();
        Set<Long> unprocessable = new HashSet<>();
        for (int run = 1; ; run++) {
            JdbcIngest.Attempt current = attempt;
            try {
                return db.write(tx -> {
                    TillMark mark = ingest.lockMark(tx.sql(), tillId, tillEpoch);
                    IngestBatch batch = new IngestBatch(tillId, tillEpoch, next.apply(mark));
                    return ingest.ingest(tx.sql(), batch, mark, clock.instant(), current);
                });
            } catch (JdbcProjector.ProjectionFailure failure) {
                EventEnvelope poison = failure.event();
                boolean noProgress = poison == null ? current.oneByOne() : unprocessable.contains(poison.tillSeq());
                if (noProgress) {
                    throw failure;
                }
                if (poison == null) {
                    attempt = new JdbcIngest.Attempt(true, true, Set.copyOf(unprocessable));
                } else {
                    LOG.atError().setMessage("event_unprocessable").addKeyValue("till", poison.tillId())
                            .addKeyValue("epoch", poison.tillEpoch()).addKeyValue("seq", poison.tillSeq())
                            .addKeyValue("type", poison.type()).setCause(failure.getCause()).log();
                    unprocessable.add(poison.tillSeq());
                    attempt = new JdbcIngest.Attempt(true, true, Set.copyOf(unprocessable));
                }
            } catch (RuntimeException e) {
                if (!Dialect.isUniqueViolation(e) || run > 20) {
                    throw e;
                }
                // An event id is taken: by this batch itself, an earlier event, or another node just now.
                attempt = new JdbcIngest.Attempt(true, attempt.oneByOne(), attempt.unprocessable());
            }
        }
    }

    @Override
    public TillMark mark(TillId tillId, int tillEpoch) {
        return db.read(h -> h.createQuery(
                        "SELECT acked_through, last_hlc FROM till_marks WHERE till_id = :till AND till_epoch = :epoch")
                .bind("till", tillId.value())
                .bind("epoch", tillEpoch)
                .map((rs, ctx) -> new TillMark(rs.getLong(1), rs.getLong(2)))
                .findOne()
                .orElse(TillMark.NONE));
    }

    /**
     * Safe on both databases: ingest takes server sequences in commit order (see {@link JdbcIngest}), so
     * every sequence up to the log head read here is committed and nothing below it can commit later.
     */
    @Override
    public PullPage pull(PullQuery query) {
        return db.read(h -> {
            long newest = h.createQuery("SELECT last_seq FROM log_head WHERE id = 1").mapTo(Long.class).one();
            if (query.after() >= newest) {
                return new PullPage(List.of(), query.after(), false, newest);
            }
            long scanTo = Math.min(newest, query.after() + PULL_WINDOW);
            List<PullPage.PulledEvent> events = h.createQuery("""
                            SELECT server_seq, body FROM events
                            WHERE server_seq > :after AND server_seq <= :scanTo
                              AND (scope = :chain OR store_id = :store)
                              AND NOT (till_id = :till AND till_epoch = :epoch)
                            ORDER BY server_seq LIMIT :limit""")
                    .bind("after", query.after())
                    .bind("scanTo", scanTo)
                    .bind("till", query.requester().value())
                    .bind("epoch", query.requesterEpoch())
                    .bind("chain", EventScope.CHAIN.name())
                    .bind("store", query.requesterStore().value())
                    .bind("limit", query.limit())
                    .map((rs, ctx) -> new PullPage.PulledEvent(rs.getLong(1), rs.getString(2)))
                    .list();
            long next = events.size() == query.limit() ? events.getLast().serverSeq() : scanTo;
            return new PullPage(events, next, next < newest, newest);
        });
    }

    @Override
    public Optional<Instant> receivedAfter(long serverSeq) {
        return db.read(h -> h.createQuery("SELECT received_ms FROM events WHERE server_seq > :seq ORDER BY server_seq LIMIT 1")
                .bind("seq", serverSeq)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public long snapshot(SnapshotQuery query, SnapshotSink sink) {
        return db.readConsistent(h -> new JdbcSnapshot(h, codec).write(query, sink));
    }

    @Override
    public Optional<MemberView> member(MemberId memberId) {
        return db.readConsistent(h -> members.view(h, memberId.toString()));
    }

    @Override
    public Optional<MemberView> memberByPhone(String phone) {
        Optional<String> normalized = Phones.normalize(phone);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String hash = phoneLookup().hash(normalized.get());
        return db.readConsistent(h -> members.byPhoneHash(h, hash));
    }

    private PhoneLookup phoneLookup() {
        PhoneLookup lookup = phoneLookup;
        if (lookup == null) {
            lookup = new PhoneLookup(memberLookupSecret());
            phoneLookup = lookup;
        }
        return lookup;
    }

    @Override
    public String memberLookupSecret() {
        return memberKeys.lookupSecret(db, null);
    }

    @Override
    public String memberLookupSecret(String proposed) {
        return memberKeys.lookupSecret(db, proposed);
    }

    @Override
    public int storeMemberKeys(List<MemberKey> keys) {
        return keys.isEmpty() ? 0 : db.write(tx -> memberKeys.store(tx.handle(), keys));
    }

    @Override
    public List<MemberKey> memberKeys(List<MemberId> memberIds) {
        return db.read(h -> memberKeys.find(h, memberIds.stream().map(MemberId::toString).distinct().toList()));
    }

    @Override
    public List<MemberId> survivorsWithPhoneHash(String phoneHash) {
        return db.readConsistent(h -> members.survivorsWithPhoneHash(h, phoneHash)).stream().map(MemberId::parse).toList();
    }

    @Override
    public List<MemberId> memberFamily(MemberId memberId) {
        return db.readConsistent(h -> {
            String survivor = JdbcMemberViews.survivor(h, memberId.toString());
            List<String> family = new ArrayList<>();
            family.add(survivor);
            family.addAll(h.createQuery("SELECT merged_id FROM member_aliases WHERE survivor_id = :id ORDER BY merged_id")
                    .bind("id", survivor).mapTo(String.class).list());
            boolean known = h.createQuery("SELECT COUNT(*) FROM events WHERE type IN (<types>) AND body LIKE :id")
                    .bindList("types", HISTORY_TYPES).bind("id", "%\"" + survivor + "\"%").mapTo(Long.class).one() > 0;
            return known ? family.stream().map(MemberId::parse).toList() : List.<MemberId>of();
        });
    }

    private static final List<String> HISTORY_TYPES = List.of("MemberRegistered", "MemberProfileChanged", "MembersMerged",
            "MemberErased", "SaleCompleted", "PointsChanged", "StoredValueChanged");

    @Override
    public List<EventEnvelope> memberHistory(List<MemberId> family) {
        if (family.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < family.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("body LIKE :m").append(i);
        }
        return db.read(h -> {
            var query = h.createQuery("SELECT body FROM events WHERE type IN (<types>) AND (" + where + ") ORDER BY server_seq")
                    .bindList("types", HISTORY_TYPES);
            for (int i = 0; i < family.size(); i++) {
                query.bind("m" + i, "%\"" + family.get(i) + "\"%");
            }
            return query.map((rs, ctx) -> codec.fromJson(rs.getString(1))).list();
        });
    }

    @Override
    public BalanceTotals balanceTotals() {
        return db.read(h -> h.createQuery("SELECT COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances")
                .map((rs, ctx) -> new BalanceTotals(rs.getLong(1), rs.getLong(2))).one());
    }

    @Override
    public void scrub() {
        db.scrub();
    }

    @Override
    public StockView stock(StoreId storeId, Sku sku) {
        long qty = db.read(h -> h.createQuery("SELECT qty_milli FROM stock WHERE store_id = :store AND sku = :sku")
                .bind("store", storeId.value())
                .bind("sku", sku.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
        return new StockView(storeId.value(), sku.value(), qty);
    }

    @Override
    public List<SyncException> exceptions(int limit) {
        return db.read(h -> h.createQuery(JdbcExceptionLog.NEWEST.replace("?", ":limit"))
                .bind("limit", limit)
                .map((rs, ctx) -> JdbcExceptionLog.read(rs))
                .list());
    }

    @Override
    public boolean isEmpty() {
        return db.read(h -> h.createQuery("SELECT last_seq FROM log_head WHERE id = 1").mapTo(Long.class).one() == 0);
    }

    @Override
    public void rebuildProjections() {
        db.write(tx -> {
            for (String table : List.of("member_fields", "member_aliases", "balance_deltas", "member_balances", "stock",
                    "erased_members")) {
                tx.handle().execute("DELETE FROM " + table);
            }
            // Exceptions are a record of what was found when it arrived; a rebuild does not find them again.
            List<EventEnvelope> chunk = new ArrayList<>(REBUILD_CHUNK);
            tx.sql().forEach("SELECT body FROM events ORDER BY server_seq", rs -> {
                chunk.add(codec.fromJson(rs.getString(1)));
                if (chunk.size() == REBUILD_CHUNK) {
                    projector.apply(tx.sql(), chunk, clock.instant(), false);
                    chunk.clear();
                }
                return null;
            });
            projector.apply(tx.sql(), chunk, clock.instant(), false);
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
