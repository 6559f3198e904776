package io.chainpos.till.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.stock.StockBook;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real tills of two stores and a real server with the demo catalog (S001 opens with 200 of every product, S002
 * with nothing): store A ships a transfer while the server is down; once A syncs, head office sees it in transit;
 * store B receives it one cola short; both tills and the server then agree on each store's stock, the chain's
 * total, the transfer and its discrepancy.
 */
class TransferEndToEndTest {
    private static final String COLA = "100001";
    private static final String BREAD = "100002";

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill a;
    SyncedTill b;

    @BeforeEach
    void start() throws IOException {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        a = SyncedTill.enroll(dir.resolve("a.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        b = SyncedTill.enroll(dir.resolve("b.db"), clock, server::uri, server.enrollmentCode("S002", "S002-T1"));
        a.sync();
        b.sync();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
    }

    @Test
    void aTransferShippedOfflineIsSeenInTransitThenReceivedShortAndEveryoneAgrees() throws IOException {
        assertThat(a.stock(COLA)).isEqualTo(200_000);
        assertThat(b.stock(COLA)).isZero();

        // A ships while the server is down.
        server.stop();
        SendTransfer.Sent sent = (SendTransfer.Sent) a.till.stockDesk.sendTransfer().send("S002",
                List.of(StockEntry.of(COLA, "12"), StockEntry.of(BREAD, "4")), "c1");
        assertThat(a.stock(COLA)).isEqualTo(188_000);
        assertThatThrownBy(a::sync).isInstanceOf(IOException.class);
        server.restart();
        assertThat(serverTransfers("IN_TRANSIT")).isEmpty();

        a.sync();
        assertThat(serverTransfers("IN_TRANSIT")).singleElement().satisfies(t -> {
            assertThat(t.transferNo()).isEqualTo("S001-T1-1-T000001");
            assertThat(t.fromStore()).isEqualTo("S001");
            assertThat(t.toStore()).isEqualTo("S002");
            assertThat(t.lines()).containsExactly(new StockBook.Transfer.Line(COLA, 12_000, null),
                    new StockBook.Transfer.Line(BREAD, 4_000, null));
        });
        assertThat(serverStock("S001", COLA)).isEqualTo(188_000);

        // B learns of it by its pull and receives it by the slip, one cola short.
        b.sync();
        long incoming = b.till.ledger.read(s -> b.till.stockDesk.transfers().incomingMilli(s, StoreId.of("S002"), Sku.of(COLA)));
        assertThat(incoming).isEqualTo(12_000);
        ReceiveTransfer.Result received = b.till.stockDesk.receiveTransfer().receive(sent.slipCode(),
                List.of(StockEntry.of(COLA, "11")), "c7");
        assertThat(received).isInstanceOf(ReceiveTransfer.Received.class);
        assertThat(b.till.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c7")).isEqualTo(new ReceiveTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_ALREADY_RECEIVED, "S001-T1-1-T000001")));
        b.sync();
        a.sync();

        // Each store's stock, on its till and on the server.
        assertThat(a.stock(COLA)).isEqualTo(188_000).isEqualTo(serverStock("S001", COLA));
        assertThat(a.stock(BREAD)).isEqualTo(196_000).isEqualTo(serverStock("S001", BREAD));
        assertThat(b.stock(COLA)).isEqualTo(11_000).isEqualTo(serverStock("S002", COLA));
        assertThat(b.stock(BREAD)).isEqualTo(4_000).isEqualTo(serverStock("S002", BREAD));
        // The chain: 200 colas less the one lost on the road, 200 breads; nothing in transit any more.
        Map<String, Long> chain = server.ports().stockBook().levels(Optional.empty(), "", 1_000).stream()
                .collect(Collectors.groupingBy(StockBook.Level::sku, Collectors.summingLong(StockBook.Level::qtyMilli)));
        assertThat(chain).containsEntry(COLA, 199_000L).containsEntry(BREAD, 200_000L);
        assertThat(serverTransfers("IN_TRANSIT")).isEmpty();
        assertThat(serverTransfers("RECEIVED")).singleElement().satisfies(t -> assertThat(t.lines()).containsExactly(
                new StockBook.Transfer.Line(COLA, 12_000, 11_000L), new StockBook.Transfer.Line(BREAD, 4_000, 4_000L)));
        // The discrepancy, on both tills and on the server.
        Discrepancy shortOne = new Discrepancy(Sku.of(COLA), 1_000, Discrepancy.Reason.SHORT, null);
        for (SyncedTill till : List.of(a, b)) {
            Transfer seen = till.till.ledger.read(s -> till.till.stockDesk.transfers().byNumber(s, "S001-T1-1-T000001")).orElseThrow();
            assertThat(seen.status()).isEqualTo(Transfer.Status.RECEIVED);
            assertThat(seen.discrepancies()).containsExactly(shortOne);
        }
        long outgoing = a.till.ledger.read(s -> a.till.stockDesk.transfers().outgoingMilli(s, StoreId.of("S001"), Sku.of(COLA)));
        assertThat(outgoing).isZero();
        assertThat(server.ports().stockBook().discrepancies(Optional.empty(), 10)).singleElement().satisfies(d -> {
            assertThat(d.documentNo()).isEqualTo("S001-T1-1-T000001");
            assertThat(d.storeId()).isEqualTo("S002");
            assertThat(d.sku()).isEqualTo(COLA);
            assertThat(d.reason()).isEqualTo("SHORT");
            assertThat(d.qtyMilli()).isEqualTo(1_000);
        });
    }

    /**
     * Two tills of the receiving store confirm the same slip before either has pulled the other's receipt, and the
     * one that confirmed first syncs last: the earlier receipt counts, the later till takes its goods back once it
     * learns of it, and the goods are in once on both tills and the server; head office still sees the conflict.
     */
    @Test
    void aTransferReceivedAtTwoTillsAtOnceIsCountedInOnce() throws IOException {
        SyncedTill b2 = SyncedTill.enroll(dir.resolve("b2.db"), clock, server::uri, server.enrollmentCode("S002", "S002-T2"));
        try {
            SendTransfer.Sent sent = (SendTransfer.Sent) a.till.stockDesk.sendTransfer().send("S002",
                    List.of(StockEntry.of(COLA, "12")), "c1");
            a.sync();
            b.sync();
            b2.sync();

            clock.set(Instant.parse("2026-12-04T03:00:00Z"));
            assertThat(b.till.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(StockEntry.of(COLA, "11")), "c7"))
                    .isInstanceOf(ReceiveTransfer.Received.class);
            clock.set(Instant.parse("2026-12-04T03:01:00Z"));
            assertThat(b2.till.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c8"))
                    .isInstanceOf(ReceiveTransfer.Received.class);
            assertThat(b.stock(COLA)).isEqualTo(11_000);
            assertThat(b2.stock(COLA)).isEqualTo(12_000);

            b2.sync(); // the later receipt reaches the server first
            assertThat(serverStock("S002", COLA)).isEqualTo(12_000);
            b.sync();
            b2.sync(); // learns of the earlier receipt and takes its own back
            b2.sync();
            b.sync();

            assertThat(b.stock(COLA)).isEqualTo(11_000);
            assertThat(b2.stock(COLA)).isEqualTo(11_000);
            assertThat(serverStock("S002", COLA)).isEqualTo(11_000);
            assertThat(server.ports().exceptions().exceptions(10)).extracting(e -> e.kind().name()).contains("TRANSFER_CONFLICT");

            b2.sync();
            b.sync();
            assertThat(serverStock("S002", COLA)).as("taken back once, however often they sync").isEqualTo(11_000);
            assertThat(b2.stock(COLA)).isEqualTo(11_000);
        } finally {
            b2.close();
        }
    }

    private List<StockBook.Transfer> serverTransfers(String status) {
        return server.ports().stockBook().transfers(status, Optional.empty(), 10);
    }

    private long serverStock(String store, String sku) {
        return server.ports().stock().stock(StoreId.of(store), Sku.of(sku)).qtyMilli();
    }
}
