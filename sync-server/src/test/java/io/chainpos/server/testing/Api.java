package io.chainpos.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for the server's API, with or without a bearer token. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final String token;
    private final HttpClient http;

    public Api(URI base, String token) {
        this(base, token, HTTP);
    }

    public Api(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** The same credentials at another server (another node, or the server started again on another port). */
    public Api at(URI other) {
        return new Api(other, token, http);
    }

    /** A client for a server whose certificate {@code tls} trusts (HTTPS). */
    public static HttpClient httpsClient(javax.net.ssl.SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls).build();
    }

    public Api as(String otherToken) {
        return new Api(base, otherToken, http);
    }

    /** The same credential at another address (another server node). */
    public Api on(URI otherBase) {
        return new Api(otherBase, token, http);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    public Reply post(String path, byte[] body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json"));
    }

    public Reply put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    /** {@code POST /api/v1/members/lookup}: the member with this phone, the phone in the body. */
    public Reply memberByPhone(String phone) {
        return post("/api/v1/members/lookup", "{\"phone\":\"" + phone + "\"}");
    }

    public Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A response: status, raw body, and the body as JSON. */
    public record Reply(int status, String body, String contentType) {
        public JsonNode json() {
            return Json.parse(body);
        }

        public String error() {
            return json().path("error").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
