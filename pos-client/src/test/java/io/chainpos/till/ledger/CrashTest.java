package io.chainpos.till.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.KilledChild;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-cut behaviour: a till process selling in a loop is killed with SIGKILL at random moments, many times.
 * Afterwards every receipt number it printed is in the ledger, no sale is there in part, and the
 * sequence has no gap.
 */
class CrashTest {
    private static final int KILLS = 25;

    @TempDir
    Path dir;

    @Test
    void killedMidSaleTheLedgerKeepsEveryPrintedReceiptAndNoHalfSale() throws Exception {
        Path file = dir.resolve("till.db");
        MemberId member;
        try (TestTill till = TestTill.withCatalog(file, Clock.systemUTC())) {
            member = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13900000009", "韩梅梅", null, null, false))).member().memberId();
        }
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> printed = new ArrayList<>();

        for (int kill = 0; kill < KILLS; kill++) {
            List<String> run = KilledChild.runAndKill(SellingInALoop.class, Path.of("target", "crash-child-" + kill + ".err"),
                    random, 40, 3_000_000, file.toString(), member.toString());
            assertThat(run).as("sales printed before kill %d (seed %d)", kill, seed).isNotEmpty();
            printed.addAll(run);
        }

        try (TestTill reopened = new TestTill(file, Clock.systemUTC(), "S001", "S001-T1")) {
            List<EventEnvelope> events = localEvents(reopened);
            assertThat(events).extracting(EventEnvelope::tillSeq)
                    .as("tillSeq has no gap (seed %d)", seed)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());

            Set<String> receipts = new HashSet<>();
            Map<String, Integer> stockPerSale = new HashMap<>();
            Map<String, Integer> pointsPerSale = new HashMap<>();
            for (EventEnvelope event : events) {
                switch (event.payload()) {
                    case SaleCompleted sale -> receipts.add(sale.receiptNo().value());
                    case StockChanged stock -> stockPerSale.merge(stock.reference(), 1, Integer::sum);
                    case PointsChanged points -> pointsPerSale.merge(points.saleId().toString(), 1, Integer::sum);
                    default -> {
                    }
                }
            }
            List<String> saleIds = new ArrayList<>();
            events.stream().filter(e -> e.payload() instanceof SaleCompleted)
                    .forEach(e -> saleIds.add(((SaleCompleted) e.payload()).saleId().toString()));

            assertThat(receipts).as("every printed receipt is in the ledger (seed %d)", seed).containsAll(printed);
            assertThat(saleIds).allSatisfy(sale -> {
                assertThat(stockPerSale.get(sale)).as("stock movements of sale %s", sale).isEqualTo(2);
                assertThat(pointsPerSale.get(sale)).as("points of sale %s", sale).isEqualTo(1);
            });
            assertThat(stockPerSale.keySet()).as("no stock movement without its sale").isSubsetOf(new HashSet<>(saleIds));
            long salesRows = reopened.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM sales").mapTo(Long.class).one());
            assertThat(salesRows).isEqualTo(saleIds.size());
            String before = LedgerTest.dump(reopened.ledger);
            reopened.ledger.rebuildProjections();
            assertThat(LedgerTest.dump(reopened.ledger)).as("projections equal a fold over the log").isEqualTo(before);
        }
    }

    private static List<EventEnvelope> localEvents(TestTill till) {
        EventCodec codec = till.codec;
        return till.ledger.read(s -> s.handle().createQuery("SELECT envelope FROM ledger_events ORDER BY till_epoch, till_seq")
                .map((rs, ctx) -> codec.fromJson(rs.getString(1))).list());
    }

}
