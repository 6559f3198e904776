package io.chainpos.server.messaging;

import java.nio.file.Path;
import java.time.Instant;

/** {@link TemplatesAndRemindersTest} on embedded PostgreSQL. */
class TemplatesAndRemindersOnPostgresTest extends TemplatesAndRemindersTest {
    @Override
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.onPostgres(now);
    }
}
