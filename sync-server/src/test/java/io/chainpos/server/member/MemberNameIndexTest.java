package io.chainpos.server.member;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;

class MemberNameIndexTest extends MemberNameIndexContract {
    @Override
    protected Storage open(Path dir) {
        return Storage.open(dir.resolve("server.db").toString());
    }

    @Override
    protected Storage openOther() {
        return Storage.open(dir.resolve("other.db").toString());
    }
}
