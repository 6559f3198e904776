package io.chainpos.server.log;

import java.nio.file.Path;

class PostgresStockByProductTest extends StockByProductContract {
    @Override
    protected io.chainpos.server.db.Storage open(Path dir) {
        return PostgresStores.open(dir);
    }
}
