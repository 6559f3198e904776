package io.chainpos.server.log;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TillWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A poison event the push rules cannot see: its merge fails on what it holds (here a member name longer than
 * PostgreSQL indexes). The push stores it with the rest (the tills get it; the log loses nothing); the projector
 * merges the chunk again one event at a time to find it, skips it, merges the events before and after it, and head
 * office sees why, once: a rebuild skips it again without a second exception.
 */
class PostgresPoisonTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));

    /** Text PostgreSQL cannot compress below its index row limit (about 2.7 KB). */
    static String incompressible(int length) {
        java.util.Random random = new java.util.Random(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('一' + random.nextInt(20_000)));
        }
        return text.toString();
    }

    @Test
    void anEventWhoseMergeFailsIsSkippedByTheProjectionsAndTheQueueBehindItFlows() {
        try (Storage storage = Storage.open(EmbeddedDatabase.newDatabase())) {
            Ports ports = Ports.on(storage, EventCodec.standard(), clock);
            EventLog log = ports.log();
            TillWriter till = new TillWriter("S001", "S001-T1", 1, clock);
            List<EventEnvelope> events = till.next(List.of(points(member(1), 10),
                    registered(member(2), "13900000002", incompressible(6_000)), points(member(1), 5)));

            IngestResult result = log.ingest(new IngestBatch(till.till, 1, incoming(events)));

            assertThat(result).isEqualTo(new IngestResult.Stored(3, 3, 0, List.of()));
            assertThat(ports.members().member(member(1)).orElseThrow().pointsBalance()).isEqualTo(15);
            assertThat(ports.members().member(member(2))).isEmpty();
            assertThat(ports.exceptions().exceptions(10)).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(SyncException.Kind.UNPROCESSABLE_EVENT);
                assertThat(e.eventId()).isEqualTo(events.get(1).eventId().toString());
            });
            assertThat(ports.projector().lag()).isEqualTo(Projector.Lag.NONE);
            IngestResult again = log.ingest(new IngestBatch(till.till, 1, incoming(events)));
            assertThat(again).isEqualTo(new IngestResult.Stored(3, 0, 3, List.of()));

            log.rebuildProjections();
            assertThat(ports.members().member(member(1)).orElseThrow().pointsBalance()).isEqualTo(15);
            assertThat(ports.members().member(member(2))).isEmpty();
            assertThat(ports.exceptions().exceptions(10)).as("found once, not again by the rebuild").hasSize(1);
        }
    }
}
