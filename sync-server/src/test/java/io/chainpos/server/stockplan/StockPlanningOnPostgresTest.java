package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The planning tables (V220) and pages on PostgreSQL: {@link PlanningFixture}'s figures as on SQLite. */
class StockPlanningOnPostgresTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Test
    void minimumsLowStockOrdersAndAProposalAsOnSqlite() {
        PlanningFixture.push(office);
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();

        assertThat(client.get("/stock/low").body()).contains("2 products below their minimum", "low-S001-100001", "low-S001-100002");
        client.get("/stock/orders?lead=10&safety=4");
        PageClient.Page csv = client.post("/stock/orders.csv", Map.of("_csrf", client.csrfToken(), "lead", "10", "safety", "4"));
        assertThat(csv.body().lines().toList()).containsExactly(
                "\uFEFFStore,SKU,On hand,On its way,Minimum,Sold,Suggested,Order",
                "S001,100001,16,0,20,14,4,4",
                "S001,100002,1,0,6,7,5,5",
                "S002,100001,10,0,10,30,5,5");

        client.get("/stock/proposals");
        PageClient.Page proposed = client.post("/stock/proposals", Map.of("_csrf", client.csrfToken(), "_once", client.formToken(),
                "from", "S002", "to", "S001", "sku", "100002", "qty", "5"));
        assertThat(proposed.status()).isEqualTo(303);
        assertThat(client.get("/stock/proposals").body().replaceAll("\\s+", " "))
                .contains("<tr id=\"proposal-P000001\"><td>P000001</td><td>S002</td><td>S001</td> <td class=\"status\">Proposed</td>");
    }
}
