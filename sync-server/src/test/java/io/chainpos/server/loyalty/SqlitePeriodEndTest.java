package io.chainpos.server.loyalty;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.Storage;
import java.nio.file.Path;
import java.time.Clock;

class SqlitePeriodEndTest extends PeriodEndContract {
    @Override
    protected Storage open(Path dir, Clock clock) {
        return Storage.open(dir.resolve("events.db").toString(), clock, EventCodec.standard());
    }
}
