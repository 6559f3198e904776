package io.chainpos.server.exception;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exceptions pages in a real browser against the real server on PostgreSQL. */
class ExceptionPagesOnPostgresTest extends ExceptionPagesContract {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Override
    BackOffice office() {
        return office;
    }
}
