package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.server.testing.TestServer;
import java.util.List;
import java.util.UUID;

/**
 * A small week of stock documents pushed by two stores' tills, as the tills record them (each document with its
 * stock movements). By hand: S001 receives 30 colas and 10 breads (2 more breads crushed); sends 12 colas and 4 breads
 * to S002 (T000001) and 5 colas to S003 (T000002); S002 receives T000001 one cola short. So S001 has 13 colas and
 * 6 breads, S002 11 colas and 4 breads; the chain 24 colas (5 more in transit to S003) and 10 breads.
 */
final class StockDocuments {
    static final Sku COLA = Sku.of("100001");
    static final Sku BREAD = Sku.of("100002");
    static final StoreId S001 = StoreId.of("S001");
    static final StoreId S002 = StoreId.of("S002");
    static final StoreId S003 = StoreId.of("S003");
    static final TransferId FIRST = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000a0001"));
    static final TransferId SECOND = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000a0002"));

    private StockDocuments() {
    }

    static void push(TestServer server) {
        TestServer.EnrolledTill a = server.enroll("S001", "S001-T1");
        TestServer.EnrolledTill b = server.enroll("S002", "S002-T1");
        List<StockLine> first = List.of(new StockLine(COLA, 12_000, null), new StockLine(BREAD, 4_000, null));
        assertThat(a.push(a.writer().next(List.of(
                new StockReceived("S001-T1-1-G000001", S001, "康师傅", "DN-7", List.of(new StockLine(COLA, 30_000, 210L),
                        new StockLine(BREAD, 10_000, null)), List.of(new Discrepancy(BREAD, 2_000, Discrepancy.Reason.DAMAGED, null)),
                        "c1"),
                new StockChanged(S001, COLA, 30_000, StockChanged.Reason.RECEIPT, "S001-T1-1-G000001"),
                new StockChanged(S001, BREAD, 10_000, StockChanged.Reason.RECEIPT, "S001-T1-1-G000001"),
                new TransferSent(FIRST, "S001-T1-1-T000001", S001, S002, first, "c1"),
                new StockChanged(S001, COLA, -12_000, StockChanged.Reason.TRANSFER_OUT, "S001-T1-1-T000001"),
                new StockChanged(S001, BREAD, -4_000, StockChanged.Reason.TRANSFER_OUT, "S001-T1-1-T000001"),
                new TransferSent(SECOND, "S001-T1-1-T000002", S001, S003, List.of(new StockLine(COLA, 5_000, null)), "c1"),
                new StockChanged(S001, COLA, -5_000, StockChanged.Reason.TRANSFER_OUT, "S001-T1-1-T000002")))).status())
                .isEqualTo(200);
        assertThat(b.push(b.writer().next(List.of(
                new TransferReceived(FIRST, "S001-T1-1-T000001", S001, S002,
                        List.of(new StockLine(COLA, 11_000, null), new StockLine(BREAD, 4_000, null)),
                        List.of(new Discrepancy(COLA, 1_000, Discrepancy.Reason.SHORT, null)), "c7"),
                new StockChanged(S002, COLA, 11_000, StockChanged.Reason.TRANSFER_IN, "S001-T1-1-T000001"),
                new StockChanged(S002, BREAD, 4_000, StockChanged.Reason.TRANSFER_IN, "S001-T1-1-T000001")))).status())
                .isEqualTo(200);
    }
}
