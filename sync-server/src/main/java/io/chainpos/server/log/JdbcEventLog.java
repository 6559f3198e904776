package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.merge.EventScope;
import io.chainpos.server.merge.HeadOfficeTill;
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

/** The event log on either database: the same portable SQL, with the database's own transactions. */
public final class JdbcEventLog implements EventLog {
    /** How many server sequences one pull scans at most, so a till far behind gets pages, not a long scan. */
    static final long PULL_WINDOW = 20_000;
    /** How many ids one statement of {@link #withIds} looks up. */
    private static final int ID_CHUNK = 512;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventLog.class);

    private final Database db;
    private final EventCodec codec;
    private final Clock clock;
    private final JdbcProjections projections;
    private final JdbcIngest ingest;
    private final JdbcProjector projector;
    /** The events this node just stored, as read from their push, so its projector does not read their JSON again. */
    private final RecentEvents recent = new RecentEvents(RecentEvents.KEPT);

    /**
     * @param projections merged into in this order by the {@link #projector()}, behind the pushes
     * @param findings    where what head office must look at is recorded, in the transaction that found it
     */
    public JdbcEventLog(Database db, EventCodec codec, Clock clock, List<Projection> projections, Findings findings) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
        this.projections = new JdbcProjections(projections);
        this.ingest = new JdbcIngest(findings, db.dialect(), codec);
        this.projector = new JdbcProjector(db, codec, clock, this.projections, findings, recent);
    }

    /** What merges this log into the projections; a reader of a projection catches it up first. */
    public Projector projector() {
        return projector;
    }

    @Override
    public IngestResult ingest(IngestBatch batch) {
        return ingest(batch.tillId(), batch.tillEpoch(), mark -> batch);
    }

    @Override
    public IngestResult append(TillId tillId, int tillEpoch, Function<TillMark, List<IncomingEvent>> next) {
        return ingest(tillId, tillEpoch, mark -> new IngestBatch(tillId, tillEpoch, next.apply(mark)));
    }

    /**
     * Runs the batch optimistically first; when an event id turns out to be taken, it runs again looking for taken ids
     * first. Each run is its own transaction.
     */
    private IngestResult ingest(TillId tillId, int tillEpoch, Function<TillMark, IngestBatch> next) {
        JdbcIngest.Attempt attempt = JdbcIngest.Attempt.first();
        for (int run = 1; ; run++) {
            JdbcIngest.Attempt current = attempt;
            try {
                RecentEvents.Pending appended = recent.pending();
                IngestResult result = db.write(tx -> {
                    appended.clear(); // a transaction run again appends again
                    TillMark mark = ingest.lockMark(tx.sql(), tillId, tillEpoch);
                    IngestBatch batch = next.apply(mark);
                    return ingest.ingest(tx.sql(), batch, mark, clock.instant(), current, appended);
                });
                appended.committed();
                return result;
            } catch (RuntimeException e) {
                if (!Dialect.isUniqueViolation(e) || run > 20) {
                    throw e;
                }
                // An event id is taken: by this batch itself, an earlier event, or another node just now.
                attempt = new JdbcIngest.Attempt(true);
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
            // Each row with when it was received if it is another till's chain-wide event, -1 if the till's store's or head office's.
            record Row(PullPage.PulledEvent event, long chainReceivedMs) {
            }
            List<Row> rows = h.createQuery("""
                            SELECT server_seq, body, CASE WHEN scope = :chain AND till_id <> :headOffice THEN received_ms ELSE -1 END
                            FROM events
                            WHERE server_seq > :after AND server_seq <= :scanTo
                              AND (scope = :chain OR store_id = :store)
                              AND NOT (till_id = :till AND till_epoch = :epoch)
                            ORDER BY server_seq LIMIT :limit""")
                    .bind("after", query.after())
                    .bind("scanTo", scanTo)
                    .bind("till", query.requester().value())
                    .bind("epoch", query.requesterEpoch())
                    .bind("chain", EventScope.CHAIN.name())
                    .bind("headOffice", HeadOfficeTill.TILL.value())
                    .bind("store", query.requesterStore().value())
                    .bind("limit", query.limit())
                    .map((rs, ctx) -> new Row(new PullPage.PulledEvent(rs.getLong(1), rs.getString(2)), rs.getLong(3)))
                    .list();
            List<PullPage.PulledEvent> events = rows.stream().map(Row::event).toList();
            long since = rows.stream().mapToLong(Row::chainReceivedMs).min().orElse(-1);
            long next = events.size() == query.limit() ? events.getLast().serverSeq() : scanTo;
            return new PullPage(events, next, next < newest, newest,
                    since < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(since)));
        });
    }

    @Override
    public LogChanges changesAfter(long serverSeq, long window) {
        return db.read(h -> {
            long head = h.createQuery("SELECT last_seq FROM log_head WHERE id = 1").mapTo(Long.class).one();
            if (serverSeq >= head) {
                return new LogChanges(head, Set.of(), false, false);
            }
            if (head - serverSeq > window) {
                return new LogChanges(head, Set.of(), true, true);
            }
            List<String[]> scopes = h.createQuery(
                            "SELECT DISTINCT scope, store_id FROM events WHERE server_seq > :after AND server_seq <= :head")
                    .bind("after", serverSeq)
                    .bind("head", head)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            Set<StoreId> stores = new HashSet<>();
            boolean chain = false;
            boolean headOffice = false;
            for (String[] scope : scopes) {
                if (EventScope.CHAIN.name().equals(scope[0])) {
                    chain = true;
                    headOffice |= HeadOfficeTill.STORE.value().equals(scope[1]);
                } else {
                    stores.add(StoreId.of(scope[1]));
                }
            }
            return new LogChanges(head, stores, chain, headOffice);
        });
    }

    @Override
    public Optional<Instant> receivedAfter(long serverSeq) {
        if (JdbcEventPartitions.partitioned(db)) {
            // Past the cursor, a month detached for archive (V250): its records were received then, and are gone.
            Optional<Instant> archived = db.read(h -> h.createQuery(
                            "SELECT MIN(from_ms) FROM event_archives WHERE last_seq > :seq HAVING COUNT(*) > 0")
                    .bind("seq", serverSeq)
                    .mapTo(Long.class)
                    .findOne()
                    .map(Instant::ofEpochMilli));
            if (archived.isPresent()) {
                return archived;
            }
        }
        return db.read(h -> h.createQuery("SELECT received_ms FROM events WHERE server_seq > :seq ORDER BY server_seq LIMIT 1")
                .bind("seq", serverSeq)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public long snapshot(SnapshotQuery query, SnapshotSink sink) {
        projector.catchUp(); // the sums come from the projections: the snapshot's cursor is where they stand
        return db.readConsistent(h -> {
            try (SqlSession sql = new SqlSession(h.getConnection())) {
                return new JdbcSnapshot(h, sql, codec, projections.all(), JdbcEventPartitions.partitioned(db)).write(query, sink);
            }
        });
    }

    @Override
    public List<EventEnvelope> find(LogSearch search) {
        StringBuilder where = new StringBuilder("type IN (<types>)");
        // Head office's till as a literal, not a parameter: the partial index of its events is chosen only for it.
        boolean headOffice = search.till().filter(HeadOfficeTill.TILL::equals).isPresent();
        search.till().ifPresent(till -> where.append(headOffice ? " AND till_id = 'HQ'" : " AND till_id = :till"));
        if (!search.mentioning().isEmpty()) {
            where.append(" AND (");
            for (int i = 0; i < search.mentioning().size(); i++) {
                where.append(i == 0 ? "" : " OR ").append("body LIKE :m").append(i);
            }
            where.append(")");
        }
        String limit = search.limit() == Integer.MAX_VALUE ? "" : " LIMIT " + search.limit();
        return db.read(h -> {
            var query = h.createQuery("SELECT body FROM events WHERE " + where + " ORDER BY server_seq" + limit)
                    .bindList("types", List.copyOf(search.types()));
            search.till().filter(till -> !headOffice).ifPresent(till -> query.bind("till", till.value()));
            for (int i = 0; i < search.mentioning().size(); i++) {
                query.bind("m" + i, "%\"" + search.mentioning().get(i) + "\"%");
            }
            return query.map((rs, ctx) -> codec.fromJson(rs.getString(1))).list();
        });
    }

    @Override
    public List<EventEnvelope> withIds(List<String> eventIds) {
        List<String> ids = eventIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PullPage.PulledEvent> found = db.read(h -> {
            try (SqlSession sql = new SqlSession(h.getConnection())) {
                List<PullPage.PulledEvent> rows = new ArrayList<>(ids.size());
                for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
                    int places = SqlSession.placesFor(chunk.size());
                    rows.addAll(sql.list("SELECT server_seq, body FROM events WHERE event_id IN (" + SqlSession.places(places) + ")",
                            rs -> new PullPage.PulledEvent(rs.getLong(1), rs.getString(2)), SqlSession.padded(chunk, places)));
                }
                return rows;
            }
        });
        return found.stream().sorted(java.util.Comparator.comparingLong(PullPage.PulledEvent::serverSeq))
                .map(e -> codec.fromJson(e.body())).toList();
    }

    @Override
    public boolean isEmpty() {
        return db.read(h -> h.createQuery("SELECT last_seq FROM log_head WHERE id = 1").mapTo(Long.class).one() == 0);
    }

    @Override
    public void rebuildProjections() {
        if (JdbcEventPartitions.partitioned(db)) {
            List<JdbcEventPartitions.Archived> archived = new JdbcEventPartitions(db).archived();
            if (!archived.isEmpty()) {
                throw new JdbcEventPartitions.Refused(("%d month(s) of records are detached for archive (%s to %s): the read models "
                        + "folded from what remains would lose their sales, top-ups and audit acts. Attach them back first "
                        + "(README, \"Archiving old months of the log\").").formatted(archived.size(),
                        archived.getFirst().month(), archived.getLast().month()));
            }
        }
        // Exceptions are a record of what was found when it arrived; a rebuild does not find them again.
        projector.rebuild();
    }
}
