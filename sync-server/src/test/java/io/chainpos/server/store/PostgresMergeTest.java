package io.chainpos.server.store;

import java.nio.file.Path;
import java.time.Clock;

class PostgresMergeTest extends MergeContract {
    @Override
    protected EventStore open(Path dir, Clock clock) {
        return PostgresStores.open(dir, clock);
    }
}
