package io.chainpos.model.sync;

/** A session token for {@code Authorization: Bearer} on head-office calls. */
public record LoginResponse(String token) {
}
