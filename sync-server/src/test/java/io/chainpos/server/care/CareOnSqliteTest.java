package io.chainpos.server.care;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class CareOnSqliteTest extends CareContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(dir.resolve("events.db").toString());
    }
}
