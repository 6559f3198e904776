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
        // A partition of the event log (V250) is part of its table, not a table of its own.
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                + " AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)";
    }
}
