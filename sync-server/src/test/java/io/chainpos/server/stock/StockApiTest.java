package io.chainpos.server.stock;

import static io.chainpos.server.testing.Facts.stock;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.StockPage;
import io.chainpos.model.sync.StockView;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/stock?storeId=} without a SKU: one store's stock, paged by SKU. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockApiTest {
    /** On a SQLite file here; {@code StockApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    TestServer server;
    EnrolledTill a1;
    EnrolledTill b1;
    Api headOffice;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = startServer(folder);
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
        headOffice = server.headOffice();
        List<Event> moves = new ArrayList<>();
        for (int n = 5; n >= 1; n--) { // booked in out of SKU order: the listing sorts
            moves.add(stock("S001", "SKU-" + n, n * 1_000L, StockChanged.Reason.RECEIPT));
        }
        moves.add(stock("S001", "SKU-3", -500, StockChanged.Reason.SALE));
        a1.push(a1.writer().next(moves));
        b1.push(b1.writer().next(List.of(stock("S002", "SKU-9", 7_000, StockChanged.Reason.RECEIPT))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static StockPage pageOf(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.CODEC.read(reply.body(), StockPage.class);
    }

    @Test
    void headOfficePagesThroughAStoresStockBySku() {
        StockPage first = pageOf(headOffice.get("/api/v1/stock?storeId=S001&limit=2"));
        StockPage second = pageOf(headOffice.get("/api/v1/stock?storeId=S001&limit=2&after=" + first.next()));
        StockPage last = pageOf(headOffice.get("/api/v1/stock?storeId=S001&limit=2&after=" + second.next()));

        assertThat(first.items()).containsExactly(new StockView("S001", "SKU-1", 1_000), new StockView("S001", "SKU-2", 2_000));
        assertThat(first.next()).isEqualTo("SKU-2");
        assertThat(second.items()).containsExactly(new StockView("S001", "SKU-3", 2_500), new StockView("S001", "SKU-4", 4_000));
        assertThat(last.items()).containsExactly(new StockView("S001", "SKU-5", 5_000));
        assertThat(last.next()).isNull();
    }

    @Test
    void aTillListsItsOwnStoreOnly() {
        assertThat(pageOf(a1.api().get("/api/v1/stock?storeId=S001")).items()).extracting(StockView::sku)
                .containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
        assertThat(pageOf(b1.api().get("/api/v1/stock?storeId=S002")).items())
                .containsExactly(new StockView("S002", "SKU-9", 7_000));

        assertThat(a1.api().get("/api/v1/stock?storeId=S002").status()).isEqualTo(403);
        assertThat(server.signedIn(Role.CASHIER).get("/api/v1/stock?storeId=S001").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/v1/stock?storeId=S001").status()).isEqualTo(401);
    }

    @Test
    void aStoreWithNoStockListsNothing() {
        StockPage page = pageOf(headOffice.get("/api/v1/stock?storeId=S003"));

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void badPagingIsRefused() {
        assertThat(headOffice.get("/api/v1/stock?storeId=S001&limit=0").status()).isEqualTo(400);
        assertThat(headOffice.get("/api/v1/stock?storeId=S001&limit=x").status()).isEqualTo(400);
        assertThat(headOffice.get("/api/v1/stock?limit=5").status()).isEqualTo(400);
    }
}
