package io.chainpos.server.sync;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link PullApiTest} against the server on PostgreSQL. */
class PullApiOnPostgresTest extends PullApiTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
