package io.chainpos.till.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.stock.Stocktakes;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real tills of one store and a real server with the demo catalog (S001 opens with 200 of every product): a
 * stocktake counted and approved at one till while the server is down reaches the server once when the till is back
 * online (a second sync adds nothing), and the store's other till by its pull; the tills and the server agree on the
 * stock and the stocktake.
 */
class StocktakeEndToEndTest {
    private static final String COLA = "100001";
    private static final String BREAD = "100002";

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill one;
    SyncedTill two;

    @BeforeEach
    void start() throws IOException {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        one = SyncedTill.enroll(dir.resolve("one.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        two = SyncedTill.enroll(dir.resolve("two.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T2"));
        one.sync();
        two.sync();
        one.till.withStaff();
    }

    @AfterEach
    void stop() {
        one.close();
        two.close();
        server.close();
    }

    @Test
    void aStocktakeApprovedOfflineReachesTheServerOnceAndTheStoresOtherTill() throws IOException {
        assertThat(one.stock(COLA)).isEqualTo(200_000);
        server.stop();
        Stocktaking stocktaking = one.till.stockDesk.stocktaking();
        stocktaking.start(StocktakeScope.Kind.CATEGORY, "DRINKS", "c1");
        stocktaking.count(COLA, "150", "c1");
        stocktaking.count(COLA, "45", "c1");
        Stocktaking.Approved approved = (Stocktaking.Approved) stocktaking.approve(TestTill.MANAGER_PIN, false);
        assertThat(one.stock(COLA)).isEqualTo(195_000);
        assertThatThrownBy(one::sync).isInstanceOf(IOException.class);
        server.restart();

        one.sync();
        one.sync();
        two.sync();

        List<Stocktakes.Stocktake> onServer = server.ports().stocktakes().approved(Optional.of("S001"), 10);
        assertThat(onServer).singleElement().satisfies(s -> {
            assertThat(s.stocktakeNo()).isEqualTo(approved.stocktake().stocktakeNo());
            assertThat(s.scopeKind()).isEqualTo("CATEGORY");
            assertThat(s.scopeLabel()).isEqualTo("DRINKS");
            assertThat(s.countedBy()).isEqualTo("c1");
            assertThat(s.approvedBy()).isEqualTo("manager");
            assertThat(s.approverName()).isEqualTo("王经理");
            assertThat(s.lines()).containsExactly(new Stocktakes.Stocktake.Line(COLA, 195_000, 200_000, -5_000));
        });
        assertThat(serverStock(COLA)).isEqualTo(195_000).isEqualTo(one.stock(COLA)).isEqualTo(two.stock(COLA));
        assertThat(serverStock(BREAD)).isEqualTo(200_000).isEqualTo(two.stock(BREAD));
        int seenAtTwo = two.till.ledger.read(s -> s.handle().createQuery(
                "SELECT COUNT(*) FROM stocktake_lines WHERE stocktake_no = :no AND difference_milli = -5000")
                .bind("no", approved.stocktake().stocktakeNo()).mapTo(Integer.class).one());
        assertThat(seenAtTwo).as("the store's other till keeps the stocktake it pulled").isEqualTo(1);
    }

    private long serverStock(String sku) {
        return server.ports().stock().stock(StoreId.of("S001"), Sku.of(sku)).qtyMilli();
    }
}
