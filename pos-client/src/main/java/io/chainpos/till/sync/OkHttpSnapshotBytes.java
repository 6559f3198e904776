package io.chainpos.till.sync;

import java.io.InputStream;
import okhttp3.Response;

/** A spooled snapshot's bytes as the server's answer brings them, from {@code start} of its file. */
final class OkHttpSnapshotBytes implements SyncApi.SnapshotBytes {
    private final Response response;
    private final long start;

    OkHttpSnapshotBytes(Response response, long start) {
        this.response = response;
        this.start = start;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public InputStream body() {
        return response.body().byteStream();
    }

    @Override
    public void close() {
        response.close();
    }
}
