package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.Ports;
import io.chainpos.server.liability.Liabilities;
import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's proof for member activity and liabilities: random sales, refunds, top-ups, spending, redemptions,
 * expiries, tier moves, merges and erasures pushed by four tills of three stores; every figure the read models
 * give equals a fold over the events computed here on its own ({@link Fold}); erasing members changes none
 * of them; and rebuilding from the log gives the same figures again.
 */
abstract class MemberFactsContract extends EventStoreContract {
    private static final int MEMBERS = 6;
    /**
     * Periods the liabilities page may ask for (ms): many whole days cut mid-day at both ends, one within a day, one from
     * a UTC midnight: read from the stores' daily sums and the partial days from the movements themselves.
     */
    private static final List<long[]> WINDOWS = List.of(
            new long[] {NOW.plus(Duration.ofDays(9).plusHours(7).plusMinutes(13)).toEpochMilli(),
                    NOW.plus(Duration.ofDays(47).plusHours(17).plusMinutes(29)).toEpochMilli()},
            new long[] {NOW.plus(Duration.ofDays(20).plusHours(3)).toEpochMilli(), NOW.plus(Duration.ofDays(20).plusHours(9)).toEpochMilli()},
            new long[] {NOW.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).toEpochMilli(),
                    NOW.plus(Duration.ofDays(70).plusHours(1)).toEpochMilli()});

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyFigureEqualsAFoldOverTheEventsAndSurvivesErasureAndRebuild(long seed) {
        Random random = new Random(seed);
        List<TillWriter> tills = List.of(a1, a2, b1, new TillWriter("S003", "S003-T1", 1, clock));
        Fold fold = new Fold();
        for (int m = 1; m <= MEMBERS; m++) {
            List<EventEnvelope> registration = List.of(tills.get(m % tills.size()).next(registered(member(m), "1390000000" + m, "会员" + m)));
            push(tills.get(m % tills.size()), registration);
            registration.forEach(fold::apply);
        }
        assertThat(eachStoreReadsItsOwnPeopleAsTheChainsReadNarrowed()).as("stores with members at home").isEqualTo(3);
        for (int round = 0; round < 60; round++) {
            TillWriter till = tills.get(random.nextInt(tills.size()));
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                clock.advance(Duration.ofMinutes(random.nextInt(60 * 30)));
                batch.add(till.next(randomFact(random, fold)));
            }
            push(till, batch);
            batch.forEach(fold::apply);
        }
        Figures incremental = figures();
        assertThat(incremental).isEqualTo(fold.figures());
        assertThat(incremental.windows().getFirst()).as("the scenario moves points and stored value within the long period").isNotEmpty();
        eachStoreReadsItsOwnPeopleAsTheChainsReadNarrowed();

        int chosen = 1 + random.nextInt(MEMBERS);
        List<MemberId> family = members.memberFamily(member(chosen));
        push(a1, a1.next(family.stream().map(id -> (Event) new MemberErased(id, "dpo")).toList()));
        members.scrub();

        assertThat(figures()).as("erasure changes no figure").isEqualTo(incremental);
        assertThat(view(family.getFirst()).name()).isNull();
        assertThat(view(family.getFirst()).phone()).isNull();
        for (int m = 1; m <= MEMBERS; m++) {
            if (family.contains(member(m))) {
                assertThat(members.memberByPhone("1390000000" + m)).as("found by the phone it had").isEmpty();
            }
        }

        log.rebuildProjections();

        assertThat(figures()).as("rebuild equals incremental").isEqualTo(incremental);
        eachStoreReadsItsOwnPeopleAsTheChainsReadNarrowed();

        // A server upgraded with movements and pools already kept gets the daily sums (V253) and each owner's points
        // (V254) from the migrations' statements over those rows: the same figures.
        io.chainpos.server.testing.MigrationFills.refill(storage.database(), "V253__liability_store_days.sql", "liability_store_days");
        io.chainpos.server.testing.MigrationFills.refill(storage.database(), "V254__liability_owner_points.sql", "liability_owner_points");
        assertThat(figures()).as("filled by the migrations").isEqualTo(incremental);
    }

    /**
     * A store's report reads its members through their home store: the same persons and tiers as the chain's, narrowed.
     * Returns how many stores have members at home (merges can gather every member into one).
     */
    private int eachStoreReadsItsOwnPeopleAsTheChainsReadNarrowed() {
        MemberActivities activities = Ports.on(storage, Json.CODEC, clock).memberActivities();
        List<MemberActivities.Person> chain = new ArrayList<>();
        activities.forEachPerson(chain::add);
        MemberActivities.Tiers chainTiers = activities.tiers(0, Long.MAX_VALUE);
        int stores = 0;
        for (String store : List.of("S001", "S002", "S003")) {
            List<MemberActivities.Person> expected = chain.stream().filter(p -> store.equals(p.homeStore())).toList();
            List<MemberActivities.Person> atStore = new ArrayList<>();
            activities.forEachPersonAt(store, atStore::add);
            assertThat(atStore).as("the persons at home at " + store).isEqualTo(expected);
            java.util.Set<String> ids = new java.util.HashSet<>();
            expected.forEach(p -> ids.add(p.memberId()));
            MemberActivities.Tiers tiers = activities.tiersAt(store, 0, Long.MAX_VALUE);
            assertThat(narrowed(tiers.now(), ids)).as("tiers now at " + store).isEqualTo(narrowed(chainTiers.now(), ids));
            assertThat(tiers.moved().stream().filter(m -> ids.contains(m.memberId())).toList()).as("tier moves at " + store)
                    .isEqualTo(chainTiers.moved().stream().filter(m -> ids.contains(m.memberId())).toList());
            stores += expected.isEmpty() ? 0 : 1;
        }
        return stores;
    }

    private static Map<String, String> narrowed(Map<String, String> tiers, java.util.Set<String> ids) {
        Map<String, String> kept = new TreeMap<>();
        tiers.forEach((person, tier) -> {
            if (ids.contains(person)) {
                kept.put(person, tier);
            }
        });
        return kept;
    }

    private Event randomFact(Random random, Fold fold) {
        int w = random.nextInt(MEMBERS);
        MemberId who = member(1 + w);
        return switch (random.nextInt(10)) {
            case 0, 1 -> {
                long total = 100 + random.nextInt(20_000);
                yield new SaleCompleted(SaleId.newId(clock), ReceiptNo.of("R" + random.nextInt(1_000_000)), who, "CNY",
                        List.of(new SaleLine(Sku.of("100001"), "item", 1000, total, 0, total, List.of())), List.of(), total, 0, total,
                        List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier");
            }
            case 2 -> fold.sales.isEmpty() ? new PointsChanged(who, 5, PointsChanged.Reason.EARN, null, null) : refund(random, fold);
            case 3 -> new PointsChanged(who, 1 + random.nextInt(500), PointsChanged.Reason.EARN, null, null);
            case 4 -> new PointsChanged(who, -1 - random.nextInt(400), random.nextBoolean() ? PointsChanged.Reason.REDEEM
                    : PointsChanged.Reason.EXPIRE, null, null);
            case 5 -> {
                long paid = 1_000 + random.nextInt(50_000);
                yield random.nextBoolean() ? new StoredValueChanged(who, paid, StoredValueChanged.Reason.TOPUP, null)
                        : new StoredValueChanged(who, paid / 5, StoredValueChanged.Reason.BONUS, null, paid / 5, null);
            }
            case 6 -> {
                long spent = 1 + random.nextInt(30_000);
                long bonus = random.nextInt(3) == 0 ? spent / (1 + random.nextInt(3)) : 0;
                yield new StoredValueChanged(who, -spent, StoredValueChanged.Reason.PAY, null, -bonus, null);
            }
            case 7 -> new MemberTierChanged(who, "NORMAL", random.nextBoolean() ? "GOLD" : "SILVER",
                    MemberTierChanged.Direction.UPGRADE, 1, LocalDate.of(2026, 1, 1), 1000, null);
            case 8 -> {
                MemberId other = member(1 + (w + 1 + random.nextInt(MEMBERS - 1)) % MEMBERS);
                yield random.nextInt(3) == 0 ? new MembersMerged(who, other, "same person") : new MemberErased(other, "dpo");
            }
            default -> new PointsChanged(who, random.nextInt(100) - 50, PointsChanged.Reason.ADJUST, null, null);
        };
    }

    private SaleRefunded refund(Random random, Fold fold) {
        SaleId sale = fold.sales.get(random.nextInt(fold.sales.size()));
        long amount = 1 + random.nextInt(500);
        return new SaleRefunded(RefundId.newId(clock), sale, "CNY", List.of(new RefundLine(Sku.of("100001"), "item", 1000, amount)),
                amount, List.of(new Tender(TenderMethod.CASH, amount, null)), "changed mind", null, null);
    }

    /** Every figure, as the ports read it. */
    record Figures(List<Liabilities.StoreLiability> stores, List<Liabilities.Movement> movements, List<Liabilities.Movement> s001Movements,
                   List<List<Liabilities.Movement>> windows,
                   List<MemberActivities.Person> people, Map<String, List<String>> tiers, Map<String, Long> visitSpend,
                   List<Liabilities.PointsBand> chainPoints, List<Liabilities.PointsBand> s001Points) {
    }

    private Figures figures() {
        Ports ports = Ports.on(storage, Json.CODEC, clock);
        List<MemberActivities.Person> people = new ArrayList<>();
        ports.memberActivities().forEachPerson(people::add);
        Map<String, List<String>> tiers = new TreeMap<>();
        Map<String, Long> visitSpend = new TreeMap<>();
        for (MemberActivities.Person person : people) {
            MemberActivities.Activity activity = ports.memberActivities().of(MemberId.parse(person.memberId())).orElseThrow();
            tiers.put(person.memberId(), activity.tiers().stream().map(t -> t.fromTier() + ">" + t.toTier()).sorted().toList());
            visitSpend.put(person.memberId(), activity.visits().stream().mapToLong(MemberActivities.Visit::spend).sum());
        }
        return new Figures(ports.liabilities().byStore(), ports.liabilities().movements(java.util.Optional.empty(), 0, Long.MAX_VALUE),
                ports.liabilities().movements(java.util.Optional.of("S001"), 0, Long.MAX_VALUE),
                WINDOWS.stream().map(w -> ports.liabilities().movements(java.util.Optional.empty(), w[0], w[1])).toList(), people, tiers,
                visitSpend,
                ports.liabilities().pointsHeld(java.util.Optional.empty()), ports.liabilities().pointsHeld(java.util.Optional.of("S001")));
    }

    /**
     * The figures folded from the events in log order, written here without the production code: a member's
     * holdings per store, spending taken from the spending store first and then the others in store order.
     */
    static final class Fold {
        final List<SaleId> sales = new ArrayList<>();
        private final Map<SaleId, String> saleMember = new java.util.HashMap<>();
        private final Map<String, String> survivor = new java.util.HashMap<>();   // member_aliases: final survivors
        private final Map<String, String> owner = new java.util.HashMap<>();      // liability owners
        private final Map<String, Map<String, long[]>> pools = new java.util.HashMap<>();
        private final Map<String, long[]> earnedExpired = new TreeMap<>();
        private final Map<String, long[]> moved = new TreeMap<>();
        private final List<Object[]> timedMoves = new ArrayList<>();   // occurred ms, store, the seven sums
        private final Map<String, long[]> activity = new java.util.HashMap<>();   // first, last, visits, spend
        private final Map<String, Object[]> home = new java.util.HashMap<>();     // store, registered ms
        private final Map<String, List<String>> tierMoves = new java.util.HashMap<>();
        private final Map<String, Long> visitSpend = new java.util.HashMap<>();

        void apply(EventEnvelope e) {
            String store = e.storeId().value();
            long at = e.occurredAt().toEpochMilli();
            switch (e.payload()) {
                case io.chainpos.model.event.MemberRegistered r -> {
                    home.putIfAbsent(r.memberId().toString(), new Object[] {store, at});
                    tierMoves.computeIfAbsent(r.memberId().toString(), k -> new ArrayList<>()).add("null>" + r.tierCode());
                }
                case MemberTierChanged t -> tierMoves.computeIfAbsent(t.memberId().toString(), k -> new ArrayList<>())
                        .add(t.fromTier() + ">" + t.toTier());
                case SaleCompleted s when s.memberId() != null -> {
                    String id = s.memberId().toString();
                    sales.add(s.saleId());
                    saleMember.put(s.saleId(), id);
                    long[] a = activity.computeIfAbsent(id, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0});
                    a[0] = Math.min(a[0], at);
                    a[1] = Math.max(a[1], at);
                    a[2]++;
                    a[3] += s.total();
                    visitSpend.merge(id, s.total(), Long::sum);
                }
                case SaleRefunded r -> {
                    String id = saleMember.get(r.originalSaleId());
                    activity.get(id)[3] -= r.total();
                    visitSpend.merge(id, -r.total(), Long::sum);
                }
                case PointsChanged p -> {
                    long[] m = new long[7];
                    long[] ee = earnedExpired.computeIfAbsent(store, k -> new long[2]);
                    if (p.reason() == PointsChanged.Reason.EXPIRE) {
                        m[2] -= p.delta();
                    } else if (p.delta() > 0) {
                        m[0] += p.delta();
                    } else {
                        m[1] -= p.delta();
                    }
                    moved(store, at, m);
                    if (p.reason() == PointsChanged.Reason.EARN) {
                        ee[0] += p.delta();
                    }
                    Map<String, Long> taken = hold(p.memberId().toString(), store, 0, p.delta());
                    if (p.reason() == PointsChanged.Reason.EXPIRE) {
                        // Expired points are the breakage of the stores whose holdings they leave.
                        taken.forEach((s, n) -> earnedExpired.computeIfAbsent(s, k -> new long[2])[1] += n);
                    }
                }
                case StoredValueChanged v -> {
                    long[] m = new long[7];
                    long paid = v.delta() - v.bonusPart();
                    m[paid > 0 ? 3 : 4] += Math.abs(paid);
                    m[v.bonusPart() > 0 ? 5 : 6] += Math.abs(v.bonusPart());
                    moved(store, at, m);
                    earnedExpired.computeIfAbsent(store, k -> new long[2]);
                    hold(v.memberId().toString(), store, 1, paid);
                    hold(v.memberId().toString(), store, 2, v.bonusPart());
                }
                case MembersMerged mm -> {
                    String s = survivorOf(mm.memberId().toString());
                    String a = survivorOf(mm.mergedId().toString());
                    if (!s.equals(a)) {
                        survivor.put(a, s);
                        survivor.replaceAll((k, v) -> v.equals(a) ? s : v);
                    }
                    String so = owner.getOrDefault(mm.memberId().toString(), mm.memberId().toString());
                    String ao = owner.getOrDefault(mm.mergedId().toString(), mm.mergedId().toString());
                    if (!so.equals(ao)) {
                        Map<String, long[]> from = pools.remove(ao);
                        if (from != null) {
                            Map<String, long[]> into = pools.computeIfAbsent(so, k -> new TreeMap<>());
                            from.forEach((st, amounts) -> {
                                long[] t = into.computeIfAbsent(st, k -> new long[3]);
                                for (int i = 0; i < 3; i++) {
                                    t[i] += amounts[i];
                                }
                            });
                        }
                        owner.replaceAll((k, v) -> v.equals(ao) ? so : v);
                        owner.put(ao, so);
                    }
                }
                default -> { }
            }
        }

        private String survivorOf(String id) {
            return survivor.getOrDefault(id, id);
        }

        /**
         * Adds {@code amount} of one account to the member's holdings as the rule in the class comment says, and
         * returns what a negative amount took from each store (overdrawn at the store where it happened).
         */
        private Map<String, Long> hold(String member, String store, int account, long amount) {
            Map<String, Long> taken = new TreeMap<>();
            if (amount == 0) {
                return taken;
            }
            String who = owner.getOrDefault(member, member);
            Map<String, long[]> mine = pools.computeIfAbsent(who, k -> new TreeMap<>());
            if (amount > 0) {
                mine.computeIfAbsent(store, k -> new long[3])[account] += amount;
                return taken;
            }
            long owed = -amount;
            List<String> order = new ArrayList<>();
            order.add(store);
            mine.keySet().stream().filter(s -> !s.equals(store)).forEach(order::add);
            for (String s : order) {
                long[] pool = mine.get(s);
                if (pool != null && pool[account] > 0 && owed > 0) {
                    long took = Math.min(owed, pool[account]);
                    pool[account] -= took;
                    owed -= took;
                    taken.merge(s, took, Long::sum);
                }
            }
            mine.computeIfAbsent(store, k -> new long[3])[account] -= owed;
            if (owed > 0) {
                taken.merge(store, owed, Long::sum);
            }
            return taken;
        }

        private void moved(String store, long at, long[] m) {
            long[] into = moved.computeIfAbsent(store, k -> new long[7]);
            for (int i = 0; i < 7; i++) {
                into[i] += m[i];
            }
            timedMoves.add(new Object[] {at, store, m});
        }

        /** What moved at each store from {@code from} (inclusive) to {@code until}, in store order. */
        List<Liabilities.Movement> movements(long from, long until) {
            Map<String, long[]> by = new TreeMap<>();
            for (Object[] t : timedMoves) {
                if ((long) t[0] >= from && (long) t[0] < until) {
                    long[] into = by.computeIfAbsent((String) t[1], k -> new long[7]);
                    long[] m = (long[]) t[2];
                    for (int i = 0; i < 7; i++) {
                        into[i] += m[i];
                    }
                }
            }
            List<Liabilities.Movement> out = new ArrayList<>();
            by.forEach((st, m) -> out.add(new Liabilities.Movement(st, m[0], m[1], m[2], m[3], m[4], m[5], m[6])));
            return out;
        }

        Figures figures() {
            Map<String, long[]> totals = new TreeMap<>();
            pools.values().forEach(mine -> mine.forEach((store, amounts) -> {
                long[] t = totals.computeIfAbsent(store, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    t[i] += amounts[i];
                }
            }));
            earnedExpired.keySet().forEach(s -> totals.computeIfAbsent(s, k -> new long[3]));
            List<Liabilities.StoreLiability> stores = new ArrayList<>();
            totals.forEach((s, t) -> {
                long[] ee = earnedExpired.getOrDefault(s, new long[2]);
                stores.add(new Liabilities.StoreLiability(s, t[0], t[1], t[2], ee[0], ee[1]));
            });
            List<Liabilities.Movement> movements = new ArrayList<>();
            moved.forEach((s, m) -> movements.add(new Liabilities.Movement(s, m[0], m[1], m[2], m[3], m[4], m[5], m[6])));
            Map<String, long[]> people = new TreeMap<>();
            Map<String, Long> spendOf = new TreeMap<>();
            Map<String, List<String>> tiersOf = new TreeMap<>();
            java.util.Set<String> ids = new java.util.TreeSet<>(home.keySet());
            ids.addAll(activity.keySet());
            for (String id : ids) {
                String person = survivorOf(id);
                long[] p = people.computeIfAbsent(person, k -> new long[] {Long.MAX_VALUE, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0});
                Object[] h = home.get(id);
                if (h != null) {
                    p[0] = Math.min(p[0], (Long) h[1]);
                }
                long[] a = activity.get(id);
                if (a != null) {
                    p[2] = Math.min(p[2], a[0]);
                    p[3] = Math.max(p[3], a[1]);
                    p[4] += a[2];
                    p[5] += a[3];
                }
                spendOf.merge(person, visitSpend.getOrDefault(id, 0L), Long::sum);
                tiersOf.computeIfAbsent(person, k -> new ArrayList<>()).addAll(tierMoves.getOrDefault(id, List.of()));
            }
            List<MemberActivities.Person> persons = new ArrayList<>();
            people.forEach((id, p) -> {
                Object[] h = home.get(id);
                String homeStore = h != null ? (String) h[0] : ids.stream().filter(i -> survivorOf(i).equals(id) && home.containsKey(i))
                        .map(i -> (String) home.get(i)[0]).sorted().findFirst().orElse(null);
                persons.add(new MemberActivities.Person(id, homeStore, p[0] == Long.MAX_VALUE ? 0 : p[0],
                        p[2] == Long.MAX_VALUE ? 0 : p[2], p[3] == Long.MIN_VALUE ? 0 : p[3], p[4], p[5]));
            });
            tiersOf.replaceAll((k, v) -> v.stream().sorted().toList());
            return new Figures(stores, movements, movements.stream().filter(m -> m.storeId().equals("S001")).toList(),
                    WINDOWS.stream().map(w -> movements(w[0], w[1])).toList(), persons, tiersOf,
                    spendOf, pointsHeld(null), pointsHeld("S001"));
        }

        /** Members (by liability owner) holding points, chain-wide or at one store, counted in the published bands. */
        private List<Liabilities.PointsBand> pointsHeld(String store) {
            List<Long> from = Liabilities.POINTS_BANDS;
            long[][] counted = new long[from.size()][2];
            pools.values().forEach(mine -> {
                long held = mine.entrySet().stream().filter(e -> store == null || e.getKey().equals(store))
                        .mapToLong(e -> e.getValue()[0]).sum();
                for (int i = from.size() - 1; i >= 0; i--) {
                    if (held >= from.get(i)) {
                        counted[i][0]++;
                        counted[i][1] += held;
                        break;
                    }
                }
            });
            List<Liabilities.PointsBand> bands = new ArrayList<>();
            for (int i = 0; i < from.size(); i++) {
                bands.add(new Liabilities.PointsBand(from.get(i), i + 1 < from.size() ? from.get(i + 1) : 0, counted[i][0], counted[i][1]));
            }
            return bands;
        }
    }
}
