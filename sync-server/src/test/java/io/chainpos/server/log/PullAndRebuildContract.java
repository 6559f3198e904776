package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.merged;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.renamed;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pull filtering and paging; projections rebuilt from the log; what a reopened store still holds. */
abstract class PullAndRebuildContract extends EventStoreContract {
    @Test
    void pullGivesChainFactsAndOwnStoreButNeverOwnEventsNorOtherStoresSales() {
        push(a1, a1.next(List.of(sale("S001-T1-1", "100001", 350), points(member(1), 3))));
        EventEnvelope neighbourSale = a2.next(sale("S001-T2-1", "100001", 350));
        EventEnvelope neighbourStock = a2.next(stock("S001", "100001", -1_000, StockChanged.Reason.SALE));
        push(a2, List.of(neighbourSale, neighbourStock));
        EventEnvelope otherStoreSale = b1.next(sale("S002-T1-1", "100001", 350));
        EventEnvelope otherStoreMember = b1.next(registered(member(2), "13900000002", "B"));
        push(b1, List.of(otherStoreSale, otherStoreMember));

        PullPage page = log.pull(new PullQuery(0, 100, a1.till, a1.epoch, a1.store));

        assertThat(page.events()).extracting(e -> Json.CODEC.fromJson(e.body()).eventId())
                .containsExactly(neighbourSale.eventId(), neighbourStock.eventId(), otherStoreMember.eventId());
        assertThat(page.next()).isEqualTo(6);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void pullPagesInServerOrderAndAFilteredTailStillAdvancesTheCursor() {
        push(a2, a2.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 3))));
        push(b1, b1.next(List.of(sale("S002-T1-1", "1", 1), sale("S002-T1-2", "1", 1))));

        PullPage first = log.pull(new PullQuery(0, 2, a1.till, a1.epoch, a1.store));
        PullPage second = log.pull(new PullQuery(first.next(), 2, a1.till, a1.epoch, a1.store));
        PullPage third = log.pull(new PullQuery(second.next(), 2, a1.till, a1.epoch, a1.store));

        assertThat(first.events()).extracting(PullPage.PulledEvent::serverSeq).containsExactly(1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.events()).extracting(PullPage.PulledEvent::serverSeq).containsExactly(3L);
        assertThat(second.next()).isEqualTo(5);
        assertThat(second.hasMore()).isFalse();
        assertThat(third).isEqualTo(new PullPage(List.of(), 5, false, 5));
    }

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

        log.rebuildProjections();

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
        storage.close();

        reopen();

        assertThat(snapshot(List.of(member(1)))).isEqualTo(before);
        assertThat(log.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
    }

    record Snapshot(List<MemberView> members, List<Long> stock) {
    }

    Snapshot snapshot(List<MemberId> ids) {
        List<MemberView> views = ids.stream().map(members::member).flatMap(Optional::stream).toList();
        List<Long> quantities = new ArrayList<>();
        for (String s : List.of("S001", "S002")) {
            for (int sku = 0; sku < 3; sku++) {
                quantities.add(stock.stock(StoreId.of(s), Sku.of("SKU" + sku)).qtyMilli());
            }
        }
        return new Snapshot(views, quantities);
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
