package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.testing.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event chain at ingest (docs/protocol.md, "Event chain"): breaks are found and reported, never refused. */
abstract class ChainContract extends EventStoreContract {
    private static final String ZEROS = "0".repeat(64);

    @Test
    void aCleanChainRaisesNothing() {
        List<EventEnvelope> events = chained(a1.next(List.of(sale("R1", "690001", 350), points(member(1), 3),
                sale("R2", "690001", 700), points(member(1), 7))));

        push(a1, events.subList(0, 2));
        push(a1, events.subList(2, 4));

        assertThat(exceptions.exceptions(10)).isEmpty();
    }

    @Test
    void aSaleChangedBeforeItWasPushedIsABreakAtTheNextEventAndEveryEventIsStored() {
        List<EventEnvelope> events = chained(a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700),
                sale("R3", "690001", 1050))));
        EventEnvelope altered = sameKey(events.get(1), sale("R2", "690001", 7)).withPrevHash(events.get(1).prevHash());

        IngestResult.Stored stored = push(a1, List.of(events.get(0), altered, events.get(2)));

        assertThat(stored).isEqualTo(new IngestResult.Stored(3, 3, 0, List.of()));
        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.CHAIN_BROKEN);
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.storeId()).isEqualTo("S001");
            assertThat(e.eventId()).isEqualTo(events.get(2).eventId().toString());
            assertThat(e.detail()).isEqualTo("epoch 1 seq 3: the event at seq 2 is not the one this event was chained to, expected "
                    + sha256(altered) + " got " + sha256(events.get(1)));
        });
    }

    @Test
    void sendingTheSameBatchAgainRaisesTheBreakOnlyOnce() {
        List<EventEnvelope> events = chained(a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700),
                sale("R3", "690001", 1050))));
        List<EventEnvelope> sent = List.of(events.get(0), sameKey(events.get(1), sale("R2", "690001", 7))
                .withPrevHash(events.get(1).prevHash()), events.get(2));
        push(a1, sent);

        IngestResult.Stored again = push(a1, sent);

        assertThat(again).isEqualTo(new IngestResult.Stored(3, 0, 3, List.of()));
        assertThat(exceptions.exceptions(10)).extracting(SyncException::kind).containsExactly(SyncException.Kind.CHAIN_BROKEN);
    }

    @Test
    void aSaleTheTillNoLongerHoldsIsSkippedWhenTheTillSaysSoAndTheBreakIsReported() {
        List<EventEnvelope> events = chained(a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700),
                sale("R3", "690001", 1050), sale("R4", "690001", 1400))));
        push(a1, events.subList(0, 1));

        IngestResult result = log.ingest(new IngestBatch(a1.till, 1, incoming(events.subList(2, 4)), 2L));

        assertThat(result).isEqualTo(new IngestResult.Stored(4, 2, 0, List.of()));
        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.CHAIN_BROKEN);
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.eventId()).isEqualTo(events.get(2).eventId().toString());
            assertThat(e.detail()).isEqualTo("epoch 1 seq 3: events 2 to 2 are missing, expected " + sha256(events.get(0))
                    + " got " + sha256(events.get(1)));
        });
    }

    @Test
    void aJumpTheTillDeclaresFromElsewhereThanTheMarkIsAGapSoEventsItHoldsAreNotSkipped() {
        List<EventEnvelope> events = chained(a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700),
                sale("R3", "690001", 1050), sale("R4", "690001", 1400))));
        push(a1, events.subList(0, 1));

        IngestResult result = log.ingest(new IngestBatch(a1.till, 1, incoming(events.subList(3, 4)), 3L));

        assertThat(result).isEqualTo(new IngestResult.SequenceGap(2, 1));
        assertThat(exceptions.exceptions(10)).isEmpty();
    }

    @Test
    void anUnchainedEventAfterChainedOnesIsABreak() {
        List<EventEnvelope> events = new ArrayList<>(chained(a1.next(List.of(sale("R1", "690001", 350)))));
        events.add(a1.next(sale("R2", "690001", 700)));

        push(a1, events);

        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("epoch 1 seq 2: not chained, after a chained event, expected " + sha256(events.get(0)) + " got none"));
    }

    @Test
    void eventsOfATillThatDoesNotChainRaiseNothing() {
        push(a1, a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700))));

        assertThat(exceptions.exceptions(10)).isEmpty();
    }

    @Test
    void aTillThatStartsChainingMidEpochLinksToTheLastEventTheServerHolds() {
        List<EventEnvelope> before = a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700)));
        push(a1, before);
        reopen(); // a server of this release on the same database
        EventEnvelope first = a1.next(sale("R3", "690001", 1050)).withPrevHash(sha256(before.get(1)));
        EventEnvelope wrong = a1.next(sale("R4", "690001", 1400)).withPrevHash(sha256(before.get(0)));

        push(a1, List.of(first));
        push(a1, List.of(wrong));

        assertThat(exceptions.exceptions(10)).extracting(SyncException::eventId).containsExactly(wrong.eventId().toString());
    }

    @Test
    void eachEpochHasItsOwnChain() {
        io.chainpos.server.testing.TillWriter again = new io.chainpos.server.testing.TillWriter("S001", "S001-T1", 2, clock);
        push(a1, chained(a1.next(List.of(sale("R1", "690001", 350), sale("R2", "690001", 700)))));

        IngestResult result = log.ingest(new IngestBatch(again.till, 2, incoming(chained(again.next(List.of(sale("R3", "690001", 1))))), null));

        assertThat(result).isInstanceOf(IngestResult.Stored.class);
        assertThat(exceptions.exceptions(10)).isEmpty();
    }

    /** The events as a till of this release writes them: each carrying the hash of the one before, zeros first. */
    static List<EventEnvelope> chained(List<EventEnvelope> events) {
        List<EventEnvelope> out = new ArrayList<>();
        String prev = events.getFirst().tillSeq() == 1 ? ZEROS : null;
        for (EventEnvelope e : events) {
            EventEnvelope linked = e.withPrevHash(prev);
            out.add(linked);
            prev = sha256(linked);
        }
        return out;
    }

    /** SHA-256 of the canonical JSON, taken here rather than by the chain's own code. */
    static String sha256(EventEnvelope event) {
        try {
            byte[] canonical = Json.CODEC.canonical(Json.CODEC.toTree(event)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
