package io.chainpos.server.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts each message as JSON to a provider's URL, signed (see {@link WebhookSignature}) and carrying the message id
 * as its {@code Idempotency-Key}, so a provider that saw the key already answers without sending again. A 2xx is
 * delivered; a 5xx, a timeout or a broken connection is tried again later; any other answer is refused with its
 * status and the start of its body.
 */
public final class WebhookChannel implements MessageChannel {
    private final URI url;
    private final byte[] secret;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookChannel(URI url, byte[] secret, Duration timeout, Clock clock) {
        this.url = url;
        this.secret = secret.clone();
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Delivery deliver(Outgoing message) throws InterruptedException {
        String body = Payloads.json(message);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, now, body))
                .header(WebhookSignature.IDEMPOTENCY_HEADER, message.messageId())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new TryAgain("timeout after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new TryAgain("connection: " + e.getClass().getSimpleName());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Delivered();
        }
        String said = response.body() == null ? "" : response.body().strip();
        String reason = "HTTP " + status + (said.isEmpty() ? "" : ": " + said.substring(0, Math.min(200, said.length())));
        return status >= 500 || status == 429 ? new TryAgain(reason) : new Refused(reason);
    }
}
