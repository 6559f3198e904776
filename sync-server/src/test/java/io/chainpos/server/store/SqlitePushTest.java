package io.chainpos.server.store;

import java.nio.file.Path;
import java.time.Clock;

class SqlitePushTest extends PushContract {
    @Override
    protected EventStore open(Path dir, Clock clock) {
        return SqliteStores.open(dir, clock);
    }
}
