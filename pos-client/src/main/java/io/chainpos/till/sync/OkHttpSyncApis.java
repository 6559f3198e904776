package io.chainpos.till.sync;

import io.chainpos.model.json.EventCodec;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The till's two OkHttp clients over one {@link ServerTrust}: sync, which holds the server to the key the till
 * enrolled with, and enrollment, which trusts the server by its certificate only (a new enrollment may meet a new key).
 */
public final class OkHttpSyncApis implements AutoCloseable {
    private final EventCodec codec;
    private final ServerTrust trust;
    private final OkHttpClient sync;
    private final OkHttpClient enrolling;

    public OkHttpSyncApis(EventCodec codec, ServerTrust trust) {
        this.codec = codec;
        this.trust = trust;
        this.sync = OkHttpSyncApi.client(trust.pinned());
        this.enrolling = OkHttpSyncApi.client(trust.enrolling());
    }

    public SyncApi sync(Supplier<URI> url, Supplier<String> token) {
        return new OkHttpSyncApi(sync, codec, url, token);
    }

    public SyncApi enrolling(URI url) {
        return new OkHttpSyncApi(enrolling, codec, () -> url, () -> null);
    }

    public ServerTrust trust() {
        return trust;
    }

    @Override
    public void close() {
        for (OkHttpClient client : List.of(sync, enrolling)) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
