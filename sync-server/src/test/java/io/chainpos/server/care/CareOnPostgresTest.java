package io.chainpos.server.care;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;

class CareOnPostgresTest extends CareContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(DatabaseSettings.of(EmbeddedDatabase.newDatabase()).withPoolSize(4));
    }
}
