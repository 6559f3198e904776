package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.stock;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.StockChanged;
import io.chainpos.server.Ports;
import io.chainpos.server.stock.StockBook;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each product's stock over the chain (V255, the chain's stock page) equals a fold over the movements pushed: its
 * total, the stores with a record of it and those below zero, with batches that move a store's stock of a product
 * several times and across zero; after a rebuild; and from the migration's statement over the stores' rows.
 */
abstract class StockByProductContract extends EventStoreContract {
    private static final List<String> SKUS = List.of("100001", "100002", "100003", "100004", "100005");

    /** The fold: each (store, SKU)'s quantity, and each product's summary from them. */
    private final Map<List<String>, Long> quantities = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
            ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));

    private List<StockBook.Summary> folded() {
        Map<String, long[]> bySku = new TreeMap<>();
        quantities.forEach((key, qty) -> {
            long[] s = bySku.computeIfAbsent(key.get(1), k -> new long[3]);
            s[0] += qty;
            s[1]++;
            s[2] += qty < 0 ? 1 : 0;
        });
        List<StockBook.Summary> summaries = new ArrayList<>();
        bySku.forEach((sku, s) -> summaries.add(new StockBook.Summary(sku, s[0], s[1], s[2])));
        return summaries;
    }

    private void moveAtRandom(long seed) {
        Random random = new Random(seed);
        List<TillWriter> tills = List.of(a1, a2, b1, new TillWriter("S003", "S003-T1", 1, clock));
        for (int batch = 0; batch < 40; batch++) {
            TillWriter till = tills.get(random.nextInt(tills.size()));
            List<Event> moves = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                String sku = SKUS.get(random.nextInt(random.nextBoolean() ? 2 : SKUS.size())); // two SKUs moved often
                long delta = (random.nextInt(11) - 6) * 1_000L;
                moves.add(stock(till.store.value(), sku, delta, delta < 0 ? StockChanged.Reason.SALE : StockChanged.Reason.RECEIPT));
                quantities.merge(List.of(till.store.value(), sku), delta, Long::sum);
            }
            push(till, till.next(moves));
        }
    }

    private StockBook book() {
        return Ports.on(storage, Json.CODEC, clock).stockBook();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void eachProductsChainRowEqualsAFoldOverTheMovementsAndARebuildGivesTheSame(long seed) {
        moveAtRandom(seed);
        List<StockBook.Summary> expected = folded();
        assertThat(expected.stream().mapToLong(StockBook.Summary::belowZero).sum()).as("the scenario goes below zero").isPositive();

        assertThat(book().summaries("", 100)).isEqualTo(expected);
        assertThat(book().summaries(expected.get(1).sku(), 2)).as("a page after a SKU").isEqualTo(expected.subList(2, 4));

        log.rebuildProjections();
        assertThat(book().summaries("", 100)).as("rebuilt").isEqualTo(expected);
    }

    @Test
    void theMigrationFillsEachProductsRowFromTheStoresRows() {
        moveAtRandom(7);
        io.chainpos.server.testing.MigrationFills.refill(storage.database(), "V255__stock_by_product.sql", "stock_by_product");

        assertThat(book().summaries("", 100)).isEqualTo(folded());
    }
}
