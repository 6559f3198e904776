package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stock read models and pages on PostgreSQL: the same figures as {@link StockPagesBrowserTest}'s on SQLite. */
class StockPagesOnPostgresTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Test
    void stockTransfersAndDiscrepanciesAsOnSqlite() {
        StockDocuments.push(office.server());
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();

        String stock = client.get("/stock").body();
        assertThat(stock.replaceAll("\\s+", " "))
                .contains("<tr id=\"stock-100001\"><th scope=\"row\">100001</th> <td>13</td><td>11</td> <td class=\"total\">24</td><td class=\"in-transit\">5</td></tr>")
                .contains("<tr id=\"stock-100002\"><th scope=\"row\">100002</th> <td>6</td><td>4</td> <td class=\"total\">10</td><td class=\"in-transit\">0</td></tr>");
        assertThat(client.get("/stock/transfers").body()).contains("transfer-S001-T1-1-T000002").doesNotContain("transfer-S001-T1-1-T000001");
        assertThat(client.get("/stock/transfers?status=RECEIVED").body()).contains("100001 × 12 (11)", "100002 × 4 (4)");
        assertThat(client.get("/stock/discrepancies").body())
                .contains("discrepancy-S001-T1-1-T000001-100001-SHORT", "discrepancy-S001-T1-1-G000001-100002-DAMAGED");
    }
}
