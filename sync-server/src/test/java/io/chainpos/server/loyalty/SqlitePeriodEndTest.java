package io.chainpos.server.loyalty;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class SqlitePeriodEndTest extends PeriodEndContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(dir.resolve("events.db").toString());
    }
}
