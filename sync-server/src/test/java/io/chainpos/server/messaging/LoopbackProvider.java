package io.chainpos.server.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An SMS provider on loopback as a real one behaves: checks each request's signature (401 when wrong), keeps each
 * request, and sends a text only the first time it sees an idempotency key. Its answers can be scripted: a status,
 * or holding the request until released (a gateway that hangs).
 */
final class LoopbackProvider implements AutoCloseable {
    /** One request as it arrived. */
    record Request(String key, String body, boolean signedRight) {
    }

    sealed interface Answer permits Status, Hang {
    }

    record Status(int code, String body) implements Answer {
    }

    /** Holds the request until {@link #release()} (or 30 s), then answers 200. */
    record Hang() implements Answer {
    }

    private final byte[] secret;
    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> texts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch hanging = new CountDownLatch(1);

    LoopbackProvider(byte[] secret) throws IOException {
        this.secret = secret.clone();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sms", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    void release() {
        released.countDown();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The texts actually sent, by idempotency key: one per key whatever arrived. */
    Map<String, String> texts() {
        synchronized (texts) {
            return Map.copyOf(texts);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
        boolean signed = WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                body, exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
        requests.add(new Request(key, body, signed));
        if (!signed) {
            answer(exchange, 401, "bad signature");
            return;
        }
        Answer answer = script.pollFirst();
        if (answer instanceof Status status && status.code() != 200) {
            answer(exchange, status.code(), status.body());
            return;
        }
        texts.putIfAbsent(key, body);
        if (answer instanceof Hang) {
            hanging.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(exchange, 200, "{\"accepted\":true}");
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(code, bytes.length);
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
