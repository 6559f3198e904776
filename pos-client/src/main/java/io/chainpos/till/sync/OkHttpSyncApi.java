package io.chainpos.till.sync;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.EnrollRequest;
import io.chainpos.model.sync.EnrollResponse;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.model.sync.PushResponse;
import io.chainpos.model.sync.SyncHeaders;
import io.chainpos.till.TillMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509TrustManager;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The sync server over HTTP with OkHttp: JSON bodies, the till's bearer token on every call. */
public final class OkHttpSyncApi implements SyncApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** A held pull's answer may take this much longer than its wait (the server reads the log, a busy node queues it). */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(20);
    /** How long the server may take to write a snapshot before it answers. */
    private static final Duration SPOOL_TIMEOUT = Duration.ofMinutes(15);

    private final OkHttpClient client;
    private final EventCodec codec;
    private final Supplier<URI> baseUrl;
    private final Supplier<String> token;
    private final Set<Call> waiting = ConcurrentHashMap.newKeySet();

    public OkHttpSyncApi(OkHttpClient client, EventCodec codec, Supplier<URI> baseUrl, Supplier<String> token) {
        this.client = client;
        this.codec = codec;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The default client, verifying the server with {@code trust} (the till's {@link ServerTrust}). */
    public static OkHttpClient client(X509TrustManager trust) {
        return defaultClient().newBuilder()
                .sslSocketFactory(ServerTrust.context(trust).getSocketFactory(), trust)
                .build();
    }

    /** A client with timeouts a counter can live with: a dead network is found out in seconds, in the background. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                // Idle connections are dropped before the server's (Jetty closes them after 30 s): a pooled connection the
                // server already closed fails the next request with "unexpected end of stream", and retries are off.
                .connectionPool(new ConnectionPool(5, 15, TimeUnit.SECONDS))
                .build();
    }

    @Override
    public PushOutcome push(PushRequest request) throws IOException {
        Request http = authorized(url("api/v1/sync/push").build())
                .post(RequestBody.create(codec.write(request), JSON))
                .build();
        try (Response response = execute(http)) {
            String body = body(response);
            if (response.isSuccessful()) {
                return new Acked(read(body, PushResponse.class));
            }
            ApiError error = error(response.code(), body);
            if (response.code() == 409 && "sequence_gap".equals(error.error()) && error.expectedSeq() != null) {
                return new Gap(error.expectedSeq());
            }
            if (response.code() == 409 && "conflicting_event".equals(error.error()) && error.ackedThrough() != null) {
                return new Conflict(error.ackedThrough(), error.detail());
            }
            if (response.code() >= 500) {
                throw failed(response.code(), error);
            }
            return new Refused(response.code(), error);
        }
    }

    @Override
    public PullOutcome pull(long cursor, int limit) throws IOException {
        return pull(cursor, limit, Duration.ZERO);
    }

    @Override
    public PullOutcome pull(long cursor, int limit, Duration wait) throws IOException {
        HttpUrl.Builder builder = url("api/v1/sync/pull")
                .addQueryParameter("after", Long.toString(cursor))
                .addQueryParameter("limit", Integer.toString(limit));
        if (!wait.isZero()) {
            builder.addQueryParameter("wait", Long.toString(wait.toSeconds()));
        }
        Request request = authorized(builder.build()).get().build();
        try (Response response = wait.isZero() ? execute(request) : executeWaiting(request, wait)) {
            if (response.code() == 410) {
                ApiError error = error(response.code(), body(response));
                if ("snapshot_needed".equals(error.error())) {
                    return new SnapshotNeeded(error.detail());
                }
                throw new SyncRefusedException(response.code(), error);
            }
            return new Pulled(ok(response, PullResponse.class));
        }
    }

    @Override
    public Snapshot snapshot(Map<Integer, Long> held) throws IOException {
        HttpUrl url = url("api/v1/sync/snapshot").addQueryParameter("have", have(held)).build();
        Response response = execute(authorized(url).get().build());
        if (!response.isSuccessful()) {
            try (response) {
                ApiError error = error(response.code(), body(response));
                if (response.code() >= 500) {
                    throw failed(response.code(), error);
                }
                throw new SyncRefusedException(response.code(), error);
            }
        }
        return SnapshotJson.open(response.body().byteStream(), response, codec);
    }

    @Override
    public Optional<SpooledSnapshot> spoolSnapshot(Map<Integer, Long> held) throws IOException {
        HttpUrl url = url("api/v1/sync/snapshots").addQueryParameter("have", have(held)).build();
        Request request = authorized(url).post(RequestBody.create(new byte[0], null)).build();
        // The server writes the whole snapshot before it answers: a chain of millions of members takes minutes.
        try (Response response = execute(client.newBuilder().readTimeout(SPOOL_TIMEOUT).build().newCall(request))) {
            if (response.code() == 404 || response.code() == 405) {
                return Optional.empty();
            }
            return Optional.of(ok(response, SpooledSnapshot.class));
        }
    }

    @Override
    public Optional<SnapshotBytes> snapshotBytes(String id, long from) throws IOException {
        Request.Builder request = authorized(url("api/v1/sync/snapshots").addPathSegment(id).build()).get()
                // the file is gzip already: its bytes as they are, so a range counts bytes of the file
                .header("Accept-Encoding", "identity");
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        Response response = execute(request.build());
        if (response.code() == 404) {
            response.close();
            return Optional.empty();
        }
        if (response.code() != 200 && response.code() != 206) {
            try (response) {
                ok(response, com.fasterxml.jackson.databind.JsonNode.class);
                throw new ServerAnswerException(TillMessage.of(TillMessage.Code.SERVER_ANSWER_UNREADABLE),
                        "the sync server answered a snapshot's bytes with " + response.code(), null);
            }
        }
        return Optional.of(new OkHttpSnapshotBytes(response, response.code() == 206 ? from : 0));
    }

    private static String have(Map<Integer, Long> held) {
        return held.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public Enrollment enroll(String code) throws IOException {
        Request http = identified(url("api/v1/enroll").build())
                .post(RequestBody.create(codec.write(new EnrollRequest(code)), JSON))
                .build();
        try (Response response = execute(http)) {
            EnrollResponse enrolled = ok(response, EnrollResponse.class);
            Handshake handshake = response.handshake();
            String pin = handshake == null || handshake.peerCertificates().isEmpty() ? null
                    : ServerTrust.keyPin((X509Certificate) handshake.peerCertificates().getFirst());
            return new Enrollment(enrolled, pin);
        }
    }

    /** Sends {@code request}; a handshake refused on the server's identity is a {@link ServerNotTrustedException}. */
    private Response execute(Request request) throws IOException {
        return execute(client.newCall(request));
    }

    private static Response execute(Call call) throws IOException {
        try {
            return call.execute();
        } catch (SSLPeerUnverifiedException | SSLHandshakeException e) {
            throw new ServerNotTrustedException(e);
        }
    }

    /** A pull the server may hold for {@code wait}: read with a timeout above it, and cancelled when the till closes. */
    private Response executeWaiting(Request request, Duration wait) throws IOException {
        Call call = client.newBuilder().readTimeout(wait.plus(WAIT_MARGIN)).build().newCall(request);
        waiting.add(call);
        try {
            return execute(call);
        } finally {
            waiting.remove(call);
        }
    }

    @Override
    public void cancelWaitingPulls() {
        waiting.forEach(Call::cancel);
    }

    @Override
    public void handOverKeys(MemberKeys keys) throws IOException {
        Request http = authorized(url("api/v1/members/keys").build()).put(RequestBody.create(codec.write(keys), JSON)).build();
        try (Response response = execute(http)) {
            ok(response, com.fasterxml.jackson.databind.JsonNode.class);
        }
    }

    @Override
    public MemberKeys fetchKeys(MemberIds members) throws IOException {
        Request http = authorized(url("api/v1/members/keys/lookup").build())
                .post(RequestBody.create(codec.write(members), JSON)).build();
        try (Response response = execute(http)) {
            return ok(response, MemberKeys.class);
        }
    }

    @Override
    public java.util.Optional<String> memberHistory(io.chainpos.model.id.MemberId member) throws IOException {
        Request http = authorized(url("api/v1/members/" + member + "/history").build()).get().build();
        try (Response response = execute(http)) {
            if (response.code() == 404) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(ok(response, com.fasterxml.jackson.databind.JsonNode.class).toString());
        }
    }

    private <T> T ok(Response response, Class<T> type) throws IOException {
        String body = body(response);
        if (response.isSuccessful()) {
            return read(body, type);
        }
        ApiError error = error(response.code(), body);
        if (response.code() >= 500) {
            throw failed(response.code(), error);
        }
        throw new SyncRefusedException(response.code(), error);
    }

    private <T> T read(String body, Class<T> type) throws IOException {
        try {
            return codec.read(body, type);
        } catch (MalformedEventException e) {
            throw new ServerAnswerException(TillMessage.of(TillMessage.Code.SERVER_ANSWER_UNREADABLE),
                    "the sync server's answer could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The server's JSON error. An answer that is not one (cut short on the way, or a proxy's page) says
     * nothing the till can act on: it is treated as not having reached the server, and tried again later.
     */
    private ApiError error(int status, String body) throws IOException {
        try {
            return codec.read(body, ApiError.class);
        } catch (MalformedEventException e) {
            throw new ServerAnswerException(TillMessage.of(TillMessage.Code.SERVER_ANSWER_UNREADABLE),
                    "the sync server's " + status + " answer could not be read: "
                    + (body.length() > 200 ? body.substring(0, 200) : body), e);
        }
    }

    private static ServerAnswerException failed(int status, ApiError error) {
        return new ServerAnswerException(TillMessage.server(status, error.error()),
                "the sync server failed: " + status + " " + error.detail(), null);
    }

    private static String body(Response response) throws IOException {
        return response.body() == null ? "" : response.body().string();
    }

    private HttpUrl.Builder url(String path) {
        URI address = baseUrl.get();
        HttpUrl base = address == null ? null : HttpUrl.get(address);
        if (base == null) {
            throw new IllegalStateException("no sync server address is set");
        }
        return base.newBuilder().addPathSegments(path);
    }

    /** Every request says which till program sends it: a header, so the events and their JSON stay as they are. */
    private static Request.Builder identified(HttpUrl url) {
        return new Request.Builder().url(url)
                .header(SyncHeaders.APP_VERSION, AppVersion.current())
                .header("User-Agent", "ChainPOS-till/" + AppVersion.current());
    }

    private Request.Builder authorized(HttpUrl url) {
        Request.Builder builder = identified(url);
        String bearer = token.get();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }
}
