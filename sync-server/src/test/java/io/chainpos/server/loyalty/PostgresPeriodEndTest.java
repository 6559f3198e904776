package io.chainpos.server.loyalty;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Clock;

class PostgresPeriodEndTest extends PeriodEndContract {
    @Override
    protected Storage open(Path dir, Clock clock) {
        return Storage.open(DatabaseSettings.of(EmbeddedDatabase.newDatabase()).withPoolSize(4), clock, EventCodec.standard());
    }
}
