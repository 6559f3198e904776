package io.chainpos.model.sync;

import java.util.List;

/**
 * The answer to a push, sent only after the server's commit: everything of this till and epoch up to
 * {@code ackedThrough} is stored. {@code quarantined} lists event ids that reused a key with different
 * content; they are kept apart and reported, and the events after them still flow.
 */
public record PushResponse(long ackedThrough, int accepted, int duplicates, List<String> quarantined) {
    public PushResponse {
        quarantined = quarantined == null ? List.of() : List.copyOf(quarantined);
    }
}
