package io.chainpos.server.exception;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exceptions pages in a real browser against the real server on SQLite. */
class ExceptionPagesBrowserTest extends ExceptionPagesContract {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Override
    BackOffice office() {
        return office;
    }
}
