package io.chainpos.server.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/messages/opt-out}: the provider forwards a member's 退订 reply as {@code {"messageId": "..."}},
 * signed as the chain signs its own posts ({@link WebhookSignature}, the same secret, a timestamp within five
 * minutes). The member who was sent that message opts out at once.
 */
public final class OptOutRoutes implements Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Messaging messaging;
    private final Optional<byte[]> secret;
    private final Clock clock;

    public OptOutRoutes(Messaging messaging, Optional<byte[]> secret, Clock clock) {
        this.messaging = messaging;
        this.secret = secret.map(byte[]::clone);
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/messages/opt-out", this::optOut);
    }

    private void optOut(Context ctx) {
        if (secret.isEmpty()) {
            throw ApiProblem.unauthorized("no webhook secret is configured on this server");
        }
        String body = ctx.body();
        String timestamp = ctx.header(WebhookSignature.TIMESTAMP_HEADER);
        if (!WebhookSignature.verify(secret.get(), timestamp, body, ctx.header(WebhookSignature.SIGNATURE_HEADER))) {
            throw ApiProblem.unauthorized("bad or missing signature");
        }
        if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > SKEW.toSeconds()) {
            throw ApiProblem.unauthorized("timestamp too far from now");
        }
        String messageId;
        try {
            JsonNode json = JSON.readTree(body);
            messageId = json == null || !json.hasNonNull("messageId") ? null : json.get("messageId").asText();
        } catch (IOException e) {
            throw ApiProblem.badRequest("not JSON");
        }
        if (messageId == null) {
            throw ApiProblem.badRequest("messageId is required");
        }
        Optional<String> member = messaging.optOutByReply(messageId);
        if (member.isEmpty()) {
            throw ApiProblem.notFound("no such message");
        }
        ctx.json(Map.of("memberId", member.get(), "optedOut", true));
    }
}
