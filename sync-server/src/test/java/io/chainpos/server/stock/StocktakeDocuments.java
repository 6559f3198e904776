package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.testing.TestServer;
import java.time.Instant;
import java.util.List;

/**
 * Two stores' stocktakes, pushed as their tills record them (goods in first, then each stocktake with its approval and
 * its STOCKTAKE movements). By hand: S001 receives 30 colas and 10 breads, counts its drinks shelf and finds 27 colas
 * (on hand 28 when counted: 2 sold before, none after matter), approved by 王经理; S002 receives 8 breads and counts the
 * whole store, 8 breads, booking nothing. So S001 has 27 colas, S002 8 breads.
 */
final class StocktakeDocuments {
    static final Sku COLA = Sku.of("100001");
    static final Sku BREAD = Sku.of("100002");
    static final StoreId S001 = StoreId.of("S001");
    static final StoreId S002 = StoreId.of("S002");

    private StocktakeDocuments() {
    }

    static void push(TestServer server) {
        TestServer.EnrolledTill a = server.enroll("S001", "S001-T1");
        TestServer.EnrolledTill b = server.enroll("S002", "S002-T1");
        assertThat(a.push(a.writer().next(List.of(
                new StockReceived("S001-T1-1-G000001", S001, null, null,
                        List.of(new StockLine(COLA, 30_000, null), new StockLine(BREAD, 10_000, null)), List.of(), "c1"),
                new StockChanged(S001, COLA, 30_000, StockChanged.Reason.RECEIPT, "S001-T1-1-G000001"),
                new StockChanged(S001, BREAD, 10_000, StockChanged.Reason.RECEIPT, "S001-T1-1-G000001"),
                new StockChanged(S001, COLA, -2_000, StockChanged.Reason.SALE, null),
                new ManagerApproved("STOCKTAKE", "manager", "c1", "S001-T1-1-K000001", "stocktake of 1 products"),
                new StocktakeCompleted("S001-T1-1-K000001", S001, new StocktakeScope(StocktakeScope.Kind.SHELF, "A-03 饮料"),
                        Instant.parse("2026-11-23T02:00:00Z"), List.of(StocktakeLine.of(COLA, 27_000, 28_000)), false, "c1",
                        "manager", "王经理"),
                new StockChanged(S001, COLA, -1_000, StockChanged.Reason.STOCKTAKE, "S001-T1-1-K000001")))).status())
                .isEqualTo(200);
        assertThat(b.push(b.writer().next(List.of(
                new StockChanged(S002, BREAD, 8_000, StockChanged.Reason.RECEIPT, "S002-T1-1-G000001"),
                new ManagerApproved("STOCKTAKE", "m2", "c7", "S002-T1-1-K000001", "stocktake of 1 products"),
                new StocktakeCompleted("S002-T1-1-K000001", S002, StocktakeScope.wholeStore(), Instant.parse("2026-11-23T02:10:00Z"),
                        List.of(StocktakeLine.of(BREAD, 8_000, 8_000)), true, "c7", "m2", "李店长")))).status())
                .isEqualTo(200);
    }
}
