package io.chainpos.server.sales;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;

class SalesFactsOnPostgresTest extends SalesFactsContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(DatabaseSettings.of(EmbeddedDatabase.newDatabase()).withPoolSize(4));
    }
}
