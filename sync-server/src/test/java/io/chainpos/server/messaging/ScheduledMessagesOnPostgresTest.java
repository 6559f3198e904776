package io.chainpos.server.messaging;

import java.nio.file.Path;
import java.time.Instant;

/** {@link ScheduledMessagesTest} on embedded PostgreSQL. */
class ScheduledMessagesOnPostgresTest extends ScheduledMessagesTest {
    @Override
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.onPostgres(now);
    }
}
