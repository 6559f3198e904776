package io.chainpos.server.log;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

/** Opens SQLite for the contract tests: one file in the test's temp folder. */
final class SqliteStores {
    private SqliteStores() {
    }

    static Storage open(Path dir) {
        return Storage.open(dir.resolve("events.db").toString());
    }
}
