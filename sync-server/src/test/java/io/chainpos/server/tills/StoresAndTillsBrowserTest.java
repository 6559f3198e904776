package io.chainpos.server.tills;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stores and tills pages in a real browser against the real server on SQLite. */
class StoresAndTillsBrowserTest extends StoresAndTillsPagesContract {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Override
    BackOffice office() {
        return office;
    }
}
