package io.chainpos.till.stock;

import static io.chainpos.till.testing.HeadOfficeEvents.BREAD;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.Sku;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Counts, recounts and corrections interleaved with sales at a real till: the adjustment booked for each product is
 * its count against the stock when it was last counted, whatever sold before or after. The expected figures come
 * from a fold over the same steps written here, not from the till.
 */
class StocktakeDuringSalesPropertyTest {
    private static final List<Sku> PRODUCTS = List.of(COLA, BREAD);

    sealed interface Step {
    }

    record Sell(Sku sku, int pieces) implements Step {
    }

    record Count(Sku sku, int pieces) implements Step {
    }

    record Correct(Sku sku, int pieces) implements Step {
    }

    @Provide
    Arbitrary<Step> step() {
        Arbitrary<Sku> sku = Arbitraries.of(PRODUCTS);
        Arbitrary<Integer> pieces = Arbitraries.integers().between(0, 6);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(sku, pieces.filter(n -> n > 0)).as(Sell::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(sku, pieces).as(Count::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sku, pieces).as(Correct::new)));
    }

    @Property(tries = 25, seed = "20261205")
    void theAdjustmentIsTheCountAgainstTheStockWhenCounted(@ForAll @Size(min = 1, max = 14) List<@From("step") Step> steps)
            throws IOException {
        Path dir = Files.createTempDirectory("stocktake-property");
        ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock).withStaff()) {
            Stocktaking stocktaking = till.stockDesk.stocktaking();
            till.stockDesk.receiveGoods().receive(null, null, List.of(StockEntry.of(COLA.value(), "10"), StockEntry.of(BREAD.value(), "7")), "c1");
            // the fold: stock per product, and per counted product its count and the stock when last counted
            Map<Sku, Long> onHand = new HashMap<>(Map.of(COLA, 10L, BREAD, 7L));
            Map<Sku, long[]> counted = new LinkedHashMap<>();

            stocktaking.start(StocktakeScope.Kind.STORE, null, "c1");
            for (Step step : steps) {
                clock.advance(Duration.ofSeconds(30));
                switch (step) {
                    case Sell sell -> {
                        assertThat(till.sell(new TestTill.Sale(List.of(new TestTill.Line(sell.sku().value(), sell.pieces() * 1000L)), null,
                                List.of(new Tender(TenderMethod.CASH, 100_000, null)), "c1"))).isInstanceOf(Checkout.Completed.class);
                        onHand.merge(sell.sku(), (long) -sell.pieces(), Long::sum);
                    }
                    case Count count -> {
                        assertThat(stocktaking.count(count.sku().value(), Integer.toString(count.pieces()), "c2"))
                                .isInstanceOf(Stocktaking.Done.class);
                        long before = counted.containsKey(count.sku()) ? counted.get(count.sku())[0] : 0;
                        counted.put(count.sku(), new long[] {before + count.pieces(), onHand.get(count.sku())});
                    }
                    case Correct correct -> {
                        assertThat(stocktaking.correct(correct.sku().value(), Integer.toString(correct.pieces()), "c2"))
                                .isInstanceOf(Stocktaking.Done.class);
                        counted.put(correct.sku(), new long[] {correct.pieces(), onHand.get(correct.sku())});
                    }
                }
            }
            clock.advance(Duration.ofSeconds(30));
            Stocktaking.Finished finished = stocktaking.approve(TestTill.MANAGER_PIN, false);

            if (counted.isEmpty()) {
                assertThat(finished).isInstanceOf(Stocktaking.NotApproved.class);
            } else {
                StocktakeCompleted done = ((Stocktaking.Approved) finished).stocktake();
                assertThat(done.lines()).containsExactlyElementsOf(counted.entrySet().stream()
                        .map(e -> new StocktakeLine(e.getKey(), e.getValue()[0] * 1000, e.getValue()[1] * 1000,
                                (e.getValue()[0] - e.getValue()[1]) * 1000))
                        .toList());
            }
            for (Sku sku : PRODUCTS) {
                long expected = onHand.get(sku) + (counted.containsKey(sku) ? counted.get(sku)[0] - counted.get(sku)[1] : 0);
                long actual = till.ledger.read(s -> till.stockDesk.stock().quantityMilli(s, sku));
                assertThat(actual).as(sku.value()).isEqualTo(expected * 1000);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
