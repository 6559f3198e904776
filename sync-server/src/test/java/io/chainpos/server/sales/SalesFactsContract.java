package io.chainpos.server.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every figure of the sales facts equals a fold over the raw events ({@link SalesFold}), for random sales and
 * refunds around each store's local midnight, pushed by several tills in random batches with retries; and a
 * rebuild from the log gives the same figures. SQLite and PostgreSQL each extend it with how to open them.
 */
abstract class SalesFactsContract {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
    Storage storage;
    EventLog log;
    SalesFacts facts;

    protected abstract Storage open(Path dir);

    @BeforeEach
    void openStore() {
        storage = open(dir);
        Ports ports = Ports.on(storage, Json.CODEC, clock);
        log = ports.log();
        facts = ports.salesFacts();
        JdbcStores stores = new JdbcStores(storage.database());
        SalesScenario.ZONES.forEach((store, zone) -> stores.add(new Stores.Store(store, "Store " + store, "", zone, 1, NOW)));
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyFigureEqualsAFoldOverTheRawEventsAndARebuildGivesTheSame(long seed) {
        SalesScenario scenario = new SalesScenario(seed);
        SalesFold fold = new SalesFold();
        Random random = new Random(seed * 31);
        HeadOffice headOffice = new HeadOffice(log, Json.CODEC, clock);
        publish(headOffice, fold, scenario.catalog(1));
        Map<TillWriter, List<EventEnvelope>> queued = new LinkedHashMap<>();
        List<String> saleIds = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            EventEnvelope event = scenario.next();
            if (event.payload() instanceof SaleCompleted sale) {
                saleIds.add(sale.saleId().toString());
            }
            queued.computeIfAbsent(scenario.tills.get(event.storeId().value()), t -> new ArrayList<>()).add(event);
            if (random.nextInt(3) == 0) {
                TillWriter till = new ArrayList<>(queued.keySet()).get(random.nextInt(queued.size()));
                push(till, queued.remove(till), fold, random);
            }
            if (i == 80) { // head office moves products between categories: later sales carry the new ones
                publish(headOffice, fold, scenario.catalog(2));
            }
        }
        queued.forEach((till, events) -> push(till, events, fold, random));

        Report incremental = report(fold, saleIds);
        log.rebuildProjections();

        assertThat(report(fold, saleIds)).isEqualTo(incremental);
    }

    /**
     * A server upgraded with sales already stored gets the chain's rollups from the migration that adds them (V190):
     * its statements, run again over the store rows, give every figure the fold gives.
     */
    @Test
    void theMigrationFillsTheChainsRollupsFromTheStoreRowsAlreadyThere() throws Exception {
        SalesScenario scenario = new SalesScenario(5);
        SalesFold fold = new SalesFold();
        Random random = new Random(5);
        publish(new HeadOffice(log, Json.CODEC, clock), fold, scenario.catalog(1));
        List<String> saleIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            EventEnvelope event = scenario.next();
            if (event.payload() instanceof SaleCompleted sale) {
                saleIds.add(sale.saleId().toString());
            }
            push(scenario.tills.get(event.storeId().value()), List.of(event), fold, random);
        }
        io.chainpos.server.testing.MigrationFills.refill(storage.database(), "V190__sales_chain_rollups.sql", "sales_chain_baskets",
                "sales_store_days", "sales_chain_items", "sales_chain_categories", "sales_chain_tenders", "sales_chain_promotions");

        report(fold, saleIds); // asserts every figure against the fold, the chain's among them
    }

    @Test
    void aSaleAtOneMinuteToMidnightInUrumqiAndOneAtOnePastInShanghaiLandOnTheDaysTheirStoresLivedThem() {
        // 23:59 in Urumqi (UTC+6) is 17:59 UTC; 00:01 the next day in Shanghai (UTC+8) is 16:01 UTC, earlier.
        ManualClock at = new ManualClock(Instant.parse("2026-11-20T17:59:00Z"));
        TillWriter urumqi = new TillWriter("S001", "S001-T1", 1, at);
        TillWriter shanghai = new TillWriter("S002", "S002-T1", 1, at);
        EventEnvelope late = urumqi.next(Facts.sale("U-1", "100001", 500));
        at.set(Instant.parse("2026-11-20T16:01:00Z"));
        EventEnvelope early = shanghai.next(Facts.sale("S-1", "100001", 700));
        assertThat(log.ingest(new IngestBatch(urumqi.till, 1, Json.incoming(List.of(late))))).isInstanceOf(IngestResult.Stored.class);
        assertThat(log.ingest(new IngestBatch(shanghai.till, 1, Json.incoming(List.of(early))))).isInstanceOf(IngestResult.Stored.class);

        List<SalesFacts.StoreDay> days = facts.byStoreAndDay(new SalesFacts.Filter(Optional.empty(),
                LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 22)));
        List<SalesFacts.HourCell> urumqiHours = facts.byHour(new SalesFacts.Filter(Optional.of("S001"),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)));
        List<SalesFacts.HourCell> shanghaiHours = facts.byHour(new SalesFacts.Filter(Optional.of("S002"),
                LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21)));

        assertThat(days).extracting(SalesFacts.StoreDay::store, SalesFacts.StoreDay::day, d -> d.totals().net())
                .containsExactly(tuple("S001", LocalDate.of(2026, 11, 20), 500L),
                        tuple("S002", LocalDate.of(2026, 11, 21), 700L));
        assertThat(urumqiHours).containsExactly(new SalesFacts.HourCell(LocalDate.of(2026, 11, 20), 23, 1, 500));
        assertThat(shanghaiHours).containsExactly(new SalesFacts.HourCell(LocalDate.of(2026, 11, 21), 0, 1, 700));
    }

    private void publish(HeadOffice headOffice, SalesFold fold, List<? extends io.chainpos.model.event.Event> items) {
        headOffice.publish(items);
        // What head office stored, in its order: the fold reads the same facts the log merged.
        items.forEach(item -> fold.apply(new EventEnvelope(io.chainpos.model.id.EventId.newId(clock),
                io.chainpos.model.id.StoreId.of("HQ"), io.chainpos.model.id.TillId.of("HQ"), 1, 1, 0, NOW, item)));
    }

    private void push(TillWriter till, List<EventEnvelope> events, SalesFold fold, Random random) {
        IngestResult result = log.ingest(new IngestBatch(till.till, till.epoch, Json.incoming(events)));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
        assertThat(((IngestResult.Stored) result).quarantined()).isEmpty();
        events.forEach(fold::apply);
        if (random.nextInt(4) == 0) { // the till did not hear the answer and pushes the same batch again
            IngestResult again = log.ingest(new IngestBatch(till.till, till.epoch, Json.incoming(events)));
            assertThat(((IngestResult.Stored) again).accepted()).isZero();
        }
    }

    /** Every report the facts answer, for each store and the chain, per day and over the whole period. */
    record Report(List<Object> figures) {
    }

    private Report report(SalesFold fold, List<String> saleIds) {
        List<Object> figures = new ArrayList<>();
        List<SalesFacts.Filter> filters = new ArrayList<>();
        LocalDate first = SalesScenario.FIRST_DAY;
        LocalDate last = first.plusDays(SalesScenario.DAYS + 1);
        for (Optional<String> store : stores()) {
            filters.add(new SalesFacts.Filter(store, first, last));
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                filters.add(new SalesFacts.Filter(store, day, day));
            }
        }
        SalesFacts noRoom = new JdbcSalesFacts(storage.database(), 1);
        int wayRound = 0;
        for (SalesFacts.Filter f : filters) {
            assertThat(noRoom.ranking(f, 4)).as("slowest with no room for products unknown to the catalog %s", f)
                    .isEqualTo(new SalesFacts.Ranking(fold.best(f, 4), fold.slowest(f, 4)));
            wayRound += fold.items(f).stream().sorted(java.util.Comparator.comparingLong(SalesFacts.Item::netQtyMilli)
                    .thenComparingLong(SalesFacts.Item::net).thenComparing(SalesFacts.Item::sku)).limit(4)
                    .anyMatch(item -> item.sku().equals("X9")) ? 1 : 0;
            assertThat(facts.summary(f)).as("summary %s", f).isEqualTo(fold.summary(f));
            assertThat(facts.byStoreAndDay(f)).as("by store and day %s", f).isEqualTo(fold.byStoreAndDay(f));
            assertThat(facts.byHour(f)).as("by hour %s", f).isEqualTo(fold.byHour(f));
            assertThat(facts.items(f)).as("items %s", f).isEqualTo(fold.items(f));
            assertThat(facts.ranking(f, 4)).as("best and slowest %s", f).isEqualTo(new SalesFacts.Ranking(fold.best(f, 4), fold.slowest(f, 4)));
            assertThat(facts.categories(f)).as("categories %s", f).isEqualTo(fold.categories(f));
            assertThat(facts.tenders(f)).as("tenders %s", f).isEqualTo(fold.tenders(f));
            assertThat(facts.promotions(f)).as("promotions %s", f).isEqualTo(fold.promotions(f));
            figures.add(List.of(facts.summary(f), facts.byStoreAndDay(f), facts.byHour(f), facts.items(f), facts.ranking(f, 4),
                    facts.categories(f), facts.tenders(f), facts.promotions(f)));
        }
        assertThat(wayRound).as("periods whose least sold include a product unknown to the catalog").isPositive();
        for (String sale : saleIds) {
            assertThat(facts.refundedOf(sale)).as("refunded of %s", sale).isEqualTo(fold.refundedOf(sale));
            figures.add(facts.refundedOf(sale));
        }
        assertThat(fold.docs.stream().filter(d -> d.refunds() > 0).count()).as("the scenario refunds").isPositive();
        return new Report(figures);
    }

    private static List<Optional<String>> stores() {
        List<Optional<String>> all = new ArrayList<>();
        all.add(Optional.empty());
        SalesScenario.stores().forEach(s -> all.add(Optional.of(s)));
        return all;
    }
}
