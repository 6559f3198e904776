package io.chainpos.server.store;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.merged;
import static io.chainpos.server.testing.Facts.newPhone;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.renamed;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.SyncException;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link EventStore} adapter must do: the push rules, the merge rules, pull and rebuild. A
 * subclass opens its database; the PostgreSQL adapter's test is meant to extend this class unchanged.
 */
abstract class EventStoreContract {
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
    EventStore store;
    TillWriter a1;
    TillWriter a2;
    TillWriter b1;

    /** A fresh or existing store in {@code dir}; opening the same dir again must see what was committed. */
    protected abstract EventStore open(Path dir, Clock clock);

    @BeforeEach
    void openStore() {
        store = open(dir, clock);
        a1 = new TillWriter("S001", "S001-T1", 1, clock);
        a2 = new TillWriter("S001", "S001-T2", 1, clock);
        b1 = new TillWriter("S002", "S002-T1", 1, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    IngestResult.Stored push(TillWriter till, List<EventEnvelope> events) {
        IngestResult result = ingest(till, incoming(events));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
        return (IngestResult.Stored) result;
    }

    IngestResult ingest(TillWriter till, List<IncomingEvent> events) {
        return store.ingest(new IngestBatch(till.till, till.epoch, events));
    }

    MemberView view(MemberId id) {
        return store.member(id).orElseThrow();
    }

    static EventEnvelope sameKey(EventEnvelope original, Event otherPayload) {
        return new EventEnvelope(original.eventId(), original.storeId(), original.tillId(), original.tillEpoch(),
                original.tillSeq(), original.hlc(), original.occurredAt(), otherPayload);
    }

    // --- push rules -------------------------------------------------------------------------------------

    @Test
    void newEventsAreStoredAndTheMarkAdvances() {
        IngestResult.Stored stored = push(a1, a1.next(List.of(points(member(1), 10), points(member(1), 5))));

        assertThat(stored).isEqualTo(new IngestResult.Stored(2, 2, 0, List.of()));
        assertThat(store.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
        assertThat(store.isEmpty()).isFalse();
    }

    @Test
    void duplicatePushIsANoOp() {
        List<EventEnvelope> batch = a1.next(List.of(points(member(1), 10), storedValue(member(1), 500)));
        push(a1, batch);

        IngestResult.Stored again = push(a1, batch);

        assertThat(again).isEqualTo(new IngestResult.Stored(2, 0, 2, List.of()));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(10);
        assertThat(view(member(1)).storedValueBalance()).isEqualTo(500);
    }

    @Test
    void keyOrderAndExplicitNullsDoNotMakeADifferentEvent() {
        EventEnvelope event = a1.next(points(member(1), 10));
        push(a1, List.of(event));
        ObjectNode original = Json.CODEC.toTree(event);
        List<String> names = new ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        ObjectNode reordered = Json.CODEC.mapper().createObjectNode();
        names.reversed().forEach(name -> reordered.set(name, original.get(name)));
        ((ObjectNode) reordered.get("payload")).putNull("saleId");

        IngestResult result = ingest(a1, List.of(incoming((JsonNode) reordered)));

        assertThat(result).isEqualTo(new IngestResult.Stored(1, 0, 1, List.of()));
    }

    @Test
    void anOverlappingBatchStoresOnlyTheNewTail() {
        List<EventEnvelope> events = a1.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 4), points(member(1), 8)));
        push(a1, events.subList(0, 3));

        IngestResult.Stored stored = push(a1, events.subList(1, 4));

        assertThat(stored).isEqualTo(new IngestResult.Stored(4, 1, 2, List.of()));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(15);
    }

    @Test
    void aBatchBeyondTheMarkIsAGapAndStoresNothing() {
        List<EventEnvelope> events = a1.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 4)));
        push(a1, events.subList(0, 1));

        IngestResult result = ingest(a1, incoming(events.subList(2, 3)));

        assertThat(result).isEqualTo(new IngestResult.SequenceGap(2, 1));
        assertThat(store.mark(a1.till, 1).ackedThrough()).isEqualTo(1);
        assertThat(view(member(1)).pointsBalance()).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentContentIsQuarantinedAndTheRestStillFlows() {
        EventEnvelope first = a1.next(points(member(1), 10));
        push(a1, List.of(first));
        EventEnvelope impostor = sameKey(first, points(member(1), 99));
        EventEnvelope second = a1.next(points(member(1), 5));

        IngestResult.Stored stored = push(a1, List.of(impostor, second));

        assertThat(stored.ackedThrough()).isEqualTo(2);
        assertThat(stored.accepted()).isEqualTo(1);
        assertThat(stored.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.eventId()).isEqualTo(first.eventId());
            assertThat(q.reason()).isEqualTo(IngestResult.Reason.KEY_REUSED);
        });
        assertThat(view(member(1)).pointsBalance()).isEqualTo(15);
        assertThat(store.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.QUARANTINED_EVENT);
            assertThat(e.eventId()).isEqualTo(first.eventId().toString());
        });
    }

    @Test
    void aReusedEventIdUnderAnotherKeyIsQuarantinedAndConsumesItsSeq() {
        EventEnvelope original = a1.next(points(member(1), 10));
        push(a1, List.of(original));
        EventEnvelope reused = new EventEnvelope(original.eventId(), a2.store, a2.till, 1, 1, original.hlc(),
                original.occurredAt(), points(member(1), 10));
        a2.next(points(member(1), 0)); // the reused id takes a2's seq 1
        EventEnvelope after = a2.next(points(member(1), 7));

        IngestResult.Stored stored = push(a2, List.of(reused, after));

        assertThat(stored.ackedThrough()).isEqualTo(2);
        assertThat(stored.accepted()).isEqualTo(1);
        assertThat(stored.quarantined()).singleElement()
                .satisfies(q -> assertThat(q.reason()).isEqualTo(IngestResult.Reason.EVENT_ID_REUSED));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(17);
    }

    @Test
    void resendingAQuarantinedEventIsADuplicateNotANewConflict() {
        EventEnvelope first = a1.next(points(member(1), 10));
        push(a1, List.of(first));
        EventEnvelope impostor = sameKey(first, points(member(1), 99));
        push(a1, List.of(impostor));

        IngestResult.Stored again = push(a1, List.of(impostor));

        assertThat(again).isEqualTo(new IngestResult.Stored(1, 0, 1, List.of()));
        assertThat(store.exceptions(10)).hasSize(1);
    }

    @Test
    void eachEpochHasItsOwnMark() {
        push(a1, a1.next(List.of(points(member(1), 1), points(member(1), 1))));
        TillWriter reinstalled = new TillWriter("S001", "S001-T1", 2, clock);

        IngestResult.Stored stored = push(reinstalled, reinstalled.next(List.of(points(member(1), 1))));

        assertThat(stored.ackedThrough()).isEqualTo(1);
        assertThat(store.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
        assertThat(store.mark(a1.till, 2).ackedThrough()).isEqualTo(1);
        assertThat(store.mark(a1.till, 3)).isEqualTo(TillMark.NONE);
    }

    @Test
    void anUnknownTypeIsStoredExactlyReportedAndPassedOn() {
        ObjectNode node = Json.CODEC.toTree(a1.next(points(member(1), 1)));
        node.put("type", "GiftCardSold");
        node.put("schemaVersion", 3);
        ObjectNode payload = node.putObject("payload");
        payload.put("cardNo", "GC-1");
        payload.put("amount", new BigInteger("123456789012345678901234567890"));
        payload.putArray("z").add(1.5).add("x");

        IngestResult result = ingest(a1, List.of(incoming((JsonNode) node)));

        assertThat(result).isEqualTo(new IngestResult.Stored(1, 1, 0, List.of()));
        assertThat(store.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.UNKNOWN_EVENT);
            assertThat(e.detail()).contains("GiftCardSold");
        });
        PullPage page = store.pull(new PullQuery(0, 10, b1.till, b1.store));
        assertThat(page.events()).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo(Json.CODEC.canonical(node)));
    }

    // --- merge rules ------------------------------------------------------------------------------------

    @Test
    void profileFieldsMergeLastWriterWinsByHlcWhateverTheArrivalOrder() {
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 0);
        push(a1, List.of(a1.nextWithHlc(t, registered(member(1), "13900000001", "Old"))));
        EventEnvelope later = b1.nextWithHlc(t + 20, renamed(member(1), "Newest"));
        EventEnvelope earlier = a1.nextWithHlc(t + 10, renamed(member(1), "Middle"));

        push(b1, List.of(later));
        push(a1, List.of(earlier));

        assertThat(view(member(1)).name()).isEqualTo("Newest");
        assertThat(view(member(1)).phone()).isEqualTo("13900000001");
    }

    @Test
    void anHlcTieIsBrokenByTillId() {
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 5);
        push(a1, List.of(a1.nextWithHlc(t - 1, registered(member(1), "13900000001", "Registered"))));
        push(b1, List.of(b1.nextWithHlc(t, renamed(member(1), "From S002-T1"))));
        push(a2, List.of(a2.nextWithHlc(t, renamed(member(1), "From S001-T2"))));

        assertThat(view(member(1)).name()).isEqualTo("From S002-T1");
    }

    @Test
    void balancesAreSumsOverDistinctEvents() {
        push(a1, a1.next(List.of(points(member(1), 100), storedValue(member(1), 10_000))));
        push(b1, b1.next(List.of(points(member(1), -30), storedValue(member(1), -2_500), points(member(2), 7))));

        assertThat(view(member(1)).pointsBalance()).isEqualTo(70);
        assertThat(view(member(1)).storedValueBalance()).isEqualTo(7_500);
        assertThat(view(member(2)).pointsBalance()).isEqualTo(7);
        assertThat(store.exceptions(10)).isEmpty();
    }

    @Test
    void anOverdraftIsAcceptedAndListed() {
        push(a1, a1.next(List.of(points(member(1), 100), storedValue(member(1), 1_000))));

        IngestResult.Stored stored = push(b1, b1.next(List.of(points(member(1), -150), storedValue(member(1), -1_200))));

        assertThat(stored.accepted()).isEqualTo(2);
        assertThat(view(member(1)).pointsBalance()).isEqualTo(-50);
        assertThat(store.exceptions(10)).extracting(SyncException::kind, SyncException::memberId, SyncException::balance)
                .containsExactly(
                        tuple(SyncException.Kind.POINTS_OVERDRAFT, member(1).toString(), -50L),
                        tuple(SyncException.Kind.STORED_VALUE_OVERDRAFT, member(1).toString(), -200L));
    }

    @Test
    void stockIsPerStoreAndNegativeStockIsFlagged() {
        push(a1, a1.next(List.of(stock("S001", "100001", 10_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100001", -3_000, StockChanged.Reason.SALE))));
        push(b1, b1.next(List.of(stock("S002", "100001", -2_000, StockChanged.Reason.SALE))));

        assertThat(store.stock(StoreId.of("S001"), Sku.of("100001")).qtyMilli()).isEqualTo(7_000);
        assertThat(store.stock(StoreId.of("S002"), Sku.of("100001")).qtyMilli()).isEqualTo(-2_000);
        assertThat(store.stock(StoreId.of("S003"), Sku.of("100001")).qtyMilli()).isZero();
        assertThat(store.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.NEGATIVE_STOCK);
            assertThat(e.storeId()).isEqualTo("S002");
            assertThat(e.sku()).isEqualTo("100001");
            assertThat(e.qtyMilli()).isEqualTo(-2_000);
        });
    }

    @Test
    void aStocktakeCorrectsToTheCountAndLaterMovementsAddToIt() {
        push(a1, a1.next(List.of(stock("S001", "100002", 12_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100002", -1_000, StockChanged.Reason.SALE),
                // 9 counted where 11 were expected: a stocktake's delta is counted minus expected
                stock("S001", "100002", -2_000, StockChanged.Reason.STOCKTAKE),
                stock("S001", "100002", -500, StockChanged.Reason.SALE))));

        assertThat(store.stock(StoreId.of("S001"), Sku.of("100002")).qtyMilli()).isEqualTo(8_500);
    }

    @Test
    void aMergedMemberIsAnAliasOfTheSurvivor() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "张三"), points(member(1), 100))));
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "张三"), points(member(2), 40),
                storedValue(member(2), 500))));

        push(a1, a1.next(List.of(merged(member(1), member(2)))));

        MemberView survivor = view(member(1));
        assertThat(survivor.memberId()).isEqualTo(member(1).toString());
        assertThat(survivor.cardNo()).isEqualTo(registered(member(1), "x", "x").cardNo().value());
        assertThat(survivor.pointsBalance()).isEqualTo(140);
        assertThat(survivor.storedValueBalance()).isEqualTo(500);
        assertThat(view(member(2))).isEqualTo(survivor);
        assertThat(store.memberByPhone("13900000001")).contains(survivor);
        push(b1, b1.next(List.of(points(member(2), 1))));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(141);
    }

    @Test
    void chainedAndCrossingMergesEndInOneSurvivor() {
        push(a1, a1.next(List.of(points(member(1), 1), points(member(2), 2), points(member(3), 4))));

        push(a1, a1.next(List.of(merged(member(2), member(3)), merged(member(1), member(2)), merged(member(3), member(1)))));

        for (int n = 1; n <= 3; n++) {
            assertThat(view(member(n)).memberId()).isEqualTo(member(1).toString());
            assertThat(view(member(n)).pointsBalance()).isEqualTo(7);
        }
    }

    @Test
    void twoUnmergedMembersWithOnePhoneFindTheOldestId() {
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "B"))));
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"))));

        assertThat(store.memberByPhone("13900000001")).map(MemberView::memberId).contains(member(1).toString());
    }

    @Test
    void aPhoneLookupFindsTheCurrentPhoneOnly() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"), newPhone(member(1), "13900000009"))));

        assertThat(store.memberByPhone("13900000009")).map(MemberView::memberId).contains(member(1).toString());
        assertThat(store.memberByPhone("13900000001")).isEmpty();
        assertThat(store.member(member(5))).isEmpty();
    }

    @Test
    void aClockFarAheadIsFlaggedOncePerBatch() {
        ManualClock tillClock = new ManualClock(NOW.plus(Duration.ofHours(3)));
        TillWriter skewed = new TillWriter("S001", "S001-T1", 1, tillClock);

        push(skewed, skewed.next(List.of(points(member(1), 1), points(member(1), 1))));
        push(a2, a2.next(List.of(points(member(1), 1))));

        assertThat(store.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.CLOCK_SKEW);
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.detail()).contains("2 event(s)");
        });
    }

    @Test
    void exceptionsListTheNewestOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            push(a1, a1.next(List.of(points(member(i), -i))));
        }

        assertThat(store.exceptions(2)).extracting(SyncException::balance).containsExactly(-4L, -5L);
    }

    // --- pull -------------------------------------------------------------------------------------------

    @Test
    void pullGivesChainFactsAndOwnStoreButNeverOwnEventsNorOtherStoresSales() {
        push(a1, a1.next(List.of(sale("S001-T1-1", "100001", 350), points(member(1), 3))));
        EventEnvelope neighbourSale = a2.next(sale("S001-T2-1", "100001", 350));
        EventEnvelope neighbourStock = a2.next(stock("S001", "100001", -1_000, StockChanged.Reason.SALE));
        push(a2, List.of(neighbourSale, neighbourStock));
        EventEnvelope otherStoreSale = b1.next(sale("S002-T1-1", "100001", 350));
        EventEnvelope otherStoreMember = b1.next(registered(member(2), "13900000002", "B"));
        push(b1, List.of(otherStoreSale, otherStoreMember));

        PullPage page = store.pull(new PullQuery(0, 100, a1.till, a1.store));

        assertThat(page.events()).extracting(e -> Json.CODEC.fromJson(e.body()).eventId())
                .containsExactly(neighbourSale.eventId(), neighbourStock.eventId(), otherStoreMember.eventId());
        assertThat(page.next()).isEqualTo(6);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void pullPagesInServerOrderAndAFilteredTailStillAdvancesTheCursor() {
        push(a2, a2.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 3))));
        push(b1, b1.next(List.of(sale("S002-T1-1", "1", 1), sale("S002-T1-2", "1", 1))));

        PullPage first = store.pull(new PullQuery(0, 2, a1.till, a1.store));
        PullPage second = store.pull(new PullQuery(first.next(), 2, a1.till, a1.store));
        PullPage third = store.pull(new PullQuery(second.next(), 2, a1.till, a1.store));

        assertThat(first.events()).extracting(PullPage.PulledEvent::serverSeq).containsExactly(1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.events()).extracting(PullPage.PulledEvent::serverSeq).containsExactly(3L);
        assertThat(second.next()).isEqualTo(5);
        assertThat(second.hasMore()).isFalse();
        assertThat(third).isEqualTo(new PullPage(List.of(), 5, false));
    }

    // --- rebuild and durability -------------------------------------------------------------------------

    @Test
    void rebuildFromTheLogEqualsWhatIngestBuilt() {
        List<MemberId> members = List.of(member(1), member(2), member(3), member(4));
        List<TillWriter> tills = List.of(a1, a2, b1);
        List<List<EventEnvelope>> sent = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        ReferenceFold expected = new ReferenceFold();
        Random random = new Random(7);
        for (int round = 0; round < 80; round++) {
            int t = random.nextInt(tills.size());
            TillWriter till = tills.get(t);
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                batch.add(till.next(randomFact(random, members, till)));
            }
            push(till, batch);
            sent.get(t).addAll(batch);
            batch.forEach(expected::apply);
            if (random.nextInt(4) == 0) { // a retry of an older, overlapping window: all duplicates
                List<EventEnvelope> all = sent.get(t);
                assertThat(push(till, all.subList(random.nextInt(all.size()), all.size())).accepted()).isZero();
            }
        }
        push(a1, a1.next(List.of(merged(member(1), member(2)))));
        expected.merge(member(1), member(2));
        Snapshot incremental = snapshot(members);

        store.rebuildProjections();

        assertThat(snapshot(members)).isEqualTo(incremental);
        for (MemberId m : List.of(member(1), member(3), member(4))) {
            assertThat(view(m).pointsBalance()).as("points of %s", m).isEqualTo(expected.points(m));
            assertThat(view(m).storedValueBalance()).as("stored value of %s", m).isEqualTo(expected.storedValue(m));
        }
    }

    private static Event randomFact(Random random, List<MemberId> members, TillWriter till) {
        MemberId who = members.get(random.nextInt(members.size()));
        return switch (random.nextInt(5)) {
            case 0 -> registered(who, "1390000000" + random.nextInt(4), "n" + random.nextInt(100));
            case 1 -> renamed(who, "r" + random.nextInt(100));
            case 2 -> points(who, random.nextInt(200) - 80);
            case 3 -> storedValue(who, random.nextInt(2_000) - 900);
            default -> stock(till.store.value(), "SKU" + random.nextInt(3), random.nextInt(5_000) - 3_000, StockChanged.Reason.SALE);
        };
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"), points(member(1), 5))));
        Snapshot before = snapshot(List.of(member(1)));
        store.close();

        store = open(dir, clock);

        assertThat(snapshot(List.of(member(1)))).isEqualTo(before);
        assertThat(store.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
    }

    record Snapshot(List<MemberView> members, List<Long> stock) {
    }

    Snapshot snapshot(List<MemberId> members) {
        List<MemberView> views = members.stream().map(store::member).flatMap(Optional::stream).toList();
        List<Long> stock = new ArrayList<>();
        for (String s : List.of("S001", "S002")) {
            for (int sku = 0; sku < 3; sku++) {
                stock.add(store.stock(StoreId.of(s), Sku.of("SKU" + sku)).qtyMilli());
            }
        }
        return new Snapshot(views, stock);
    }

    /** An independent, in-memory statement of the balance rules: sums of deltas; a merged id adds to its survivor. */
    static final class ReferenceFold {
        private final java.util.Map<MemberId, long[]> balances = new java.util.HashMap<>();
        private final java.util.Map<MemberId, MemberId> aliases = new java.util.HashMap<>();

        void apply(EventEnvelope event) {
            switch (event.payload()) {
                case io.chainpos.model.event.PointsChanged p -> add(p.memberId(), 0, p.delta());
                case io.chainpos.model.event.StoredValueChanged s -> add(s.memberId(), 1, s.delta());
                default -> { }
            }
        }

        void merge(MemberId survivor, MemberId merged) {
            aliases.put(merged, survivor);
        }

        private void add(MemberId member, int account, long delta) {
            balances.computeIfAbsent(member, m -> new long[2])[account] += delta;
        }

        long points(MemberId member) {
            return sum(member, 0);
        }

        long storedValue(MemberId member) {
            return sum(member, 1);
        }

        private long sum(MemberId member, int account) {
            return balances.entrySet().stream()
                    .filter(e -> e.getKey().equals(member) || member.equals(aliases.get(e.getKey())))
                    .mapToLong(e -> e.getValue()[account])
                    .sum();
        }
    }
}
