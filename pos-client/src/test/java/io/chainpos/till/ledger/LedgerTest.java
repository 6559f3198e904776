package io.chainpos.till.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void appendsAreNumberedWithoutGapsAndSurviveReopening() {
        Path file = dir.resolve("till.db");
        try (TestTill till = new TestTill(file, clock, "S001", "S001-T1")) {
            till.ledger.write(tx -> {
                tx.append(stock(-1000));
                tx.append(stock(-2000));
                return null;
            });
            till.ledger.write(tx -> tx.append(stock(-3000)));
        }

        try (TestTill reopened = new TestTill(file, clock, "S001", "S001-T1")) {
            EventEnvelope next = reopened.ledger.write(tx -> tx.append(stock(5000)));

            assertThat(next.tillSeq()).isEqualTo(4);
            assertThat(seqs(reopened.ledger, 1)).containsExactly(1L, 2L, 3L, 4L);
            assertThat(reopened.ledger.identity()).contains(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
        }
    }

    @Test
    void aFailedTransactionLeavesNoTraceAndNoGap() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            till.ledger.write(tx -> tx.append(stock(-1000)));

            assertThatThrownBy(() -> till.ledger.write(tx -> {
                tx.append(stock(-2000));
                tx.append(stock(-3000));
                throw new IllegalStateException("the cashier's card reader failed mid-sale");
            })).hasMessageContaining("card reader");
            EventEnvelope next = till.ledger.write(tx -> tx.append(stock(-4000)));

            assertThat(next.tillSeq()).isEqualTo(2);
            assertThat(seqs(till.ledger, 1)).containsExactly(1L, 2L);
            long stock = till.ledger.read(s -> s.handle().createQuery("SELECT qty_milli FROM stock_levels").mapTo(Long.class).one());
            assertThat(stock).isEqualTo(-5000);
        }
    }

    @Test
    void listenersHearOfCommittedEventsOnly() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            List<EventEnvelope> heard = new ArrayList<>();
            till.ledger.onCommit(heard::addAll);

            till.ledger.write(tx -> tx.append(stock(-1000)));
            assertThatThrownBy(() -> till.ledger.write(tx -> {
                tx.append(stock(-2000));
                throw new IllegalStateException("rolled back");
            }));

            assertThat(heard).extracting(EventEnvelope::tillSeq).containsExactly(1L);
        }
    }

    @Test
    void pendingEventsComeInOrderAndAcknowledgementNeverMovesBack() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            for (int i = 0; i < 5; i++) {
                till.ledger.write(tx -> tx.append(stock(-1000)));
            }

            assertThat(till.ledger.syncMarks().pending(3).events()).extracting(EventEnvelope::tillSeq).containsExactly(1L, 2L, 3L);
            till.ledger.syncMarks().acknowledge(1, 3);
            till.ledger.syncMarks().acknowledge(1, 2);

            assertThat(till.ledger.syncMarks().pending(10).events()).extracting(EventEnvelope::tillSeq).containsExactly(4L, 5L);
            assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(2);
            till.ledger.syncMarks().acknowledge(1, 99);
            assertThat(till.ledger.syncMarks().pendingCount()).isZero();
            assertThat(till.ledger.syncMarks().pending(10).isEmpty()).isTrue();
        }
    }

    @Test
    void aNewEpochStartsAtOneAndTheOldEpochIsSentFirst() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            till.ledger.write(tx -> tx.append(stock(-1000)));
            till.ledger.write(tx -> tx.append(stock(-1000)));

            till.ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 2));
            EventEnvelope first = till.ledger.write(tx -> tx.append(stock(-1000)));

            assertThat(first.tillEpoch()).isEqualTo(2);
            assertThat(first.tillSeq()).isEqualTo(1);
            assertThat(till.ledger.syncMarks().pending(10).epoch()).isEqualTo(1);
            till.ledger.syncMarks().acknowledge(1, 2);
            assertThat(till.ledger.syncMarks().pending(10).epoch()).isEqualTo(2);
        }
    }

    @Test
    void aTillOwingEventsCannotBecomeAnotherTill() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            till.ledger.write(tx -> tx.append(stock(-1000)));

            assertThatThrownBy(() -> till.ledger.registration().enroll(new TillIdentity(new StoreId("S002"), new TillId("S002-T1"), 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still has events to send");
        }
    }

    @Test
    void pulledEventsApplyOnceAndTheTillsOwnAreSkipped() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            MemberId member = MemberId.newId(clock);
            HeadOfficeEvents hq = new HeadOfficeEvents(clock);
            EventEnvelope points = hq.envelope(new PointsChanged(member, 500, PointsChanged.Reason.ADJUST, null, List.of()));
            EventEnvelope own = new EventEnvelope(points.eventId(), new StoreId("S001"), new TillId("S001-T1"), 1, 1,
                    points.hlc(), points.occurredAt(), new PointsChanged(member, 999, PointsChanged.Reason.ADJUST, null, List.of()));

            int first = till.ledger.remote().applyPulled(List.of(points), 10);
            int again = till.ledger.remote().applyPulled(List.of(points), 11);
            int ownEvent = till.ledger.remote().applyPulled(List.of(own), 12);

            assertThat(first).isEqualTo(1);
            assertThat(again).isZero();
            assertThat(ownEvent).isZero();
            long balance = till.ledger.read(h -> till.balances.points(h, member));
            assertThat(balance).isEqualTo(500);
            assertThat(till.ledger.syncMarks().pullCursor()).isEqualTo(12);
        }
    }

    @Test
    void theHybridClockResumesPastEverythingRecordedWhenTheWallClockWentBack() {
        Path file = dir.resolve("till.db");
        long last;
        try (TestTill till = new TestTill(file, clock, "S001", "S001-T1")) {
            last = till.ledger.write(tx -> tx.append(stock(-1000))).hlc();
        }
        clock.advance(Duration.ofHours(-5));

        try (TestTill reopened = new TestTill(file, clock, "S001", "S001-T1")) {
            assertThat(reopened.ledger.write(tx -> tx.append(stock(-1000))).hlc()).isGreaterThan(last);
        }
    }

    @Test
    void theHybridClockResumesPastThePulledEventsAsWell() {
        Path file = dir.resolve("till.db");
        EventEnvelope pulled;
        try (TestTill till = new TestTill(file, clock, "S001", "S001-T1")) {
            till.ledger.write(tx -> tx.append(stock(-1000)));
            // Head office's clock runs two minutes ahead of this till's.
            clock.advance(Duration.ofMinutes(2));
            pulled = new HeadOfficeEvents(clock).envelope(new PointsChanged(MemberId.newId(clock), 5,
                    PointsChanged.Reason.ADJUST, null, List.of()));
            clock.advance(Duration.ofMinutes(-2));
            till.ledger.remote().applyPulled(List.of(pulled), 1);
        }

        try (TestTill reopened = new TestTill(file, clock, "S001", "S001-T1")) {
            assertThat(reopened.ledger.write(tx -> tx.append(stock(-1000))).hlc()).isGreaterThan(pulled.hlc());
        }
    }

    @Test
    void aFullDiskRefusesTheSaleClearlyAndKeepsEverythingCommittedBefore() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            // Cap the file a little above its size now: SQLite then answers SQLITE_FULL, as on a full disk.
            till.ledger.write(tx -> {
                long pages = tx.handle().createQuery("PRAGMA page_count").mapTo(Long.class).one();
                tx.handle().execute("PRAGMA max_page_count = " + (pages + 8));
                return null;
            });
            AtomicInteger committed = new AtomicInteger();
            int before = seqs(till.ledger, 1).size();
            String big = "x".repeat(3000);

            assertThatThrownBy(() -> {
                while (committed.get() < 10_000) {
                    till.ledger.write(tx -> {
                        tx.append(new StockChanged(new StoreId("S001"), HeadOfficeEvents.COLA, -1000,
                                StockChanged.Reason.SALE, big));
                        return null;
                    });
                    committed.incrementAndGet();
                }
            }).isInstanceOf(LedgerException.class).hasMessageContaining("disk is full");

            assertThat(committed.get()).isPositive();
            assertThat(seqs(till.ledger, 1)).hasSize(before + committed.get());
            assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(before + committed.get());
        }
    }

    @Test
    void rebuildingProjectionsFromTheLogGivesTheSameTables() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            var registered = (io.chainpos.till.member.RegisterMember.Registered) till.registerMember.register(
                    new io.chainpos.till.member.RegisterMember.Request("13800000001", "李雷", null, null, true));
            till.sell(new TestTill.Sale(
                    List.of(new TestTill.Line(HeadOfficeEvents.COLA_BARCODE, 3000)),
                    registered.member().memberId(),
                    List.of(new io.chainpos.model.event.Tender(io.chainpos.model.event.TenderMethod.CASH, 5000, null)),
                    "c1"));
            String before = dump(till.ledger);

            till.ledger.rebuildProjections();

            // The member's name is in no table: projections keep it sealed, as the events do.
            assertThat(dump(till.ledger)).isEqualTo(before).contains(registered.member().memberId().toString())
                    .doesNotContain("李雷").doesNotContain("13800000001").contains("-3000");
        }
    }

    static String dump(Ledger ledger) {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("catalog_items", "catalog_barcodes", "price_entries", "price_lists", "rule_sets",
                "members", "member_aliases", "points_entries", "stored_value_entries", "stock_levels", "sales", "sale_lines",
                "refunds", "coupon_redemptions", "shifts", "staff")) {
            List<java.util.Map<String, Object>> rows = ledger.read(s -> s.handle().createQuery("SELECT * FROM " + table + " ORDER BY 1, 2")
                    .mapToMap().list());
            // Compact columns hold bytes (ids, sealed values, stamps): compared by their content, written in hex.
            rows.forEach(row -> row.replaceAll((column, value) -> value instanceof byte[] bytes
                    ? "x'" + java.util.HexFormat.of().formatHex(bytes) + "'" : value));
            out.append(table).append(": ").append(rows).append('\n');
        }
        return out.toString();
    }

    private static List<Long> seqs(Ledger ledger, int epoch) {
        return ledger.read(s -> s.handle().createQuery("SELECT till_seq FROM ledger_events WHERE till_epoch = :e ORDER BY till_seq")
                .bind("e", epoch).mapTo(Long.class).list());
    }

    private static StockChanged stock(long delta) {
        return new StockChanged(new StoreId("S001"), HeadOfficeEvents.COLA, delta, StockChanged.Reason.ADJUST, null);
    }
}
