package io.chainpos.server.member;

import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;

class MemberNameIndexOnPostgresTest extends MemberNameIndexContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(EmbeddedDatabase.newDatabase());
    }

    @Override
    protected Storage openOther() {
        return Storage.open(EmbeddedDatabase.newDatabase());
    }
}
