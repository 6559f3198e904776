package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.Ports;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The projections follow the log: a push commits its events alone, and whoever reads a projection first brings it up
 * to the log, so an answer never shows less than what was pushed before the question. Several projectors at once (two
 * server nodes, a read and the server's own follower) merge each event once, across the projector's chunks.
 */
abstract class ProjectorContract extends EventStoreContract {

    /** Pushes straight into the log: nothing else touches the projections on the way (the keys go in a test of their own). */
    private void pushOnly(TillWriter till, List<Event> payloads) {
        assertThat(log.ingest(new IngestBatch(till.till, till.epoch, incoming(till.next(payloads)))))
                .isInstanceOf(IngestResult.Stored.class);
    }

    @Test
    void aPushIsStoredAloneAndTheNextReadMergesItFirst() {
        pushOnly(a1, List.of(points(member(1), 10), points(member(1), 5)));
        pushOnly(b1, List.of(points(member(1), 7)));

        assertThat(projector.lag().events()).as("stored, not merged yet").isEqualTo(3);
        assertThat(view(member(1)).pointsBalance()).as("read through the feature's port").isEqualTo(22);
        assertThat(projector.lag()).isEqualTo(Projector.Lag.NONE);
    }

    @Test
    void projectorsRunningAtOnceMergeEveryEventOnceAcrossChunks() throws Exception {
        List<TillWriter> tills = List.of(a1, a2, b1);
        long[] expected = new long[40];
        int events = 0;
        for (int batch = 0; events < JdbcProjector.CHUNK + 700; batch++) {
            List<Event> payloads = new ArrayList<>();
            for (int i = 0; i < 300; i++, events++) {
                int m = (batch * 300 + i) % expected.length;
                long delta = 1 + (batch + i) % 9;
                expected[m] += delta;
                payloads.add(points(member(m + 1), delta));
            }
            pushOnly(tills.get(batch % tills.size()), payloads);
        }
        // A second node's projector over the same database, and several readers on each.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (io.chainpos.server.db.Storage second = open(dir)) {
            Projector other = Ports.on(second, Json.CODEC, clock).projector();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Projector p = t % 2 == 0 ? projector : other;
                done.add(pool.submit(p::catchUp));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(other.lag()).isEqualTo(Projector.Lag.NONE);
        } finally {
            pool.shutdownNow();
        }

        assertThat(projector.lag()).isEqualTo(Projector.Lag.NONE);
        for (int m = 0; m < expected.length; m++) {
            assertThat(view(member(m + 1)).pointsBalance()).as("member %d", m + 1).isEqualTo(expected[m]);
        }
    }

    @Test
    void aReadDoesNotWaitForAFloodButAScrubDoes() {
        List<TillWriter> tills = List.of(a1, a2, b1);
        long expected = 0;
        for (int batch = 0; batch < 15; batch++) {
            List<Event> payloads = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                payloads.add(points(member(1), 2));
                expected += 2;
            }
            pushOnly(tills.get(batch % tills.size()), payloads);
        }
        assertThat(projector.lag().events()).isEqualTo(4_500);

        assertThat(members.member(member(1))).as("4,500 behind: the page shows what stands, the follower merges on").isEmpty();
        assertThat(projector.lag().events()).isEqualTo(4_500);

        members.scrub(); // an erasure's scrub must follow every event, however far behind
        assertThat(projector.lag()).isEqualTo(Projector.Lag.NONE);
        assertThat(view(member(1)).pointsBalance()).isEqualTo(expected);
    }

    @Test
    void aRebuildMergesAgainWithoutFindingAgain() {
        pushOnly(a1, List.of(points(member(1), 10), points(member(1), -60)));
        assertThat(exceptions.exceptions(10)).extracting(SyncException::kind).containsExactly(SyncException.Kind.POINTS_OVERDRAFT);

        log.rebuildProjections();

        assertThat(view(member(1)).pointsBalance()).isEqualTo(-50);
        assertThat(exceptions.exceptions(10)).as("found when it arrived, not again").hasSize(1);
        pushOnly(a1, List.of(points(member(1), -5)));
        assertThat(exceptions.exceptions(10)).as("a new overdraft after the rebuild is found").hasSize(2);
    }
}
