package io.chainpos.model.sync;

/** HTTP headers a till sends with every sync request besides its token. */
public final class SyncHeaders {
    /** The till program's version ({@code 0.1.0}), which head office's tills page shows. A header, not an event. */
    public static final String APP_VERSION = "X-ChainPOS-Version";

    private SyncHeaders() {
    }
}
