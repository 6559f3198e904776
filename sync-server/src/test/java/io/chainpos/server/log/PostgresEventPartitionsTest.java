package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.renamed;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL log partitioned by month (V250), driven across month boundaries by the server's clock: where events
 * land, pulls across a boundary, snapshots and member history before and after old months are detached for archive,
 * dedup against detached events, and a month nobody made in time.
 */
class PostgresEventPartitionsTest extends EventStoreContract {
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Set<String> HISTORY_TYPES = Set.of("MemberRegistered", "MemberProfileChanged", "SaleCompleted",
            "PointsChanged", "StoredValueChanged");

    @Override
    protected Storage open(Path dir) {
        return PostgresStores.open(dir);
    }

    private JdbcEventPartitions partitions() {
        return new JdbcEventPartitions(storage.database());
    }

    private static SaleCompleted memberSale(SaleCompleted sale, MemberId member) {
        return new SaleCompleted(sale.saleId(), sale.receiptNo(), member, sale.currency(), sale.lines(), sale.promotionsApplied(),
                sale.subtotal(), sale.discountTotal(), sale.total(), sale.tenders(), sale.change(), sale.priceListVersion(), sale.cashier());
    }

    /** Where each stored event is: its partition, by event id. */
    private Map<String, String> placement() {
        return storage.database().read(h -> h.createQuery("SELECT event_id, tableoid::regclass::text FROM events")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** What a new till of store S001 is sent: the cursor, the events as stored (by id) and the sums carried forward. */
    private List<String> newTillSnapshot() {
        List<String> got = new ArrayList<>();
        log.snapshot(new SnapshotQuery(TillId.of("S001-T9"), StoreId.of("S001"), Map.of(), clock.instant().minus(RETENTION)),
                new SnapshotSink() {
                    @Override
                    public void begin(long cursor) {
                        got.add("cursor " + cursor);
                    }

                    @Override
                    public void event(String body) {
                        got.add("event " + Json.CODEC.fromJson(body).eventId());
                    }

                    @Override
                    public void carried(String what, Event payload) {
                        got.add("carried " + what + " " + payload);
                    }
                });
        return got;
    }

    private List<Long> pullAll(long after, TillWriter as) {
        List<Long> seqs = new ArrayList<>();
        long cursor = after;
        for (int page = 0; page < 100; page++) {
            PullPage got = log.pull(new PullQuery(cursor, 2, as.till, as.epoch, as.store));
            got.events().forEach(e -> seqs.add(e.serverSeq()));
            cursor = got.next();
            if (!got.hasMore()) {
                return seqs;
            }
        }
        throw new AssertionError("the pull did not end");
    }

    private List<String> history(MemberId member) {
        return log.withIds(members.eventIdsAbout(List.of(member), HISTORY_TYPES)).stream()
                .map(e -> e.type() + " " + e.eventId()).sorted().toList();
    }

    @Test
    void monthsAcrossBoundariesThenOldOnesDetachedWithSnapshotsPullsAndHistoryUnchanged() {
        // June: a member registers and buys; her points; the store's stock. Stored before any partition of June exists.
        at("2026-06-10T10:00:00Z");
        EventEnvelope registration = a1.next(registered(member(1), "13900000001", "Li"));
        EventEnvelope juneSale = a1.next(memberSale(sale("S001-T1-1", "100001", 350), member(1)));
        EventEnvelope junePoints = a1.next(points(member(1), 35));
        EventEnvelope juneStock = a1.next(stock("S001", "100001", -1_000, StockChanged.Reason.SALE));
        push(a1, List.of(registration, juneSale, junePoints, juneStock));
        // July, then the last millisecond of July and the first of August at store S002.
        at("2026-07-15T10:00:00Z");
        EventEnvelope julySale = a2.next(memberSale(sale("S001-T2-1", "100001", 500), member(1)));
        EventEnvelope julyPoints = a2.next(points(member(1), 50));
        EventEnvelope julyRename = a2.next(renamed(member(1), "Li Na"));
        push(a2, List.of(julySale, julyPoints, julyRename));
        at("2026-07-31T23:59:59.999Z");
        EventEnvelope lastOfJuly = b1.next(sale("S002-T1-1", "100001", 120));
        push(b1, List.of(lastOfJuly));
        at("2026-08-01T00:00:00Z");
        EventEnvelope firstOfAugust = b1.next(sale("S002-T1-2", "100001", 130));
        EventEnvelope augustTopUp = b1.next(storedValue(member(1), 10_000));
        push(b1, List.of(firstOfAugust, augustTopUp));

        // The server makes its months at start-up and every hour: here by hand, on the 1st of October.
        at("2026-10-01T00:30:00Z");
        List<String> made = partitions().ensure(clock.instant());

        // June to August were missing (their records waited in the DEFAULT partition); October and three months ahead
        // exist now, whoever made them (the migration makes today's months too).
        assertThat(made).contains("events_records_y2026m06", "events_records_y2026m07", "events_records_y2026m08");
        assertThat(partitions().attached()).extracting(JdbcEventPartitions.Month::partition).contains("events_records_y2026m10",
                "events_records_y2026m11", "events_records_y2026m12", "events_records_y2027m01");
        Map<String, String> where = placement();
        assertThat(where).containsEntry(juneSale.eventId().toString(), "events_records_y2026m06")
                .containsEntry(julySale.eventId().toString(), "events_records_y2026m07")
                .containsEntry(lastOfJuly.eventId().toString(), "events_records_y2026m07")
                .containsEntry(firstOfAugust.eventId().toString(), "events_records_y2026m08")
                .containsEntry(registration.eventId().toString(), "events_state")
                .containsEntry(junePoints.eventId().toString(), "events_state")
                .containsEntry(juneStock.eventId().toString(), "events_state")
                .containsEntry(julyRename.eventId().toString(), "events_state")
                .containsEntry(augustTopUp.eventId().toString(), "events_state");
        assertThat(where.values()).doesNotContain("events_records_default");

        // October: what the retention keeps.
        at("2026-10-20T09:00:00Z");
        EventEnvelope octoberSale = b1.next(memberSale(sale("S002-T1-3", "100001", 800), member(1)));
        EventEnvelope octoberPoints = b1.next(points(member(1), 80));
        push(b1, List.of(octoberSale, octoberPoints));
        long retainedCursor = storage.database().read(h -> h.createQuery(
                "SELECT server_seq FROM events WHERE event_id = :id").bind("id", octoberSale.eventId().toString()).mapTo(Long.class).one()) - 1;

        // Pulled by a1 in pages of two across June, July, August and October: every other till's event of the chain or
        // of store S001 (b1's sales are S002's), in the order they were pushed.
        List<Long> pulled = pullAll(0, a1);
        assertThat(pulled).isSorted().doesNotHaveDuplicates();
        assertThat(log.pull(new PullQuery(0, 100, a1.till, a1.epoch, a1.store)).events())
                .extracting(e -> Json.CODEC.fromJson(e.body()).eventId())
                .containsExactly(julySale.eventId(), julyPoints.eventId(), julyRename.eventId(), augustTopUp.eventId(),
                        octoberPoints.eventId());
        assertThat(pulled).hasSize(5);
        List<PullPage.PulledEvent> retainedPull = log.pull(new PullQuery(retainedCursor, 100, a1.till, a1.epoch, a1.store)).events();

        List<String> snapshotBefore = newTillSnapshot();
        // Records older than the retention are left out; state and sums are there.
        assertThat(snapshotBefore).contains("event " + registration.eventId(), "event " + julyRename.eventId())
                .doesNotContain("event " + juneSale.eventId(), "event " + julySale.eventId())
                .anySatisfy(line -> assertThat(line).startsWith("carried points/" + member(1)));
        List<String> historyBefore = history(member(1));
        long pointsBefore = view(member(1)).pointsBalance();
        long storedValueBefore = view(member(1)).storedValueBalance();

        // September ended on October 1st, within the 30 days: refused, and nothing is detached.
        assertThatThrownBy(() -> partitions().detach(YearMonth.of(2026, 10), clock.instant(), RETENTION))
                .isInstanceOf(JdbcEventPartitions.Refused.class)
                .hasMessageContaining("2026-09 ends 2026-10-01, within the pull retention of 30 days")
                .hasMessageContaining("--before 2026-09");
        assertThat(partitions().archived()).isEmpty();

        List<JdbcEventPartitions.Archived> detached = partitions().detach(YearMonth.of(2026, 9), clock.instant(), RETENTION);

        assertThat(detached).extracting(JdbcEventPartitions.Archived::partition)
                .containsExactly("events_records_y2026m06", "events_records_y2026m07", "events_records_y2026m08");
        assertThat(detached).extracting(JdbcEventPartitions.Archived::events).containsExactly(1L, 2L, 1L);
        assertThat(partitions().attached()).extracting(JdbcEventPartitions.Month::partition)
                .doesNotContain("events_records_y2026m06", "events_records_y2026m07", "events_records_y2026m08")
                .contains("events_records_y2026m10");
        // The detached tables are left for archive, outside the log.
        long archivedJuly = storage.database().read(h -> h.createQuery("SELECT count(*) FROM events_records_y2026m07").mapTo(Long.class).one());
        assertThat(archivedJuly).isEqualTo(2);
        assertThat(placement()).doesNotContainKeys(juneSale.eventId().toString(), julySale.eventId().toString(),
                lastOfJuly.eventId().toString(), firstOfAugust.eventId().toString());

        // A new till's snapshot is the same, a pull from a retained cursor too; a cursor before the detached months is
        // sent to a snapshot.
        assertThat(newTillSnapshot()).isEqualTo(snapshotBefore);
        assertThat(log.pull(new PullQuery(retainedCursor, 100, a1.till, a1.epoch, a1.store)).events()).isEqualTo(retainedPull);
        assertThat(log.receivedAfter(0)).contains(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(log.receivedAfter(retainedCursor)).contains(Instant.parse("2026-10-20T09:00:00Z"));
        // Balances are the read models', untouched; the member's history reads what remains attached.
        assertThat(view(member(1)).pointsBalance()).isEqualTo(pointsBefore).isEqualTo(35 + 50 + 80);
        assertThat(view(member(1)).storedValueBalance()).isEqualTo(storedValueBefore).isEqualTo(10_000);
        List<String> historyAfter = history(member(1));
        assertThat(historyBefore).contains("SaleCompleted " + juneSale.eventId(), "SaleCompleted " + julySale.eventId());
        List<String> expected = new ArrayList<>(historyBefore);
        expected.removeAll(List.of("SaleCompleted " + juneSale.eventId(), "SaleCompleted " + julySale.eventId()));
        assertThat(historyAfter).isEqualTo(expected).contains("SaleCompleted " + octoberSale.eventId());

        // Dedup still holds chain-wide against the detached months: a1 sending June again finds duplicates, and another
        // till reusing the June sale's id is quarantined.
        assertThat(push(a1, List.of(registration, juneSale, junePoints, juneStock)))
                .isEqualTo(new IngestResult.Stored(4, 0, 4, List.of()));
        EventEnvelope reused = new EventEnvelope(juneSale.eventId(), a2.store, a2.till, 1, a2.seq() + 1, julySale.hlc() + 1_000_000,
                juneSale.occurredAt(), points(member(1), 1));
        a2.next(points(member(1), 0)); // the reused id takes this seq
        IngestResult.Stored reuse = push(a2, List.of(reused));
        assertThat(reuse.accepted()).isZero();
        assertThat(reuse.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo(IngestResult.Reason.EVENT_ID_REUSED));

        // A rebuild from what remains would lose the detached months' sales: refused.
        assertThatThrownBy(() -> log.rebuildProjections()).isInstanceOf(JdbcEventPartitions.Refused.class)
                .hasMessageContaining("3 month(s) of records are detached");
    }

    @Test
    void aMonthNobodyMadeLandsInTheDefaultPartitionAndGetsItsOwnLater() {
        // Years ahead of any month made (by the migration, today, or the server's hourly run): the insert does not fail.
        at("2031-05-02T08:00:00Z");
        EventEnvelope may = a1.next(sale("S001-T1-9", "100001", 990));
        EventEnvelope mayState = a1.next(registered(member(5), "13900000005", "Wu"));
        push(a1, List.of(may, mayState));
        assertThat(placement()).containsEntry(may.eventId().toString(), "events_records_default")
                .containsEntry(mayState.eventId().toString(), "events_state");

        assertThat(partitions().ensure(clock.instant())).containsExactly("events_records_y2031m05", "events_records_y2031m06",
                "events_records_y2031m07", "events_records_y2031m08");

        assertThat(placement()).containsEntry(may.eventId().toString(), "events_records_y2031m05");
        assertThat(log.pull(new PullQuery(0, 10, a2.till, a2.epoch, a2.store)).events())
                .extracting(e -> Json.CODEC.fromJson(e.body()).eventId()).containsExactly(may.eventId(), mayState.eventId());
        // Ensuring again makes nothing.
        assertThat(partitions().ensure(clock.instant())).isEmpty();
    }

    @Test
    void eachTypesKindIsTheMigrationsOwn() throws Exception {
        String migration = new String(getClass().getResourceAsStream("/db/migration/postgresql/V250__events_partitioned_by_month.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String list = migration.substring(migration.indexOf("CASE WHEN type IN ("), migration.indexOf("THEN 'R'"));
        Map<String, EventKind> inMigration = new TreeMap<>();
        Map<String, EventKind> inCode = new TreeMap<>();
        for (io.chainpos.model.event.EventTypes.Type type : io.chainpos.model.event.EventTypes.ALL) {
            inMigration.put(type.name(), list.contains("'" + type.name() + "'") ? EventKind.RECORD : EventKind.STATE);
            inCode.put(type.name(), EventKind.of(type.name()));
        }
        assertThat(inCode).isEqualTo(inMigration);
        assertThat(inCode).containsEntry("SaleCompleted", EventKind.RECORD).containsEntry("MemberRegistered", EventKind.STATE)
                .containsEntry("PointsChanged", EventKind.STATE).containsEntry("CatalogItemUpserted", EventKind.STATE);
        assertThat(EventKind.of("SomethingNew")).isEqualTo(EventKind.STATE);
    }
}
