package io.chainpos.server.sync;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.PushResponse;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.store.EventStore;
import io.chainpos.server.store.IncomingEvent;
import io.chainpos.server.store.IngestBatch;
import io.chainpos.server.store.IngestResult;
import java.util.List;

/**
 * A till hands over its events. Who may write what is checked here; what is a duplicate, a gap or a
 * conflict is the event store's, decided inside its transaction. Business problems are never refused.
 */
public final class PushEvents {
    public static final int MAX_EVENTS_PER_PUSH = 5_000;
    /** No balance or stock movement is this large (10^15 fen is ten trillion yuan); beyond it sums could overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private final EventStore store;

    public PushEvents(EventStore store) {
        this.store = store;
    }

    /** What became of a push. */
    public sealed interface Outcome {
        record Acked(PushResponse response) implements Outcome {
        }

        /** Committed through {@code ackedThrough}; the listed events were quarantined for head office. */
        record Conflicted(long ackedThrough, List<IngestResult.Quarantined> quarantined) implements Outcome {
        }

        record Gap(long expectedSeq, long ackedThrough, long firstSent) implements Outcome {
        }

        record Forbidden(String reason) implements Outcome {
        }

        record Invalid(String reason) implements Outcome {
        }
    }

    Outcome push(TillPrincipal till, PushBody body) {
        if (!till.tillId().equals(body.tillId())) {
            return new Outcome.Forbidden("this token belongs to till " + till.tillId() + ", not " + body.tillId());
        }
        if (body.tillEpoch() > till.tillEpoch()) {
            return new Outcome.Forbidden("till " + till.tillId() + " is enrolled at epoch " + till.tillEpoch()
                    + " and cannot write epoch " + body.tillEpoch());
        }
        String invalid = invalid(till, body);
        if (invalid != null) {
            return new Outcome.Invalid(invalid);
        }
        IngestResult result = store.ingest(new IngestBatch(body.tillId(), body.tillEpoch(), body.events()));
        return switch (result) {
            case IngestResult.SequenceGap gap ->
                    new Outcome.Gap(gap.expectedSeq(), gap.ackedThrough(), body.events().getFirst().tillSeq());
            case IngestResult.Stored stored when !stored.quarantined().isEmpty() ->
                    new Outcome.Conflicted(stored.ackedThrough(), stored.quarantined());
            case IngestResult.Stored stored ->
                    new Outcome.Acked(new PushResponse(stored.ackedThrough(), stored.accepted(), stored.duplicates()));
        };
    }

    private static String invalid(TillPrincipal till, PushBody body) {
        List<IncomingEvent> events = body.events();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i).envelope();
            if (!event.tillId().equals(body.tillId()) || event.tillEpoch() != body.tillEpoch()) {
                return "events[%d] is of till %s epoch %d, but the push is for till %s epoch %d".formatted(
                        i, event.tillId(), event.tillEpoch(), body.tillId(), body.tillEpoch());
            }
            if (!event.storeId().equals(till.storeId())) {
                return "events[%d] names store %s, but till %s is enrolled in store %s".formatted(
                        i, event.storeId(), till.tillId(), till.storeId());
            }
            if (i > 0 && event.tillSeq() != events.get(i - 1).tillSeq() + 1) {
                return "events must be in ascending tillSeq order without gaps: events[%d] has tillSeq %d after %d"
                        .formatted(i, event.tillSeq(), events.get(i - 1).tillSeq());
            }
            long amount = switch (event.payload()) {
                case BalanceEvent balance -> balance.delta();
                case StockChanged stock -> stock.deltaMilli();
                default -> 0;
            };
            if (Math.abs(amount) > MAX_AMOUNT || amount == Long.MIN_VALUE) {
                return "events[%d] moves %d, beyond any real amount (limit %d)".formatted(i, amount, MAX_AMOUNT);
            }
        }
        return null;
    }
}
