package io.chainpos.server.http;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.ApiErrorCode;
import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP face: Javalin with every feature's routes, and one rule for answers that are not 2xx:
 * a JSON {@link ApiError} with a 4xx status, and a 500 (logged) only for a bug.
 */
public final class HttpApi {
    /** A push of 5000 events of a few KB each fits; a runaway client does not exhaust memory. */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    public static Javalin create(EventCodec codec, List<Routes> features) {
        return create(codec, features, jetty -> { });
    }

    /** With {@code listener} adding the connector to listen on (HTTPS); none added: Javalin's plain HTTP one. */
    public static Javalin create(EventCodec codec, List<Routes> features, Consumer<JettyConfig> listener) {
        return Javalin.create(config -> {
            listener.accept(config.jetty);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            // Gzip when the client asks (Accept-Encoding: gzip, as OkHttp does by itself), decided at the first write and
            // compressed as the answer streams: a snapshot or a page of pulls is never held whole in memory. Stated here,
            // although it is Javalin's default, because tills in a big chain depend on it (docs/protocol.md, Transport).
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.GZIP;
            config.jsonMapper(new JavalinJackson(codec.mapper(), false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrors(codec)));
            // Jetty keeps a cache of header fields per connection, about 100 KB each: with every idle till holding a
            // pull open, that was most of a node's heap (1 GB for 10,000 tills). Parsing the few headers a request
            // carries without it costs little.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            features.forEach(feature -> feature.addTo(config.routes));
            config.routes.exception(ApiProblem.class, (problem, ctx) -> ctx.status(problem.status()).json(problem.error()));
            config.routes.exception(MalformedEventException.class,
                    (malformed, ctx) -> ctx.status(400).json(ApiError.of(ApiErrorCode.BAD_REQUEST, Requests.abbreviateLong(malformed.getMessage()))));
            config.routes.exception(HttpResponseException.class, HttpApi::httpProblem);
            config.routes.exception(Exception.class, (bug, ctx) -> {
                LOG.error("event=unexpected_error method={} path={}", ctx.method(), ctx.path(), bug);
                ctx.status(500).json(ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed; the error is logged"));
            });
            config.routes.error(404, ctx -> answerIfEmpty(ctx, ApiErrorCode.NOT_FOUND.code(), "no such resource: " + ctx.method() + " " + ctx.path()));
            config.routes.error(405, ctx -> answerIfEmpty(ctx, ApiErrorCode.METHOD_NOT_ALLOWED.code(), ctx.method() + " is not allowed on " + ctx.path()));
            config.requestLogger.http((ctx, millis) -> LOG.debug("event=http method={} path={} status={} ms={}",
                    ctx.method(), ctx.path(), ctx.statusCode(), millis));
        });
    }

    private static void httpProblem(HttpResponseException e, Context ctx) {
        int status = e.getStatus() >= 400 && e.getStatus() < 500 ? e.getStatus() : 500;
        if (status == 500) {
            LOG.error("event=unexpected_http_error method={} path={}", ctx.method(), ctx.path(), e);
        }
        String error = switch (status) {
            case 400 -> ApiErrorCode.BAD_REQUEST.code();
            case 401 -> ApiErrorCode.UNAUTHORIZED.code();
            case 403 -> ApiErrorCode.FORBIDDEN.code();
            case 404 -> ApiErrorCode.NOT_FOUND.code();
            case 405 -> ApiErrorCode.METHOD_NOT_ALLOWED.code();
            case 413 -> ApiErrorCode.TOO_LARGE.code();
            case 500 -> ApiErrorCode.INTERNAL_ERROR.code();
            default -> ApiErrorCode.BAD_REQUEST.code(); // another 4xx: only published codes go out
        };
        String detail = status == 413 ? "the body is larger than " + MAX_BODY_BYTES + " bytes" : e.getMessage();
        ctx.status(status).json(ApiError.of(error, detail == null || detail.isBlank() ? error : detail));
    }

    private static void answerIfEmpty(Context ctx, String error, String detail) {
        if (ctx.resultInputStream() == null) {
            ctx.json(ApiError.of(error, detail));
        }
    }
}
