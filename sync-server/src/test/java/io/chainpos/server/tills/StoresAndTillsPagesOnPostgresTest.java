package io.chainpos.server.tills;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stores and tills pages in a real browser against the real server on PostgreSQL. */
class StoresAndTillsPagesOnPostgresTest extends StoresAndTillsPagesContract {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Override
    BackOffice office() {
        return office;
    }
}
