package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.server.Ports;
import io.chainpos.server.sales.CoPurchases;
import io.chainpos.server.sales.SalesFacts;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Members who buy X also buy Y" against a fold over the events written here: random member and non-member sales
 * of a few products at three stores over several days, merges of members (in both directions, chained), a sale
 * pushed twice under two events; every count for random periods, stores and products equals the fold's, and a
 * rebuild gives the same.
 */
abstract class CoPurchasesContract extends EventStoreContract {
    private static final int MEMBERS = 8;
    private static final List<String> SKUS = List.of("100001", "100002", "100003", "100004", "100005");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyCountEqualsAFoldOverTheEventsAndARebuild(long seed) {
        Random random = new Random(seed);
        List<TillWriter> tills = List.of(a1, b1, new TillWriter("S003", "S003-T1", 1, clock));
        Fold fold = new Fold();
        for (int round = 0; round < 50; round++) {
            TillWriter till = tills.get(random.nextInt(tills.size()));
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                clock.advance(Duration.ofMinutes(random.nextInt(60 * 20)));
                Event fact = random.nextInt(12) == 0 ? merge(random) : sale(random);
                batch.add(till.next(fact));
                if (fact instanceof SaleCompleted s && random.nextInt(10) == 0) {
                    batch.add(till.next(s)); // the same sale again, under another event
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            push(till, batch);
            batch.forEach(fold::apply);
        }
        LocalDate first = NOW.atZone(SHANGHAI).toLocalDate();
        LocalDate last = clock.instant().atZone(SHANGHAI).toLocalDate();
        List<SalesFacts.Filter> filters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate from = first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay() + 1)));
            LocalDate to = from.plusDays(random.nextInt(10));
            Optional<String> store = random.nextBoolean() ? Optional.empty() : Optional.of("S00" + (1 + random.nextInt(3)));
            filters.add(new SalesFacts.Filter(store, from, to));
        }
        filters.add(new SalesFacts.Filter(Optional.empty(), first, last));
        Map<String, Object> incremental = figures(filters);
        assertThat(incremental).isEqualTo(fold.figures(filters));

        log.rebuildProjections();

        assertThat(figures(filters)).as("rebuild equals incremental").isEqualTo(incremental);
    }

    /** Two different members found to be one person; either may already have absorbed others. */
    private static MembersMerged merge(Random random) {
        int survivor = 1 + random.nextInt(MEMBERS);
        int absorbed = 1 + (survivor + random.nextInt(MEMBERS - 1)) % MEMBERS;
        return new MembersMerged(Facts.member(survivor), Facts.member(absorbed), "same person");
    }

    private SaleCompleted sale(Random random) {
        MemberId member = random.nextInt(4) == 0 ? null : Facts.member(1 + random.nextInt(MEMBERS));
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            long total = 100 + random.nextInt(900);
            lines.add(new SaleLine(Sku.of(SKUS.get(random.nextInt(SKUS.size()))), "item", 1000, total, 0, total, List.of()));
        }
        long total = lines.stream().mapToLong(SaleLine::total).sum();
        return new SaleCompleted(SaleId.newId(clock), ReceiptNo.of("R" + random.nextInt(1_000_000)), member, "CNY", lines, List.of(),
                total, 0, total, List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier");
    }

    /** Every count the port gives, for each filter and each product, keyed so two runs compare as maps. */
    private Map<String, Object> figures(List<SalesFacts.Filter> filters) {
        CoPurchases pairs = Ports.on(storage, Json.CODEC, clock).coPurchases();
        Map<String, Object> figures = new TreeMap<>();
        for (SalesFacts.Filter filter : filters) {
            String f = filter.store().orElse("chain") + " " + filter.from() + ".." + filter.to();
            figures.put(f + " members", pairs.members(filter));
            figures.put(f + " most", pairs.mostBought(filter, 3).stream().map(b -> b.sku() + "=" + b.members()).toList());
            for (String x : SKUS) {
                figures.put(f + " " + x + " buyers", pairs.buyers(filter, x).members());
                figures.put(f + " " + x + " also", pairs.alsoBought(filter, x, 3).stream()
                        .map(p -> p.sku() + "=" + p.both() + "/" + p.buyersOfY()).toList());
                Map<String, Long> both = new TreeMap<>(pairs.bothWith(filter, x, SKUS));
                figures.put(f + " " + x + " both", both);
            }
        }
        return figures;
    }

    /** Who bought what, where and when, folded here without the production code; merges followed in log order. */
    static final class Fold {
        private final Map<String, String> owner = new HashMap<>();
        private final Set<SaleId> seen = new HashSet<>();
        // owner -> (sku, store, day) bought
        private final Map<String, Set<List<Object>>> bought = new HashMap<>();

        void apply(EventEnvelope e) {
            switch (e.payload()) {
                case SaleCompleted s when s.memberId() != null && seen.add(s.saleId()) -> {
                    long day = e.occurredAt().atZone(SHANGHAI).toLocalDate().toEpochDay();
                    String who = owner.getOrDefault(s.memberId().toString(), s.memberId().toString());
                    s.lines().forEach(l -> bought.computeIfAbsent(who, k -> new HashSet<>()).add(List.of(l.sku().value(), e.storeId().value(), day)));
                }
                case MembersMerged m -> {
                    String survivor = owner.getOrDefault(m.memberId().toString(), m.memberId().toString());
                    String absorbed = owner.getOrDefault(m.mergedId().toString(), m.mergedId().toString());
                    if (!survivor.equals(absorbed)) {
                        Set<List<Object>> moved = bought.remove(absorbed);
                        if (moved != null) {
                            bought.computeIfAbsent(survivor, k -> new HashSet<>()).addAll(moved);
                        }
                        owner.replaceAll((id, o) -> o.equals(absorbed) ? survivor : o);
                        owner.put(absorbed, survivor);
                    }
                }
                default -> {
                }
            }
        }

        /** Each member's products bought within the filter. */
        private Map<String, Set<String>> within(SalesFacts.Filter filter) {
            Map<String, Set<String>> products = new TreeMap<>();
            bought.forEach((who, rows) -> rows.forEach(row -> {
                long day = (Long) row.get(2);
                if (filter.store().map(row.get(1)::equals).orElse(true)
                        && day >= filter.from().toEpochDay() && day <= filter.to().toEpochDay()) {
                    products.computeIfAbsent(who, k -> new HashSet<>()).add((String) row.get(0));
                }
            }));
            return products;
        }

        Map<String, Object> figures(List<SalesFacts.Filter> filters) {
            Map<String, Object> figures = new TreeMap<>();
            for (SalesFacts.Filter filter : filters) {
                String f = filter.store().orElse("chain") + " " + filter.from() + ".." + filter.to();
                Map<String, Set<String>> products = within(filter);
                figures.put(f + " members", (long) products.size());
                Map<String, Long> buyers = new TreeMap<>();
                products.values().forEach(set -> set.forEach(sku -> buyers.merge(sku, 1L, Long::sum)));
                figures.put(f + " most", buyers.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(3).map(b -> b.getKey() + "=" + b.getValue()).toList());
                for (String x : SKUS) {
                    figures.put(f + " " + x + " buyers", buyers.getOrDefault(x, 0L));
                    Map<String, Long> both = new TreeMap<>();
                    products.values().stream().filter(set -> set.contains(x))
                            .forEach(set -> set.stream().filter(y -> !y.equals(x)).forEach(y -> both.merge(y, 1L, Long::sum)));
                    figures.put(f + " " + x + " also", both.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                            .limit(3).map(p -> p.getKey() + "=" + p.getValue() + "/" + buyers.get(p.getKey())).toList());
                    Map<String, Long> bothAll = new TreeMap<>(both);
                    if (buyers.containsKey(x)) {
                        bothAll.put(x, buyers.get(x)); // Y = X itself: everyone who bought X bought "both"
                    }
                    figures.put(f + " " + x + " both", bothAll);
                }
            }
            return figures;
        }
    }
}
