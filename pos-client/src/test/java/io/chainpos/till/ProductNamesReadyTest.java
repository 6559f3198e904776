package io.chainpos.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cashier's first search answers within a frame: once the sale screen asks, the till reads its product names into
 * memory, and again after a sync brings a changed catalog, without anyone searching. Not before it asks: reading a
 * big chain's names would slow the till's start.
 */
class ProductNamesReadyTest {
    @TempDir
    Path dir;

    @Test
    void theNamesOfTheCatalogPulledAtStartAreInMemoryBeforeAnySearch() throws Exception {
        Clock clock = Clock.system(TestTill.SHANGHAI);
        Path data = dir.resolve("till");
        OkHttpClient http = OkHttpSyncApi.defaultClient();
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock);
             TestTill till = new TestTill(data.resolve("till.db"), clock)) {
            TillAssembly.SyncApis apis = (url, token) -> new OkHttpSyncApi(http, till.codec, url, token);
            assertThat(TillAssembly.enrollment(till.ledger, apis).enroll(server.uri().toString(),
                    server.enrollmentCode("S001", "S001-T1"))).isInstanceOf(EnrollTill.Enrolled.class);

            try (TillAssembly assembly = TillAssembly.start(till.ledger, till.codec, clock, data, apis, TillSettings.defaults())) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(assembly.agent().syncOnce().problems())
                        .as("a first sync done").isEmpty());
                assertThat(generation(data.resolve("till.db"))).as("the demo catalog was pulled").isPositive();
                assertThat(assembly.productNamesReadAt()).as("nothing read before the sale screen asks").isZero();

                assembly.useCases().products().readAhead();

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(assembly.productNamesReadAt()).isEqualTo(generation(data.resolve("till.db"))));
            }
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    private static long generation(Path ledger) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             ResultSet rs = c.createStatement().executeQuery("SELECT value FROM till_state WHERE name = 'catalog.generation'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
