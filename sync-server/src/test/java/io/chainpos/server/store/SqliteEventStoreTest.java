package io.chainpos.server.store;

import io.chainpos.model.json.EventCodec;
import java.nio.file.Path;
import java.time.Clock;

/** The event store contract on a SQLite file in a temp folder. */
class SqliteEventStoreTest extends EventStoreContract {
    @Override
    protected EventStore open(Path dir, Clock clock) {
        return Storage.open(dir.resolve("events.db").toString(), clock, EventCodec.standard()).events();
    }
}
