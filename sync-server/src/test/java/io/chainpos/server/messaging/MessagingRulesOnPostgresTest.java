package io.chainpos.server.messaging;

import java.nio.file.Path;
import java.time.Instant;

/** {@link MessagingRulesTest} on embedded PostgreSQL. */
class MessagingRulesOnPostgresTest extends MessagingRulesTest {
    @Override
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.onPostgres(now);
    }
}
