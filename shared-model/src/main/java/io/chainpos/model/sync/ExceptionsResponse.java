package io.chainpos.model.sync;

import java.util.List;

/** {@code GET /api/v1/exceptions}. */
public record ExceptionsResponse(List<SyncException> exceptions) {
    public ExceptionsResponse {
        exceptions = List.copyOf(exceptions);
    }
}
