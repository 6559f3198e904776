package io.chainpos.server.log;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class SqliteProjectionTablesTest extends ProjectionTablesContract {
    @Override
    protected Storage open(Path dir) {
        return SqliteStores.open(dir);
    }

    @Override
    protected String catalogueQuery() {
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    }
}
