package io.chainpos.server.http;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link PushFuzzTest} against the server on PostgreSQL, which refuses some text SQLite keeps. */
class PushFuzzOnPostgresTest extends PushFuzzTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false));
    }
}
