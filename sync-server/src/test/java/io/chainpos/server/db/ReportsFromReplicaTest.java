package io.chainpos.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.LogicalReplica;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.PageClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Head office's reports read from a real logical replica of the primary (two embedded PostgreSQL servers), the
 * till's push and head office's forms write to the primary, and a stopped replica leaves the reports answering
 * from the primary. A row put on the replica alone shows which database a page read.
 */
class ReportsFromReplicaTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String REPLICA_ONLY = "REPLICA-ONLY";

    private LogicalReplica databases;
    private TestServer server;
    private PageClient office;

    @BeforeEach
    void start() {
        databases = LogicalReplica.start();
        server = TestServer.withReadReplica(databases.primaryUrl(), databases.replicaUrl(), TestServer.settings(false));
        databases.subscribe();
        assertThat(server.main.users(server.storage).create("hq", Role.HQ_ADMIN, null, PASSWORD)).isInstanceOf(Users.Created.Done.class);
        office = PageClient.on(server.uri());
        assertThat(office.signIn("hq", PASSWORD)).isTrue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void aSalePushedToThePrimaryShowsInTheReportOnceTheReplicaHasAppliedIt() {
        databases.onReplica("INSERT INTO sales_stores (store_id, docs, last_ms) VALUES ('" + REPLICA_ONLY + "', 1, 0)");
        databases.applying(false);
        TestServer.EnrolledTill till = server.enroll("S777", "S777-T1");

        assertThat(till.push(List.of(till.writer().next(Facts.sale("S777-R000001", "100001", 1500)))).status()).isEqualTo(200);

        server.ports.projector().catchUp(); // the primary's read models follow the push
        assertThat(databases.primaryLong("SELECT COUNT(*) FROM sales_stores WHERE store_id = 'S777'")).isOne();
        PageClient.Page stale = office.get("/stores/S777/sales");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).doesNotContain("S777-R000001");
        long behind = databases.primaryLong("SELECT last_seq FROM log_head") - databases.replicaLong("SELECT projected_seq FROM projector_head");
        assertThat(behind).isPositive();
        assertThat(footer(stale)).contains(behind + " events behind the primary");
        assertThat(office.get("/metrics").body()).containsPattern("chainpos_read_replica_lag_events\\{[^}]*} " + behind + "\\.0");

        databases.applying(true);
        databases.awaitCaughtUp();

        PageClient.Page fresh = office.get("/stores/S777/sales");
        assertThat(fresh.body()).contains("S777-R000001");
        assertThat(footer(fresh)).contains("up to date with the primary");
        assertThat(office.get("/sales").body()).contains(REPLICA_ONLY).contains("S777");
        assertThat(office.get("/metrics").body()).containsPattern("chainpos_report_reads_total\\{[^}]*source=\"replica\"[^}]*} [1-9]");
    }

    @Test
    void theReplicasConnectionsRefuseWrites() {
        assertThatThrownBy(() -> server.storage.reports().read(h -> h.execute(
                "INSERT INTO sales_stores (store_id, docs, last_ms) VALUES ('S1', 1, 0)")))
                .hasStackTraceContaining("read-only transaction");
        assertThatThrownBy(() -> server.storage.reports().readConsistent(h -> h.execute("DELETE FROM stores")))
                .hasStackTraceContaining("read-only transaction");
    }

    @Test
    void aFormWritesThePrimaryAndShowsWhatItSavedWhileTheReplicaLags() {
        databases.applying(false);

        office.get("/stores/new");
        PageClient.Page saved = office.post("/stores", Map.of("_csrf", office.csrfToken(), "_once", office.formToken(),
                "id", "S901", "name", "Kashgar Old Town", "address", "", "zone", "Asia/Urumqi"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(databases.primaryLong("SELECT COUNT(*) FROM stores WHERE store_id = 'S901'")).isOne();
        assertThat(databases.replicaLong("SELECT COUNT(*) FROM stores WHERE store_id = 'S901'")).isZero();
        assertThat(office.get("/stores/S901").body()).contains("Kashgar Old Town");
    }

    @Test
    void withTheReplicaStoppedReportsAnswerFromThePrimary() {
        TestServer.EnrolledTill till = server.enroll("S777", "S777-T1");
        assertThat(till.push(List.of(till.writer().next(Facts.sale("S777-R000001", "100001", 1500)))).status()).isEqualTo(200);
        databases.awaitCaughtUp();
        databases.onReplica("INSERT INTO sales_stores (store_id, docs, last_ms) VALUES ('" + REPLICA_ONLY + "', 1, 0)");
        assertThat(office.get("/sales").body()).contains(REPLICA_ONLY);

        databases.stopReplica();

        PageClient.Page sales = office.get("/sales");
        assertThat(sales.status()).isEqualTo(200);
        assertThat(sales.body()).contains("S777").doesNotContain(REPLICA_ONLY);
        assertThat(footer(sales)).contains("Reports read from the primary database");
        PageClient.Page receipts = office.get("/stores/S777/sales");
        assertThat(receipts.status()).isEqualTo(200);
        assertThat(receipts.body()).contains("S777-R000001");
        String metrics = office.get("/metrics").body();
        assertThat(metrics).containsPattern("chainpos_report_reads_total\\{[^}]*source=\"primary_fallback\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("chainpos_read_replica_unreachable_total\\{[^}]*} [1-9]");
    }

    @Test
    void aReplicaWithoutATableOfThisServerLeavesThatReportOnThePrimary() {
        TestServer.EnrolledTill till = server.enroll("S777", "S777-T1");
        assertThat(till.push(List.of(till.writer().next(Facts.sale("S777-R000001", "100001", 1500)))).status()).isEqualTo(200);
        databases.awaitCaughtUp();
        databases.applying(false);
        databases.onReplica("DROP TABLE sales_seen"); // as a replica not yet given a release's new table

        PageClient.Page receipts = office.get("/stores/S777/sales");

        assertThat(receipts.status()).isEqualTo(200);
        assertThat(receipts.body()).contains("S777-R000001");
        assertThat(footer(receipts)).contains("Reports read from the primary database");
    }

    private static String footer(PageClient.Page page) {
        Matcher matcher = Pattern.compile("<footer id=\"figures-as-of\"[^>]*>([^<]*)</footer>").matcher(page.body());
        assertThat(matcher.find()).as("the page says where its figures come from").isTrue();
        return matcher.group(1);
    }
}
