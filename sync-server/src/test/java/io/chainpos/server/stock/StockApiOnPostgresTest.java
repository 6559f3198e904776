package io.chainpos.server.stock;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link StockApiTest} against the server on PostgreSQL. */
class StockApiOnPostgresTest extends StockApiTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
