package io.chainpos.server.sales;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class SalesFactsOnSqliteTest extends SalesFactsContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(dir.resolve("events.db").toString());
    }
}
