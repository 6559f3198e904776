package io.chainpos.server.messaging;

import java.nio.file.Path;
import java.time.Instant;

/** {@link CampaignCouponsTest} on embedded PostgreSQL. */
class CampaignCouponsOnPostgresTest extends CampaignCouponsTest {
    @Override
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.onPostgres(now);
    }
}
