package io.chainpos.server.log;

import java.nio.file.Path;

class SqliteProjectorTest extends ProjectorContract {
    @Override
    protected io.chainpos.server.db.Storage open(Path dir) {
        return SqliteStores.open(dir);
    }
}
