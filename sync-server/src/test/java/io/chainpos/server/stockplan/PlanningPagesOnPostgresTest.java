package io.chainpos.server.stockplan;

import io.chainpos.server.testing.web.BackOffice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PlanningPagesTest} on PostgreSQL, whose text ordering must agree with the pages' keys. */
class PlanningPagesOnPostgresTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();

    @Test
    void coverAndOrdersPageByKey() {
        PlanningPagesTest.walks(office);
    }
}
