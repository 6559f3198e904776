package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.Sku;
import io.chainpos.server.testing.TillWriter;
import io.chainpos.server.exception.ExceptionRecords;
import io.chainpos.server.exception.JdbcExceptionRecords;
import io.chainpos.server.exception.JdbcOpenExceptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The open-exception counts every page shows are kept beside the exceptions: after random sales below zero at three
 * stores (several in one push, several pushes at once in one store) and random resolutions (some twice), the chain's,
 * each store's and each kind's count equal the open rows of the exception table, counted here by hand.
 */
abstract class OpenExceptionCountsContract extends EventStoreContract {

    @Test
    void theCountsEqualTheOpenExceptionsThroughRaisesAndResolutions() {
        Random random = new Random(17);
        List<TillWriter> tills = List.of(a1, a2, b1, new TillWriter("S003", "S003-T1", 1, clock));
        JdbcOpenExceptions open = new JdbcOpenExceptions(storage.database());
        ExceptionRecords records = new JdbcExceptionRecords(storage.database());
        for (int round = 0; round < 12; round++) {
            for (int p = 0; p < 3; p++) {
                TillWriter till = tills.get(random.nextInt(tills.size()));
                List<Event> sales = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                    sales.add(new StockChanged(till.store, Sku.of("10000" + random.nextInt(4)), -1_000 - random.nextInt(3_000),
                            StockChanged.Reason.SALE, "R" + round + "-" + p + "-" + i));
                }
                push(till, till.next(sales));
            }
            List<Long> ids = storage.database().read(h -> h.createQuery("SELECT id FROM sync_exceptions ORDER BY id").mapTo(Long.class).list());
            for (int r = 0, n = random.nextInt(4); r < n; r++) {
                long id = ids.get(random.nextInt(ids.size()));
                records.resolve(id, "hq.admin", "booked in", Instant.now());
                if (random.nextBoolean()) {
                    records.resolve(id, "hq.admin", "again", Instant.now());
                }
            }
            assertCountsAreTheOpenRows(open);
        }
    }

    private void assertCountsAreTheOpenRows(JdbcOpenExceptions open) {
        List<String[]> rows = storage.database().read(h -> h.createQuery(
                        "SELECT COALESCE(store_id, ''), kind FROM sync_exceptions WHERE resolved_ms IS NULL")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        Map<String, Long> byStore = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (String[] row : rows) {
            byStore.merge(row[0], 1L, Long::sum);
            byKind.merge(row[1], 1L, Long::sum);
        }
        assertThat(open.count()).isEqualTo(rows.size());
        for (String store : List.of("S001", "S002", "S003")) {
            assertThat(open.countIn(store)).as(store).isEqualTo(byStore.getOrDefault(store, 0L));
        }
        assertThat(new TreeMap<>(open.byKind())).isEqualTo(byKind);
    }
}
