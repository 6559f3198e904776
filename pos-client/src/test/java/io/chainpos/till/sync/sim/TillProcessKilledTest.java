package io.chainpos.till.sync.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.testing.KilledChild;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real till process that sells and syncs after every sale, killed with SIGKILL at random moments: between
 * its local commit and its push, during the push, between the server's commit and the till recording the
 * acknowledgement. Restarted each time; at the end every event the till committed is on the server exactly
 * once, every receipt it printed is there, and its acknowledged sequence has no gap.
 */
class TillProcessKilledTest {
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void aTillKilledAroundItsPushesLosesNothingAndCountsNothingTwice() throws Exception {
        Clock clock = Clock.systemUTC();
        Path file = dir.resolve("till.db");
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> printed = new ArrayList<>();
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock)) {
            try (SyncedTill till = SyncedTill.enroll(file, clock, server::uri, server.enrollmentCode("S001", "S001-T1"))) {
                till.sync(); // the demo catalog
                assertThat(till.till.shifts.open("kill-test", 50_000)).isInstanceOf(Shifts.Opened.class);
            }
            for (int kill = 0; kill < KILLS; kill++) {
                // The kill lands somewhere in the next sale, its push, or the reply's handling.
                List<String> run = KilledChild.runAndKill(SellingAndSyncing.class, Path.of("target", "till-kill-" + kill + ".err"),
                        random, 15, 8_000_000, file.toString(), server.uri().toString());
                assertThat(run).as("sales printed before kill %d (seed %d)", kill, seed).isNotEmpty();
                printed.addAll(run);
            }

            List<EventEnvelope> local;
            try (SyncedTill till = SyncedTill.reopen(file, clock, server::uri)) {
                for (int round = 0; round < 20 && till.till.ledger.syncMarks().pendingCount() > 0; round++) {
                    till.sync();
                }
                assertThat(till.till.ledger.syncMarks().pendingCount()).as("nothing left to push (seed %d)", seed).isZero();
                local = localEvents(till.till.ledger.read(s -> s.handle()
                        .createQuery("SELECT envelope FROM ledger_events ORDER BY till_epoch, till_seq")
                        .mapTo(String.class).list()), till.till.codec);
            }

            ServerLog log = ServerLog.read(dir.resolve("server").resolve("chainpos.db").toString(), EventCodec.standard());
            List<ServerLog.Stored> fromTill = log.events().stream().filter(e -> e.tillId().equals("S001-T1")).toList();
            assertThat(fromTill).extracting(ServerLog.Stored::seq)
                    .as("every till sequence number stored once, none missing (seed %d)", seed)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, local.size()).boxed().toList());
            assertThat(fromTill.stream().map(ServerLog.Stored::eventId).collect(Collectors.toSet()))
                    .as("the server holds exactly the till's events")
                    .isEqualTo(local.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet()));
            Set<String> receiptsOnServer = new HashSet<>();
            fromTill.stream().map(ServerLog.Stored::event).map(EventEnvelope::payload)
                    .filter(SaleCompleted.class::isInstance)
                    .forEach(sale -> receiptsOnServer.add(((SaleCompleted) sale).receiptNo().value()));
            assertThat(receiptsOnServer).as("every printed receipt reached head office (seed %d)", seed).containsAll(printed);
            assertThat(log.quarantine()).as("nothing set apart").isEmpty();
            assertThat(log.marks()).filteredOn(mark -> mark.tillId().equals("S001-T1"))
                    .as("the server's mark for the till is its last event").singleElement()
                    .extracting(ServerLog.Mark::ackedThrough).isEqualTo((long) local.size());
        }
    }

    private static List<EventEnvelope> localEvents(List<String> rows, EventCodec codec) {
        return rows.stream().map(codec::fromJson).toList();
    }

}
