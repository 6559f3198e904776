package io.chainpos.server.log;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The months of records of the PostgreSQL event log (V250): events_records is partitioned by the UTC month an event
 * was received in. {@link #ensure} makes the partitions of this month and the next {@link #AHEAD} before they are
 * needed (the server calls it at start-up and every hour), and moves into its own month whatever landed in the
 * DEFAULT partition because its month was missing, so an insert never fails. {@link #detach} detaches whole months
 * older than the pull retention for archive, leaving their tables in the schema, and records them in event_archives.
 * State events (EventKind.STATE) are in events_state and never detached: a snapshot reads them from the beginning.
 *
 * <p>DDL here takes a lock on the partitioned table that would queue every ingest behind a long read (a snapshot
 * streaming the log), so it waits for its lock at most {@link #LOCK_WAIT} and fails: the next hour tries again, which
 * the months made ahead leave plenty of time for. DETACH ... CONCURRENTLY is not used: PostgreSQL refuses it on a
 * table with a DEFAULT partition, and it cannot run in the transaction that records the archive.
 */
public final class JdbcEventPartitions {
    /** Months made ahead of the current one. */
    public static final int AHEAD = 3;
    static final String LOCK_WAIT = "5s";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventPartitions.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    /** One ensure or detach at a time across server nodes and commands. */
    private static final long ADVISORY_LOCK = 0x6576656e74730001L;
    private static final String CHILDREN = """
            SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace
            WHERE p.relname = 'events_records' AND n.nspname = current_schema() AND c.relname <> 'events_records_default'""";

    private final Database db;

    public JdbcEventPartitions(Database db) {
        if (db.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("the event log is partitioned on PostgreSQL only; SQLite keeps one table");
        }
        this.db = db;
    }

    /** True when {@code db}'s event log is partitioned (PostgreSQL). */
    public static boolean partitioned(Database db) {
        return db.dialect() == Dialect.POSTGRESQL;
    }

    /** The partition name of a month's records. */
    public static String partitionName(YearMonth month) {
        return "events_records_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
    }

    static long startMs(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static YearMonth monthOf(long receivedMs) {
        return YearMonth.from(Instant.ofEpochMilli(receivedMs).atZone(ZoneOffset.UTC));
    }

    /** A month of records attached to the log. */
    public record Month(YearMonth month, String partition) {
    }

    /** A month detached for archive, as event_archives records it. */
    public record Archived(YearMonth month, String partition, long events, Long firstSeq, Long lastSeq, Instant detachedAt) {
    }

    /** Why a detach was refused; nothing was detached. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The months attached, oldest first. */
    public List<Month> attached() {
        return db.read(h -> h.createQuery(CHILDREN).mapTo(String.class).list()).stream()
                .map(name -> new Month(YearMonth.of(Integer.parseInt(name.substring(16, 20)), Integer.parseInt(name.substring(21, 23))),
                        name))
                .sorted(Comparator.comparing(Month::month)).toList();
    }

    /** The months detached so far, oldest first. */
    public List<Archived> archived() {
        return db.read(h -> h.createQuery("""
                        SELECT month, partition_name, events, first_seq, last_seq, detached_ms FROM event_archives ORDER BY from_ms""")
                .map((rs, ctx) -> new Archived(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), Instant.ofEpochMilli(rs.getLong(6))))
                .list());
    }

    /**
     * Makes the partitions of {@code now}'s month and the {@link #AHEAD} next, and gives every month found in the
     * DEFAULT partition its own; returns the partitions made.
     */
    public List<String> ensure(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (YearMonth month : strays()) {
            made.addAll(make(month));
        }
        for (int i = 0; i <= AHEAD; i++) {
            made.addAll(make(current.plusMonths(i)));
        }
        if (!made.isEmpty()) {
            LOG.atInfo().setMessage("event_partitions_made").addKeyValue("partitions", String.join(",", made)).log();
        }
        return made;
    }

    /**
     * Ensures the months now, then every hour on a daemon thread until closed; a run that fails (a lock not had in
     * {@link #LOCK_WAIT}) is logged and tried again the next hour.
     */
    public AutoCloseable keepAhead(Clock clock) {
        ensure(clock.instant());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "event-partitions");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                ensure(clock.instant());
            } catch (RuntimeException e) {
                LOG.error("event_partitions_failed", e);
            }
        }, 1, 1, TimeUnit.HOURS);
        return scheduler::shutdownNow;
    }

    /** The months of the records in the DEFAULT partition (none, unless a month was not made in time). */
    private List<YearMonth> strays() {
        Optional<long[]> range = db.read(h -> h.createQuery(
                        "SELECT MIN(received_ms), MAX(received_ms) FROM events_records_default HAVING COUNT(*) > 0")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne());
        List<YearMonth> months = new ArrayList<>();
        range.ifPresent(r -> {
            for (YearMonth m = monthOf(r[0]); !m.isAfter(monthOf(r[1])); m = m.plusMonths(1)) {
                months.add(m);
            }
        });
        return months;
    }

    /** Makes {@code month}'s partition unless it is attached, moving its records out of the DEFAULT partition. */
    private List<String> make(YearMonth month) {
        String name = partitionName(month);
        return db.write(tx -> {
            Handle h = tx.handle();
            serialize(h);
            if (h.createQuery(CHILDREN + " AND c.relname = :name").bind("name", name).mapTo(String.class).findOne().isPresent()) {
                return List.<String>of();
            }
            long from = startMs(month);
            long to = startMs(month.plusMonths(1));
            boolean strays = h.createQuery("SELECT EXISTS (SELECT 1 FROM events_records_default WHERE received_ms >= :from AND received_ms < :to)")
                    .bind("from", from).bind("to", to).mapTo(Boolean.class).one();
            if (h.createQuery("SELECT to_regclass(:name) IS NOT NULL").bind("name", name).mapTo(Boolean.class).one()) {
                // The month was detached for archive and its table is still here: records of it arriving now (a clock
                // turned back) stay in the DEFAULT partition rather than be mixed into the archive.
                LOG.atWarn().setMessage("event_partition_archived").addKeyValue("partition", name)
                        .addKeyValue("records_in_default", strays).log();
                return List.<String>of();
            }
            if (!strays) {
                h.execute("CREATE TABLE " + name + " PARTITION OF events_records FOR VALUES FROM (" + from + ") TO (" + to + ")");
                return List.of(name);
            }
            // The month's records went to the DEFAULT partition: PostgreSQL will not make a partition that rows in the
            // DEFAULT one belong to, so the DEFAULT is taken off while they move.
            h.execute("ALTER TABLE events_records DETACH PARTITION events_records_default");
            h.execute("CREATE TABLE " + name + " PARTITION OF events_records FOR VALUES FROM (" + from + ") TO (" + to + ")");
            h.execute("INSERT INTO " + name + " SELECT * FROM events_records_default WHERE received_ms >= " + from
                    + " AND received_ms < " + to);
            h.execute("DELETE FROM events_records_default WHERE received_ms >= " + from + " AND received_ms < " + to);
            h.execute("ALTER TABLE events_records ATTACH PARTITION events_records_default DEFAULT");
            return List.of(name);
        });
    }

    /** Waits at most {@link #LOCK_WAIT} for any lock, and takes the one ensure-or-detach lock for this transaction. */
    private static void serialize(Handle h) {
        h.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
        h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(" + ADVISORY_LOCK + ")").mapTo(Integer.class).one();
    }

    /**
     * Detaches every attached month before {@code before} for archive, once each has ended more than {@code retention}
     * before {@code now}: no snapshot sends records that old, and a pull from a cursor in them is sent to a snapshot.
     * Refuses (detaching nothing) when a month asked for is still within the retention.
     */
    public List<Archived> detach(YearMonth before, Instant now, Duration retention) {
        ensure(now);
        Instant retainedSince = now.minus(retention);
        if (Instant.ofEpochMilli(startMs(before)).isAfter(retainedSince)) {
            YearMonth youngest = before.minusMonths(1);
            YearMonth newestAllowed = monthOf(retainedSince.toEpochMilli());
            throw new Refused(("%s ends %s, within the pull retention of %d days: tills are still sent its records. "
                    + "Only months that ended before %s can be detached (--before %s at the latest); nothing was detached.")
                    .formatted(MONTH.format(youngest), before.atDay(1), retention.toDays(),
                            retainedSince.atZone(ZoneOffset.UTC).toLocalDate(), MONTH.format(newestAllowed)));
        }
        List<Month> asked = attached().stream().filter(m -> m.month().isBefore(before)).toList();
        List<Archived> done = new ArrayList<>();
        for (Month month : asked) {
            done.add(detachOne(month, now));
        }
        return done;
    }

    private Archived detachOne(Month month, Instant now) {
        String name = month.partition();
        // Counted before the lock: a month past the retention takes no more records.
        long[] stats = db.read(h -> h.createQuery("SELECT COUNT(*), MIN(server_seq), MAX(server_seq) FROM " + name)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
        Long first = stats[0] == 0 ? null : stats[1];
        Long last = stats[0] == 0 ? null : stats[2];
        db.write(tx -> {
            Handle h = tx.handle();
            serialize(h);
            h.execute("ALTER TABLE events_records DETACH PARTITION " + name);
            h.createUpdate("""
                            INSERT INTO event_archives (partition_name, month, from_ms, to_ms, events, first_seq, last_seq, detached_ms)
                            VALUES (:name, :month, :from, :to, :events, :first, :last, :at)""")
                    .bind("name", name).bind("month", MONTH.format(month.month()))
                    .bind("from", startMs(month.month())).bind("to", startMs(month.month().plusMonths(1)))
                    .bind("events", stats[0]).bind("first", first).bind("last", last).bind("at", now.toEpochMilli())
                    .execute();
            return null;
        });
        LOG.atInfo().setMessage("event_month_detached").addKeyValue("partition", name).addKeyValue("events", stats[0])
                .addKeyValue("first_seq", first).addKeyValue("last_seq", last).log();
        return new Archived(month.month(), name, stats[0], first, last, now);
    }
}
