package io.chainpos.server.log;

import java.nio.file.Path;

class SqliteCatalogSearchTest extends CatalogSearchContract {
    @Override
    protected io.chainpos.server.db.Storage open(Path dir) {
        return SqliteStores.open(dir);
    }
}
