package io.chainpos.server.log;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens PostgreSQL for the contract tests: a fresh database on the embedded PostgreSQL per test
 * folder, and the same database again when the same folder is opened again (a restart).
 */
final class PostgresStores {
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    private PostgresStores() {
    }

    static Storage open(Path dir) {
        String url = DATABASES.computeIfAbsent(dir, d -> EmbeddedDatabase.newDatabase());
        return Storage.open(DatabaseSettings.of(url).withPoolSize(4));
    }
}
