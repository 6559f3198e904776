package io.chainpos.server.exception;

import io.chainpos.server.audit.AuditLog;
import java.time.Clock;

/** Head office resolves an exception with a note saying what was done: recorded on the exception and audited. */
public final class ResolveException {
    public static final int MAX_NOTE = 1_000;

    private final ExceptionRecords records;
    private final AuditLog audit;
    private final Clock clock;

    public ResolveException(ExceptionRecords records, AuditLog audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of it; a refused note names its problem ({@code exceptions.problem.<code>}). */
    public sealed interface Outcome {
        record Done() implements Outcome {
        }

        record NoteRefused(String problem) implements Outcome {
        }

        /** Someone resolved it first; their note stands. */
        record AlreadyResolved() implements Outcome {
        }

        record NotFound() implements Outcome {
        }
    }

    public Outcome resolve(String actor, long id, String note) {
        String trimmed = note.strip();
        if (trimmed.isEmpty()) {
            return new Outcome.NoteRefused("note-required");
        }
        if (trimmed.length() > MAX_NOTE) {
            return new Outcome.NoteRefused("note-too-long");
        }
        return switch (records.resolve(id, actor, trimmed, clock.instant())) {
            case RESOLVED -> {
                String store = records.find(id).map(r -> r.exception().storeId()).orElse(null);
                audit.record(actor, "exception.resolved", "#" + id, store, trimmed);
                yield new Outcome.Done();
            }
            case ALREADY_RESOLVED -> new Outcome.AlreadyResolved();
            case NOT_FOUND -> new Outcome.NotFound();
        };
    }
}
