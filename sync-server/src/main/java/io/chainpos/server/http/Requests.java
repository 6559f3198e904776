package io.chainpos.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Reads query parameters and the bearer token, refusing bad ones with a 400 or 401 that says which. */
public final class Requests {
    private static final String BEARER = "bearer ";

    private Requests() {
    }

    public static Optional<Long> longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be an integer: " + abbreviate(value));
        }
    }

    public static String requiredParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("the query parameter " + name + " is required");
        }
        return value;
    }

    /** The token of {@code Authorization: Bearer <token>}, or a 401. */
    public static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiProblem.unauthorized("an Authorization: Bearer token is required");
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ApiProblem.unauthorized("the Authorization header must be: Bearer <token>");
        }
        return header.substring(BEARER.length()).trim();
    }

    /** A parser's message, cut short: it may quote the offending input. */
    public static String abbreviateLong(String message) {
        String text = message == null ? "malformed request" : message;
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    /** A value quoted back in an error, cut short so an error never echoes a megabyte. */
    public static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
