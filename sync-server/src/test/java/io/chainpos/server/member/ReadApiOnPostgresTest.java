package io.chainpos.server.member;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link ReadApiTest} against the server on PostgreSQL. */
class ReadApiOnPostgresTest extends ReadApiTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
