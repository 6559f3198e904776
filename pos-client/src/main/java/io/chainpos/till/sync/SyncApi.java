package io.chainpos.till.sync;

import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.EnrollResponse;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.model.sync.PushResponse;
import java.io.IOException;

/** The sync server as the till sees it. An {@link IOException} means the server was not reached or did not answer. */
public interface SyncApi {

    PushOutcome push(PushRequest request) throws IOException;

    /** Events from other tills after {@code cursor}; a refusal (401, 4xx) is a {@link SyncRefusedException}. */
    PullResponse pull(long cursor, int limit) throws IOException;

    EnrollResponse enroll(String code) throws IOException;

    /** What the server said to a push. */
    sealed interface PushOutcome permits Acked, Gap, Conflict, Refused {
    }

    record Acked(PushResponse response) implements PushOutcome {
    }

    /** The server holds this till's events through {@code expectedSeq - 1} and wants the next from there. */
    record Gap(long expectedSeq) implements PushOutcome {
    }

    /** An event reused a stored key with other content: quarantined on the server; the rest was stored. */
    record Conflict(long ackedThrough, String detail) implements PushOutcome {
    }

    /** Any other 4xx: the batch was not stored. */
    record Refused(int status, ApiError error) implements PushOutcome {
    }
}
