package io.chainpos.server.auth;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link RevokedTillTest} against the server on PostgreSQL. */
class RevokedTillOnPostgresTest extends RevokedTillTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
