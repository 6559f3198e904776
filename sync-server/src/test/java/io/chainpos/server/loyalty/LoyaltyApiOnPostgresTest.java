package io.chainpos.server.loyalty;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link LoyaltyApiTest} against the server on PostgreSQL. */
class LoyaltyApiOnPostgresTest extends LoyaltyApiTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
