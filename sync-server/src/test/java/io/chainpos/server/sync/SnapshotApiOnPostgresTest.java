package io.chainpos.server.sync;

import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link SnapshotApiTest} against the server on PostgreSQL. */
class SnapshotApiOnPostgresTest extends SnapshotApiTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false).withPullRetention(RETENTION));
    }
}
