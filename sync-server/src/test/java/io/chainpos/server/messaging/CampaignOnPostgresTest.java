package io.chainpos.server.messaging;

import java.nio.file.Path;
import java.time.Instant;

/** {@link CampaignTest} on embedded PostgreSQL. */
class CampaignOnPostgresTest extends CampaignTest {
    @Override
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.onPostgres(now);
    }
}
