package io.chainpos.server.headoffice;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.sync.PushResponse;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.log.PullQuery;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Head office appends its own facts as till HQ: gap-free, monotonic, pulled by every till. */
class HeadOfficeTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));

    @Test
    void factsAreAppendedAfterWhatIsStoredWithAnHlcThatNeverGoesBack() {
        try (Storage storage = Storage.open(dir.resolve("hq.db").toString())) {
            Ports ports = Ports.on(storage, Json.CODEC, clock);
            PushResponse first = new HeadOffice(ports.log(), Json.CODEC, clock)
                    .publish(List.of(points(member(1), 100), points(member(2), 50)));
            clock.advance(Duration.ofHours(-2)); // the server's clock was set back
            PushResponse second = new HeadOffice(ports.log(), Json.CODEC, clock).publish(List.of(points(member(1), -5)));

            assertThat(first).isEqualTo(new PushResponse(2, 2, 0));
            assertThat(second).isEqualTo(new PushResponse(3, 1, 0));
            PullPage page = ports.log().pull(new PullQuery(0, 10, io.chainpos.model.id.TillId.of("S001-T1"),
                    1, io.chainpos.model.id.StoreId.of("S001")));
            assertThat(page.events()).extracting(e -> Json.CODEC.fromJson(e.body()))
                    .allSatisfy(e -> assertThat(e.tillId()).isEqualTo(HeadOfficeTill.TILL))
                    .extracting(io.chainpos.model.event.EventEnvelope::hlc).isSorted().doesNotHaveDuplicates();
            assertThat(ports.members().member(member(1)).orElseThrow().pointsBalance()).isEqualTo(95);
        }
    }
}
