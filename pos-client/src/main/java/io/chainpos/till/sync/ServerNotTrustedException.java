package io.chainpos.till.sync;

import io.chainpos.till.TillMessage;
import java.io.IOException;

/**
 * The TLS handshake with the sync server failed on the server's identity: its certificate is not vouched for, names
 * another host, or carries a key other than the one this till enrolled with. Nothing was sent; the till sells on
 * offline and the cashier is told in words.
 */
public final class ServerNotTrustedException extends IOException {
    private final boolean keyChanged;

    ServerNotTrustedException(IOException handshake) {
        super(describe(handshake), handshake);
        this.keyChanged = keyChanged(handshake);
    }

    /** What the cashier is told, in the till's words (this exception's text is for the log). */
    public TillMessage reason() {
        return TillMessage.of(keyChanged ? TillMessage.Code.SERVER_KEY_CHANGED : TillMessage.Code.SERVER_NOT_TRUSTED);
    }

    /** True when the server presented another key than the one this till enrolled with. */
    public boolean keyChanged() {
        return keyChanged;
    }

    private static String describe(IOException handshake) {
        if (keyChanged(handshake)) {
            return "the server presented another key than the one this till enrolled with, so the till refuses it: someone "
                    + "may be intercepting the network; if the server's certificate was really replaced, enroll the till again";
        }
        return "the server's certificate is not trusted (neither this computer nor the chain's CA vouches for it, or it "
                + "names another host), so the till refuses it: " + handshake.getMessage();
    }

    private static boolean keyChanged(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerTrust.KeyChanged) {
                return true;
            }
        }
        return false;
    }
}
