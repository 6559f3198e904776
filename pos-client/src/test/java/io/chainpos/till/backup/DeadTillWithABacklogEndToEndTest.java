package io.chainpos.till.backup;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sale.Refunds;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.PageClient;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's proof: a till sells 200 sales with the server out of reach; when the network comes back it has pushed
 * part of its backlog when its disk dies. A replacement enrolls and refunds, by receipt number, sales that reached the
 * server; nothing that reached the server is lost; head office's tills page lists, by number, the receipts that never
 * left the dead PC. Against a real server on a SQLite file; the PC dying is the one fault made up here.
 */
class DeadTillWithABacklogEndToEndTest {
    static final String COLA = "100001";
    static final String PASSWORD = "head office replaces tills";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T01:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill dead;
    SyncedTill replacement;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {dead, replacement, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void theSalesThatNeverLeftADeadTillAreListedByNumberAndThoseThatDidAreRefundedOnItsReplacement() throws Exception {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        server.createUser("it.admin", Role.HQ_ADMIN, null, PASSWORD);
        Path deadFolder = dir.resolve("dead-pc");
        AtomicInteger pushesLeft = new AtomicInteger(Integer.MAX_VALUE);
        Interceptor diesMidBacklog = chain -> {
            if (chain.request().url().encodedPath().endsWith("/sync/push") && pushesLeft.getAndDecrement() <= 0) {
                throw new IOException("the PC's disk died");
            }
            return chain.proceed(chain.request());
        };
        SyncAgent.Settings batchesOf100 = new SyncAgent.Settings(100, 500, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5));
        dead = SyncedTill.enroll(deadFolder.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"),
                batchesOf100, diesMidBacklog);
        dead.sync();

        // A day's trade with the network down: 200 walk-in sales of one cola each.
        assertThat(dead.till.shifts.open("cashier", 50_000)).isInstanceOf(io.chainpos.till.shift.Shifts.Opened.class);
        for (int sale = 1; sale <= 200; sale++) {
            clock.advance(Duration.ofSeconds(30));
            Checkout.Completed done = dead.sell(null, COLA, 1000, cash(500));
            assertThat(done.sale().receiptNo().value()).isEqualTo("S001-T1-1-%06d".formatted(sale));
        }

        // The network is back: three pushes of 100 events go through, then the disk dies.
        pushesLeft.set(3);
        assertThatThrownBy(dead::sync).isInstanceOf(IOException.class);
        Path ledger = deadFolder.resolve("till.db");
        long acked = number(ledger, "SELECT acked_through FROM sync_acks WHERE till_epoch = 1");
        long held = number(ledger, "SELECT MAX(till_seq) FROM ledger_events WHERE till_epoch = 1");
        long reached = number(ledger, "SELECT COUNT(*) FROM ledger_events WHERE till_epoch = 1 AND type = 'SaleCompleted' "
                + "AND till_seq <= " + acked);
        assertThat(reached).as("part of the backlog reached the server").isBetween(1L, 199L);
        // A push of 100 events may end between a sale and its stock change: the server holds the stock changes it got.
        long stockChangesReached = number(ledger, "SELECT COUNT(*) FROM ledger_events WHERE till_epoch = 1 AND type = 'StockChanged' "
                + "AND till_seq <= " + acked);
        assertThat(stockChangesReached).isBetween(reached - 1, reached);
        dead.close();
        dead = null;
        try (Stream<Path> files = Files.walk(deadFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        // Head office's tills page lists what never arrived, by number.
        PageClient pages = PageClient.on(server.uri());
        assertThat(pages.signIn("it.admin", PASSWORD)).isTrue();
        String tills = pages.get("/stores/S001/tills").body();
        assertThat(tills).contains("Epoch 1: events #%d-#%d not received, receipts S001-T1-1-%06d to S001-T1-1-000200 (%d)"
                .formatted(acked + 1, held, reached + 1, 200 - reached));

        // The replacement refunds the first and the last sale that reached the server, by their numbers.
        String code = ReplaceDeadTillEndToEndTest.revokeAndReplaceInTheBackOffice(server, "S001", "S001-T1");
        replacement = SyncedTill.enroll(dir.resolve("new-pc").resolve("till.db"), clock, server::uri, code);
        replacement.sync();
        for (long receipt : List.of(1L, reached)) {
            RefundSale.Result refund = replacement.till.refunds.refund("S001-T1-1-%06d".formatted(receipt),
                    List.of(new Refunds.Request(Sku.of(COLA), 1000)), "cashier");
            assertThat(refund).as("receipt " + receipt).isInstanceOf(RefundSale.Refunded.class);
        }
        RefundSale.Result lost = replacement.till.refunds.refund("S001-T1-1-%06d".formatted(reached + 1),
                List.of(new Refunds.Request(Sku.of(COLA), 1000)), "cashier");
        assertThat(lost).as("a sale that never reached the server").isNotInstanceOf(RefundSale.Refunded.class);
        replacement.sync();

        // Nothing that reached the server was lost: its stock is the demo's 200 less the sales' stock changes that
        // reached it, plus the two back.
        assertThat(server.ports().stock().stock(StoreId.of("S001"), Sku.of(COLA)).qtyMilli())
                .isEqualTo(200_000 - stockChangesReached * 1000 + 2000).isEqualTo(replacement.stock(COLA));
        assertThat(pages.get("/stores/S001/tills").body()).as("still listed after the replacement's sync")
                .contains("receipts S001-T1-1-%06d to S001-T1-1-000200".formatted(reached + 1));
    }

    private static long number(Path ledger, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
