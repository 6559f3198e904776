package io.chainpos.till.sync;

import io.chainpos.till.TillMessage;
import java.io.IOException;

/**
 * The server was reached but its answer cannot be used (it failed, or sent something the till cannot read): tried
 * again later like a network fault, and told to the cashier by its {@link #reason()}, never by this text.
 */
public final class ServerAnswerException extends IOException {
    private final TillMessage reason;

    ServerAnswerException(TillMessage reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public TillMessage reason() {
        return reason;
    }
}
