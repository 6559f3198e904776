package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TillWriter;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two stores' last four weeks, as their tills push them, with head office's minimums. By hand, the day before the
 * test server's today (2026-11-23 in Shanghai), so inside a 28-day lookback:
 * <ul>
 *   <li>S001 received 30 colas and 10 breads, sold 14 colas and 7 breads, sent 2 breads to S002 (still on the road):
 *       on hand 16 colas, 1 bread.</li>
 *   <li>S002 received 40 colas and 40 breads and sold 30 colas: on hand 10 colas, 40 breads, 2 breads on their way.</li>
 *   <li>Minimums: S001 cola 20, S001 bread 6, S002 cola 10.</li>
 * </ul>
 */
final class PlanningFixture {
    static final Sku COLA = Sku.of("100001");
    static final Sku BREAD = Sku.of("100002");
    static final StoreId S001 = StoreId.of("S001");
    static final StoreId S002 = StoreId.of("S002");
    static final Instant YESTERDAY = Instant.parse("2026-11-22T04:00:00Z");

    private PlanningFixture() {
    }

    /** The two stores' tills as the fixture left them, to push more. */
    record Tills(TestServer.EnrolledTill a, TillWriter atA, TestServer.EnrolledTill b, TillWriter atB) {
        void pushA(List<? extends Event> events) {
            assertThat(a.api().post("/api/v1/sync/push", body(atA, events)).status()).isEqualTo(200);
        }

        void pushB(List<? extends Event> events) {
            assertThat(b.api().post("/api/v1/sync/push", body(atB, events)).status()).isEqualTo(200);
        }
    }

    static Tills push(BackOffice office) {
        TestServer server = office.server();
        TestServer.EnrolledTill a = server.enroll("S001", "S001-T1");
        TestServer.EnrolledTill b = server.enroll("S002", "S002-T1");
        ManualClock then = new ManualClock(YESTERDAY);
        TillWriter atA = new TillWriter("S001", "S001-T1", a.writer().epoch, then);
        TillWriter atB = new TillWriter("S002", "S002-T1", b.writer().epoch, then);
        List<Event> first = new ArrayList<>(List.of(
                new StockChanged(S001, COLA, 30_000, StockChanged.Reason.RECEIPT, "G1"),
                new StockChanged(S001, BREAD, 10_000, StockChanged.Reason.RECEIPT, "G1")));
        first.addAll(sale(S001, 1, COLA, 14_000));
        first.addAll(sale(S001, 2, BREAD, 7_000));
        first.add(new TransferSent(new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000b0001")), "S001-T1-1-T000001", S001,
                S002, List.of(new StockLine(BREAD, 2_000, null)), "c1"));
        first.add(new StockChanged(S001, BREAD, -2_000, StockChanged.Reason.TRANSFER_OUT, "S001-T1-1-T000001"));
        assertThat(a.api().post("/api/v1/sync/push", body(atA, first)).status()).isEqualTo(200);
        List<Event> second = new ArrayList<>(List.of(
                new StockChanged(S002, COLA, 40_000, StockChanged.Reason.RECEIPT, "G2"),
                new StockChanged(S002, BREAD, 40_000, StockChanged.Reason.RECEIPT, "G2")));
        second.addAll(sale(S002, 3, COLA, 30_000));
        assertThat(b.api().post("/api/v1/sync/push", body(atB, second)).status()).isEqualTo(200);

        PageClient admin = office.http();
        assertThat(admin.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();
        admin.get("/stock/minimums");
        PageClient.Page set = admin.post("/stock/minimums/bulk", Map.of("_csrf", admin.csrfToken(), "_once", admin.formToken(),
                "rows", "S001,100001,20\nS001,100002,6\nS002,100001,10"));
        assertThat(set.status()).as(set.body()).isEqualTo(303);
        return new Tills(a, atA, b, atB);
    }

    private static List<Event> sale(StoreId store, int n, Sku sku, long qtyMilli) {
        long total = qtyMilli / 1000 * 300;
        return List.of(new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-8000-0000000c000" + n)), ReceiptNo.of("R" + n),
                        null, "CNY", List.of(new SaleLine(sku, sku.value(), qtyMilli, 300, 0, total, List.of())), List.of(), total, 0, total,
                        List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "c1"),
                new StockChanged(store, sku, -qtyMilli, StockChanged.Reason.SALE, "R" + n));
    }

    private static String body(TillWriter writer, List<? extends Event> events) {
        return io.chainpos.server.testing.Json.push(writer, writer.next(events));
    }
}
