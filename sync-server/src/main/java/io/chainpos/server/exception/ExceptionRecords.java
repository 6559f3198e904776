package io.chainpos.server.exception;

import io.chainpos.model.sync.SyncException;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The exceptions as head office works through them: listed by store, kind, date and status, and resolved with a note. */
public interface ExceptionRecords {
    ListSpec LIST = new ListSpec(List.of(new ListSpec.Column("at", "id", true), new ListSpec.Column("kind", "kind", false),
            new ListSpec.Column("store", "COALESCE(store_id, '')", false)),
            new ListSpec.Column("id", "id", true), "at", true, Set.of("store", "kind", "from", "to", "status"), 50);

    /** An exception with its number and, once resolved, who resolved it, when and with what note. */
    record Recorded(long id, SyncException exception, Instant resolved, String resolvedBy, String note) {
        public boolean isOpen() {
            return resolved == null;
        }
    }

    /** Which exceptions: open, resolved or both. */
    enum Status { OPEN, RESOLVED, ALL }

    /** What a list shows: each part empty for "any"; {@code from} inclusive, {@code until} exclusive. */
    record Filter(Optional<String> store, Optional<SyncException.Kind> kind, Optional<Instant> from, Optional<Instant> until,
                  Status status) {
    }

    Slice<Recorded> list(Filter filter, ListRequest request);

    Optional<Recorded> find(long id);

    /** What became of resolving one. */
    enum Resolved { RESOLVED, ALREADY_RESOLVED, NOT_FOUND }

    /** Resolves it if it is still open (of two people resolving one, the second is told). */
    Resolved resolve(long id, String actor, String note, Instant at);
}
