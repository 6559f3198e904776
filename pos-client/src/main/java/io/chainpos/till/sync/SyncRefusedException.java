package io.chainpos.till.sync;

import io.chainpos.model.sync.ApiError;

/** The server answered, and said no: a bad token, a wrong till, a request it cannot take. */
public final class SyncRefusedException extends RuntimeException {
    private final int status;
    private final ApiError error;

    public SyncRefusedException(int status, ApiError error) {
        super("the sync server refused (" + status + " " + error.error() + "): " + error.detail());
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    /** What the cashier is told: the server's code in the till's words, never its English detail. */
    public io.chainpos.till.TillMessage reason() {
        return io.chainpos.till.TillMessage.server(status, error.error());
    }
}
