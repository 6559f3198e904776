package io.chainpos.server.log;

import java.nio.file.Path;

class SqliteStockByProductTest extends StockByProductContract {
    @Override
    protected io.chainpos.server.db.Storage open(Path dir) {
        return SqliteStores.open(dir);
    }
}
