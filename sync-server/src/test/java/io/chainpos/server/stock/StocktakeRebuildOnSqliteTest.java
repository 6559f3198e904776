package io.chainpos.server.stock;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On SQLite too, a rebuild from the log gives the stocktakes and stock that ingest built. */
class StocktakeRebuildOnSqliteTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    void stocktakesAreTheSameAfterARebuild() {
        StocktakePagesOnPostgresTest.sameAfterARebuild(office);
    }
}
