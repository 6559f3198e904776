package io.chainpos.server.store;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.model.json.EventCodec;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the SQLite adapter for the contract tests: one file in the test's temp folder. */
final class SqliteStores {
    private SqliteStores() {
    }

    static EventStore open(Path dir, Clock clock) {
        return Storage.open(dir.resolve("events.db").toString(), clock, EventCodec.standard()).events();
    }
}
