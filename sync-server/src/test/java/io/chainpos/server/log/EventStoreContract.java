package io.chainpos.server.log;

import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.exception.ExceptionLog;
import io.chainpos.server.member.Members;
import io.chainpos.server.stock.StockLevels;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the event store contract: what the {@link EventLog} and the projections registered on it
 * must do, read back through each feature's port, is stated in {@link PushContract}, {@link MergeContract}
 * and {@link PullAndRebuildContract}. A database's tests extend each with one method that opens it; the
 * PostgreSQL tests reuse them unchanged.
 */
abstract class EventStoreContract {
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
    Storage storage;
    EventLog log;
    Members members;
    StockLevels stock;
    ExceptionLog exceptions;
    Projector projector;
    io.chainpos.server.member.PhoneDuplicates phoneDuplicates;
    TillWriter a1;
    TillWriter a2;
    TillWriter b1;

    /** A fresh or existing database in {@code dir}; opening the same dir again must see what was committed. */
    protected abstract Storage open(Path dir);

    /** Opens the database in {@code dir} and every port on it, as the server wires them. */
    void reopen() {
        storage = open(dir);
        Ports ports = Ports.on(storage, Json.CODEC, clock);
        log = ports.log();
        members = ports.members();
        stock = ports.stock();
        exceptions = ports.exceptions();
        projector = ports.projector();
        phoneDuplicates = ports.phoneDuplicates();
    }

    @BeforeEach
    void openStore() {
        reopen();
        members.memberLookupSecret(io.chainpos.server.testing.Facts.LOOKUP_SECRET);
        a1 = new TillWriter("S001", "S001-T1", 1, clock);
        a2 = new TillWriter("S001", "S001-T2", 1, clock);
        b1 = new TillWriter("S002", "S002-T1", 1, clock);
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    IngestResult.Stored push(TillWriter till, List<EventEnvelope> events) {
        IngestResult result = ingest(till, incoming(events));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
        return (IngestResult.Stored) result;
    }

    IngestResult ingest(TillWriter till, List<IncomingEvent> events) {
        // Keys travel beside the events, as a till hands them over before it pushes.
        members.storeMemberKeys(io.chainpos.server.testing.Facts.keysOf(events.stream().map(IncomingEvent::envelope).toList()));
        return log.ingest(new IngestBatch(till.till, till.epoch, events));
    }

    MemberView view(MemberId id) {
        return members.member(id).orElseThrow();
    }

    static EventEnvelope sameKey(EventEnvelope original, Event otherPayload) {
        return new EventEnvelope(original.eventId(), original.storeId(), original.tillId(), original.tillEpoch(),
                original.tillSeq(), original.hlc(), original.occurredAt(), otherPayload);
    }
}
