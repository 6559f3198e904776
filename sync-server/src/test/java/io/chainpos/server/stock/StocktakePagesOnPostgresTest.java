package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stocktake read model and page on PostgreSQL, as {@link StocktakePagesBrowserTest}'s on SQLite; and on both, a
 * rebuild from the log gives the same stocktakes and stock as ingest built.
 */
class StocktakePagesOnPostgresTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Test
    void stocktakesAsOnSqliteAndTheSameAfterARebuild() {
        sameAfterARebuild(office);
    }

    /** Pushes {@link StocktakeDocuments}, reads the page and the read model, rebuilds, and reads them again. */
    static void sameAfterARebuild(BackOffice office) {
        TestServer server = office.server();
        StocktakeDocuments.push(server);
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();
        String page = client.get("/stock/stocktakes").body();
        assertThat(page.replaceAll("\\s+", " "))
                .contains("<tr id=\"line-S001-T1-1-K000001-100001\"><td>100001</td><td>27</td><td>28</td><td>-1</td></tr>")
                .contains("stocktake-S002-T1-1-K000001");
        List<Stocktakes.Stocktake> incremental = server.ports.stocktakes().approved(Optional.empty(), 10);
        long cola = server.ports.stock().stock(StocktakeDocuments.S001, StocktakeDocuments.COLA).qtyMilli();

        server.ports.log().rebuildProjections();

        assertThat(server.ports.stocktakes().approved(Optional.empty(), 10)).isEqualTo(incremental).hasSize(2);
        assertThat(server.ports.stock().stock(StocktakeDocuments.S001, StocktakeDocuments.COLA).qtyMilli()).isEqualTo(cola).isEqualTo(27_000);
        assertThat(client.get("/stock/stocktakes").body()).isEqualTo(page);
    }
}
