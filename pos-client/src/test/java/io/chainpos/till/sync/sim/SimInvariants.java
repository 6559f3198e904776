package io.chainpos.till.sync.sim;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.Ports;
import io.chainpos.till.stock.StockStore;
import io.chainpos.till.testing.TestTill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The invariants, checked after a run has healed: every event committed at a till is stored exactly
 * once (or, a poison event, set apart once); every till epoch's acknowledged sequence has no gap;
 * projections equal a fold over the distinct events, on the server and on each till, and again after a
 * rebuild; every till holds the server's view. Returns each violation in words.
 */
final class SimInvariants {
    /** What the invariants look at: the tills, the server's database and its event store, and what went wrong on the way. */
    interface World {
        List<SimTill> tills();

        String database();

        Ports store();

        List<String> problems();
    }

    private final World sim;
    private final ServerLog log;
    private final EventCodec codec = EventCodec.standard();
    private final Ports store;
    private final List<String> violations = new ArrayList<>();

    private SimInvariants(World sim) {
        this.sim = sim;
        this.log = ServerLog.read(sim.database(), codec);
        this.store = sim.store();
    }

    static List<String> check(World sim) {
        SimInvariants check = new SimInvariants(sim);
        check.violations.addAll(sim.problems());
        check.everyTillEventIsStoredExactlyOnce();
        check.acknowledgedSequencesHaveNoGap();
        Fold server = check.serverProjectionsEqualTheFold();
        for (SimTill till : sim.tills()) {
            Fold local = check.tillProjectionsEqualTheFold(till);
            check.tillHoldsTheServersView(till, server, local);
        }
        check.newerVersionsAreKeptReportedAndPassedOn();
        return check.violations;
    }

    private void fail(String format, Object... args) {
        violations.add(format.formatted(args));
    }

    private List<EventEnvelope> ledger(TestTill till, String table) {
        return till.ledger.read(s -> s.handle().createQuery("SELECT envelope FROM " + table)
                .map((rs, ctx) -> codec.fromJson(rs.getString(1))).list());
    }

    private void everyTillEventIsStoredExactlyOnce() {
        Map<String, ServerLog.Stored> byId = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (ServerLog.Stored stored : log.events()) {
            if (byId.put(stored.eventId(), stored) != null || !keys.add(stored.tillId() + "/" + stored.epoch() + "/" + stored.seq())) {
                fail("stored twice: %s %s/%d/%d", stored.eventId(), stored.tillId(), stored.epoch(), stored.seq());
            }
        }
        Map<String, Long> setApart = log.quarantine().stream().collect(Collectors.groupingBy(ServerLog.SetApart::eventId,
                Collectors.counting()));
        List<SyncException> exceptions = store.exceptions().exceptions(1_000_000);
        Set<String> reported = exceptions.stream().filter(e -> e.kind() == SyncException.Kind.QUARANTINED_EVENT)
                .map(SyncException::eventId).collect(Collectors.toSet());
        for (SimTill till : sim.tills()) {
            for (EventEnvelope event : ledger(till.synced.till, "ledger_events")) {
                String id = event.eventId().toString();
                ServerLog.Stored stored = byId.get(id);
                boolean poison = event.payload() instanceof PointsChanged p && p.delta() == SimSteps.POISON_AMOUNT;
                if (poison) {
                    if (stored != null || setApart.getOrDefault(id, 0L) != 1 || !reported.contains(id)) {
                        fail("%s's poison event %s is not set apart exactly once and reported", till, id);
                    }
                } else if (stored == null) {
                    fail("%s's event %d/%d (%s) is not on the server", till, event.tillEpoch(), event.tillSeq(), event.type());
                } else if (!stored.event().equals(event)) {
                    fail("%s's event %s is stored with other content", till, id);
                } else if (setApart.containsKey(id)) {
                    fail("%s's event %s is stored and set apart", till, id);
                }
            }
        }
    }

    private void acknowledgedSequencesHaveNoGap() {
        for (ServerLog.Mark mark : log.marks()) {
            List<Long> seqs = new ArrayList<>();
            log.events().stream().filter(e -> e.tillId().equals(mark.tillId()) && e.epoch() == mark.epoch())
                    .forEach(e -> seqs.add(e.seq()));
            log.quarantine().stream().filter(q -> q.tillId().equals(mark.tillId()) && q.epoch() == mark.epoch())
                    .map(ServerLog.SetApart::seq).distinct().forEach(seqs::add);
            List<Long> expected = LongStream.rangeClosed(1, mark.ackedThrough()).boxed().toList();
            if (!seqs.stream().sorted().toList().equals(expected)) {
                fail("%s epoch %d: stored and set-apart seqs are not exactly 1..%d", mark.tillId(), mark.epoch(), mark.ackedThrough());
            }
        }
        for (SimTill till : sim.tills()) {
            TestTill t = till.synced.till;
            Map<Integer, Long> held = t.ledger.syncMarks().heldThrough();
            Map<Integer, Long> acked = t.ledger.read(s -> s.handle().createQuery("SELECT till_epoch, acked_through FROM sync_acks")
                    .reduceRows(new TreeMap<Integer, Long>(), (m, row) -> {
                        m.put(row.getColumn(1, Integer.class), row.getColumn(2, Long.class));
                        return m;
                    }));
            int current = till.synced.identity().epoch();
            held.forEach((epoch, seq) -> {
                long server = store.log().mark(till.synced.identity().tillId(), epoch).ackedThrough();
                // An epoch before a restore: the server may hold more than the backup did, never less.
                boolean serverAgrees = epoch == current ? server == seq : server >= seq;
                if (!serverAgrees || acked.getOrDefault(epoch, 0L).longValue() != seq.longValue()) {
                    fail("%s epoch %d holds through %d, acknowledged %d, server mark %d", till, epoch, seq,
                            acked.getOrDefault(epoch, 0L), server);
                }
            });
        }
    }

    /**
     * Balances per member id and stock per (store, SKU) as a plain sum over distinct events, and which member each
     * id now stands for: the same phone registered at two stores is merged by head office (issue 4), and a
     * merged member's balance is its family's.
     */
    record Fold(Map<MemberId, long[]> balances, Map<String, Long> stock, Map<MemberId, MemberId> survivors) {
        static Fold of(Iterable<EventEnvelope> events) {
            Map<MemberId, long[]> balances = new HashMap<>();
            Map<String, Long> stock = new HashMap<>();
            Map<MemberId, MemberId> survivors = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (EventEnvelope e : events) {
                if (!seen.add(e.eventId().toString())) {
                    continue;
                }
                switch (e.payload()) {
                    case PointsChanged p -> balances.computeIfAbsent(p.memberId(), m -> new long[2])[0] += p.delta();
                    case StoredValueChanged s -> balances.computeIfAbsent(s.memberId(), m -> new long[2])[1] += s.delta();
                    case StockChanged s -> stock.merge(s.storeId().value() + "/" + s.sku().value(), s.deltaMilli(), Long::sum);
                    case io.chainpos.model.event.MembersMerged m -> {
                        MemberId survivor = resolve(survivors, m.memberId());
                        MemberId absorbed = resolve(survivors, m.mergedId());
                        if (!survivor.equals(absorbed)) {
                            survivors.put(absorbed, survivor);
                        }
                    }
                    default -> { }
                }
            }
            return new Fold(balances, stock, survivors);
        }

        private static MemberId resolve(Map<MemberId, MemberId> survivors, MemberId id) {
            MemberId at = id;
            while (survivors.containsKey(at)) {
                at = survivors.get(at);
            }
            return at;
        }

        /** Points and stored value of the member's whole family (its survivor and every id merged into it). */
        long[] family(MemberId member) {
            MemberId survivor = resolve(survivors, member);
            long[] sums = new long[2];
            balances.forEach((id, b) -> {
                if (resolve(survivors, id).equals(survivor)) {
                    sums[0] += b[0];
                    sums[1] += b[1];
                }
            });
            return sums;
        }

        long points(MemberId member) {
            return balances.getOrDefault(member, new long[2])[0];
        }

        long storedValue(MemberId member) {
            return balances.getOrDefault(member, new long[2])[1];
        }

        long stock(String store, String sku) {
            return stock.getOrDefault(store + "/" + sku, 0L);
        }
    }

    private Fold serverProjectionsEqualTheFold() {
        Fold fold = Fold.of(log.events().stream().map(ServerLog.Stored::event).toList());
        compareServer(fold, "as ingested");
        store.log().rebuildProjections();
        compareServer(fold, "after a rebuild");
        return fold;
    }

    private void compareServer(Fold fold, String when) {
        fold.balances().forEach((member, own) -> store.members().member(member).ifPresentOrElse(view -> {
            long[] sums = fold.family(member);
            if (view.pointsBalance() != sums[0] || view.storedValueBalance() != sums[1]) {
                fail("server %s: member %s has %d/%d, the events say %d/%d", when, member, view.pointsBalance(),
                        view.storedValueBalance(), sums[0], sums[1]);
            }
        }, () -> fail("server %s: member %s is missing", when, member)));
        for (SimTill till : sim.tills()) {
            for (String sku : SimSteps.SKUS) {
                long qty = store.stock().stock(StoreId.of(till.store), Sku.of(sku)).qtyMilli();
                if (qty != fold.stock(till.store, sku)) {
                    fail("server %s: stock %s/%s is %d, the events say %d", when, till.store, sku, qty, fold.stock(till.store, sku));
                }
            }
        }
    }

    private Fold tillProjectionsEqualTheFold(SimTill till) {
        TestTill t = till.synced.till;
        List<EventEnvelope> events = new ArrayList<>(ledger(t, "ledger_events"));
        events.addAll(ledger(t, "remote_events"));
        Fold fold = Fold.of(events);
        compareTill(till, fold, "as recorded");
        t.ledger.rebuildProjections();
        compareTill(till, fold, "after a rebuild");
        return fold;
    }

    private void compareTill(SimTill till, Fold fold, String when) {
        TestTill t = till.synced.till;
        fold.balances().forEach((member, own) -> {
            long[] sums = fold.family(member);
            long points = t.ledger.read(s -> t.balances.points(s, member));
            long storedValue = t.ledger.read(s -> t.balances.storedValue(s, member));
            if (points != sums[0] || storedValue != sums[1]) {
                fail("%s %s: member %s has %d/%d, its events say %d/%d", till, when, member, points, storedValue, sums[0], sums[1]);
            }
        });
        for (String sku : SimSteps.SKUS) {
            long qty = t.ledger.read(s -> new StockStore().quantityMilli(s, Sku.of(sku)));
            if (qty != fold.stock(till.store, sku)) {
                fail("%s %s: stock of %s is %d, its events say %d", till, when, sku, qty, fold.stock(till.store, sku));
            }
        }
    }

    private void tillHoldsTheServersView(SimTill till, Fold server, Fold local) {
        Set<MemberId> members = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        members.addAll(server.balances().keySet());
        members.addAll(local.balances().keySet());
        members.remove(SimSteps.POISON_MEMBER);
        for (MemberId member : members) {
            if (server.points(member) != local.points(member) || server.storedValue(member) != local.storedValue(member)) {
                fail("%s holds %d/%d for member %s, the server %d/%d", till, local.points(member), local.storedValue(member),
                        member, server.points(member), server.storedValue(member));
            }
        }
        for (String sku : SimSteps.SKUS) {
            if (server.stock(till.store, sku) != local.stock(till.store, sku)) {
                fail("%s holds stock %d of %s, the server %d", till, local.stock(till.store, sku), sku, server.stock(till.store, sku));
            }
            TestTill t = till.synced.till;
            if (!t.ledger.read(s -> t.catalog.isHeadOfficeSku(s, sku))) { // whatever the till's clock says of effective dates
                fail("%s does not know product %s", till, sku);
            }
        }
    }

    private void newerVersionsAreKeptReportedAndPassedOn() {
        Set<String> reported = store.exceptions().exceptions(1_000_000).stream().filter(e -> e.kind() == SyncException.Kind.UNKNOWN_EVENT)
                .map(SyncException::eventId).collect(Collectors.toSet());
        for (ServerLog.Stored stored : log.events()) {
            if (!(stored.event().payload() instanceof UnknownEvent)) {
                continue;
            }
            if (!reported.contains(stored.eventId())) {
                fail("the newer-version event %s is stored but not reported", stored.eventId());
            }
            for (SimTill till : sim.tills()) {
                TestTill t = till.synced.till;
                boolean held = t.ledger.read(s -> s.handle().createQuery(
                                "SELECT COUNT(*) FROM (SELECT event_id FROM ledger_events UNION SELECT event_id FROM remote_events) "
                                        + "WHERE event_id = :id")
                        .bind("id", stored.eventId()).mapTo(Integer.class).one()) == 1;
                if (!held) {
                    fail("%s was not passed the newer-version event %s", till, stored.eventId());
                }
            }
        }
    }
}
