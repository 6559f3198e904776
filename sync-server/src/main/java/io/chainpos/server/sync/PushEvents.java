package io.chainpos.server.sync;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.PushResponse;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.IncomingEvent;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.merge.ClockSkew;
import java.util.List;
import java.util.function.Consumer;

/**
 * A till hands over its events. Who may write what is checked here; what is a duplicate, a gap or a
 * conflict is the event log's, decided inside its transaction. Business problems are never refused.
 */
public final class PushEvents {
    public static final int MAX_EVENTS_PER_PUSH = 5_000;
    /** No balance or stock movement is this large (10^15 fen is ten trillion yuan); beyond it sums could overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private final EventLog log;
    private final SyncMetrics metrics;
    private final Consumer<List<EventEnvelope>> afterCommit;

    public PushEvents(EventLog log, SyncMetrics metrics) {
        this(log, metrics, stored -> { });
    }

    /** {@code afterCommit} hears the events each push stored, once committed (head office's follow-ups: merges). */
    public PushEvents(EventLog log, SyncMetrics metrics, Consumer<List<EventEnvelope>> afterCommit) {
        this.log = log;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
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
        List<IncomingEvent> events = body.events().stream().map(PushEvents::refuseImpossible).toList();
        IngestResult result = log.ingest(new IngestBatch(body.tillId(), body.tillEpoch(), events, body.missingFrom()));
        metrics.ingested(events.size(), result);
        if (result instanceof IngestResult.Stored stored && stored.accepted() > 0) {
            afterCommit.accept(events.stream().filter(e -> e.refusal() == null).map(IncomingEvent::envelope).toList());
        }
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
        }
        if (body.missingFrom() != null && (events.isEmpty() || body.missingFrom() >= events.getFirst().tillSeq())) {
            return "missingFrom must come before the first event sent";
        }
        return null;
    }

    /**
     * An event whose envelope is sound but whose content no real till can have produced is refused on its
     * own: quarantined and reported rather than stored, while the batch (and the queue behind it) goes on.
     * Refusing the whole batch instead would stop that till's sync for good.
     */
    private static IncomingEvent refuseImpossible(IncomingEvent event) {
        long amount = switch (event.envelope().payload()) {
            case BalanceEvent balance -> balance.delta();
            case StockChanged stock -> stock.deltaMilli();
            default -> 0;
        };
        if (Math.abs(amount) > MAX_AMOUNT || amount == Long.MIN_VALUE) {
            return event.refused("it moves %d, beyond any real amount (limit %d)".formatted(amount, MAX_AMOUNT));
        }
        // JSON may carry U+0000 in a string; no text column keeps it (PostgreSQL refuses it outright).
        if (event.body().contains("\\u0000") && JsonText.holdsNul(event.body())) {
            return event.refused("a text field holds the character U+0000");
        }
        if (ClockSkew.isUnrepresentable(event.envelope())) {
            return event.refused("its time %s is outside any calendar this server keeps".formatted(event.envelope().occurredAt()));
        }
        return event;
    }
}
