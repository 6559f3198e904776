package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.storedValue;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The push rules: duplicates, gaps, quarantine, epochs, unknown types. */
abstract class PushContract extends EventStoreContract {
    @Test
    void newEventsAreStoredAndTheMarkAdvances() {
        IngestResult.Stored stored = push(a1, a1.next(List.of(points(member(1), 10), points(member(1), 5))));

        assertThat(stored).isEqualTo(new IngestResult.Stored(2, 2, 0, List.of()));
        assertThat(log.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
        assertThat(log.isEmpty()).isFalse();
    }

    @Test
    void duplicatePushIsANoOp() {
        List<EventEnvelope> batch = a1.next(List.of(points(member(1), 10), storedValue(member(1), 500)));
        push(a1, batch);

        IngestResult.Stored again = push(a1, batch);

        assertThat(again).isEqualTo(new IngestResult.Stored(2, 0, 2, List.of()));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(10);
        assertThat(view(member(1)).storedValueBalance()).isEqualTo(500);
    }

    @Test
    void keyOrderAndExplicitNullsDoNotMakeADifferentEvent() {
        EventEnvelope event = a1.next(points(member(1), 10));
        push(a1, List.of(event));
        ObjectNode original = Json.CODEC.toTree(event);
        List<String> names = new ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        ObjectNode reordered = Json.CODEC.mapper().createObjectNode();
        names.reversed().forEach(name -> reordered.set(name, original.get(name)));
        ((ObjectNode) reordered.get("payload")).putNull("saleId");

        IngestResult result = ingest(a1, List.of(incoming((JsonNode) reordered)));

        assertThat(result).isEqualTo(new IngestResult.Stored(1, 0, 1, List.of()));
    }

    @Test
    void anOverlappingBatchStoresOnlyTheNewTail() {
        List<EventEnvelope> events = a1.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 4), points(member(1), 8)));
        push(a1, events.subList(0, 3));

        IngestResult.Stored stored = push(a1, events.subList(1, 4));

        assertThat(stored).isEqualTo(new IngestResult.Stored(4, 1, 2, List.of()));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(15);
    }

    @Test
    void aBatchBeyondTheMarkIsAGapAndStoresNothing() {
        List<EventEnvelope> events = a1.next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 4)));
        push(a1, events.subList(0, 1));

        IngestResult result = ingest(a1, incoming(events.subList(2, 3)));

        assertThat(result).isEqualTo(new IngestResult.SequenceGap(2, 1));
        assertThat(log.mark(a1.till, 1).ackedThrough()).isEqualTo(1);
        assertThat(view(member(1)).pointsBalance()).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentContentIsQuarantinedAndTheRestStillFlows() {
        EventEnvelope first = a1.next(points(member(1), 10));
        push(a1, List.of(first));
        EventEnvelope impostor = sameKey(first, points(member(1), 99));
        EventEnvelope second = a1.next(points(member(1), 5));

        IngestResult.Stored stored = push(a1, List.of(impostor, second));

        assertThat(stored.ackedThrough()).isEqualTo(2);
        assertThat(stored.accepted()).isEqualTo(1);
        assertThat(stored.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.eventId()).isEqualTo(first.eventId());
            assertThat(q.reason()).isEqualTo(IngestResult.Reason.KEY_REUSED);
        });
        assertThat(view(member(1)).pointsBalance()).isEqualTo(15);
        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.QUARANTINED_EVENT);
            assertThat(e.eventId()).isEqualTo(first.eventId().toString());
        });
    }

    @Test
    void aReusedEventIdUnderAnotherKeyIsQuarantinedAndConsumesItsSeq() {
        EventEnvelope original = a1.next(points(member(1), 10));
        push(a1, List.of(original));
        EventEnvelope reused = new EventEnvelope(original.eventId(), a2.store, a2.till, 1, 1, original.hlc(),
                original.occurredAt(), points(member(1), 10));
        a2.next(points(member(1), 0)); // the reused id takes a2's seq 1
        EventEnvelope after = a2.next(points(member(1), 7));

        IngestResult.Stored stored = push(a2, List.of(reused, after));

        assertThat(stored.ackedThrough()).isEqualTo(2);
        assertThat(stored.accepted()).isEqualTo(1);
        assertThat(stored.quarantined()).singleElement()
                .satisfies(q -> assertThat(q.reason()).isEqualTo(IngestResult.Reason.EVENT_ID_REUSED));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(17);
    }

    @Test
    void resendingAQuarantinedEventIsADuplicateNotANewConflict() {
        EventEnvelope first = a1.next(points(member(1), 10));
        push(a1, List.of(first));
        EventEnvelope impostor = sameKey(first, points(member(1), 99));
        push(a1, List.of(impostor));

        IngestResult.Stored again = push(a1, List.of(impostor));

        assertThat(again).isEqualTo(new IngestResult.Stored(1, 0, 1, List.of()));
        assertThat(exceptions.exceptions(10)).hasSize(1);
    }

    @Test
    void eachEpochHasItsOwnMark() {
        push(a1, a1.next(List.of(points(member(1), 1), points(member(1), 1))));
        TillWriter reinstalled = new TillWriter("S001", "S001-T1", 2, clock);

        IngestResult.Stored stored = push(reinstalled, reinstalled.next(List.of(points(member(1), 1))));

        assertThat(stored.ackedThrough()).isEqualTo(1);
        assertThat(log.mark(a1.till, 1).ackedThrough()).isEqualTo(2);
        assertThat(log.mark(a1.till, 2).ackedThrough()).isEqualTo(1);
        assertThat(log.mark(a1.till, 3)).isEqualTo(TillMark.NONE);
    }

    @Test
    void anUnknownTypeIsStoredExactlyReportedAndPassedOn() {
        ObjectNode node = Json.CODEC.toTree(a1.next(points(member(1), 1)));
        node.put("type", "GiftCardSold");
        node.put("schemaVersion", 3);
        ObjectNode payload = node.putObject("payload");
        payload.put("cardNo", "GC-1");
        payload.put("amount", new BigInteger("123456789012345678901234567890"));
        payload.putArray("z").add(1.5).add("x");

        IngestResult result = ingest(a1, List.of(incoming((JsonNode) node)));

        assertThat(result).isEqualTo(new IngestResult.Stored(1, 1, 0, List.of()));
        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.UNKNOWN_EVENT);
            assertThat(e.detail()).contains("GiftCardSold");
        });
        PullPage page = log.pull(new PullQuery(0, 10, b1.till, b1.epoch, b1.store));
        assertThat(page.events()).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo(Json.CODEC.canonical(node)));
    }
}
