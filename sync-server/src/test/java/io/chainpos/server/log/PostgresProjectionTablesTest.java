package io.chainpos.server.log;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class PostgresProjectionTablesTest extends ProjectionTablesContract {
    @Override
    protected Storage open(Path dir) {
        return PostgresStores.open(dir);
    }

    @Override
    protected String catalogueQuery() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
    }
}
