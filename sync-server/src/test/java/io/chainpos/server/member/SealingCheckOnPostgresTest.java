package io.chainpos.server.member;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link SealingCheckTest} against the server on PostgreSQL. */
class SealingCheckOnPostgresTest extends SealingCheckTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
