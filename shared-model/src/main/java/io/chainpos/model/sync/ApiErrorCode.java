package io.chainpos.model.sync;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable {@code error} codes of the server's API answers (docs/protocol.md, "Errors"): what a client acts on and
 * puts into its own words, while {@link ApiError#detail()} is English for the log and for people reading the wire.
 * A code is never renamed; a new one is added here, in the protocol's table, and in the till's words.
 */
public enum ApiErrorCode {
    BAD_REQUEST("bad_request"),
    PHONE_IN_URL("phone_in_url"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    SEQUENCE_GAP("sequence_gap"),
    CONFLICTING_EVENT("conflicting_event"),
    SNAPSHOT_NEEDED("snapshot_needed"),
    TOO_LARGE("too_large"),
    TOO_MANY_ATTEMPTS("too_many_attempts"),
    LOCKED("locked"),
    INTERNAL_ERROR("internal_error");

    private final String code;

    ApiErrorCode(String code) {
        this.code = code;
    }

    /** The code as it travels in {@code error}. */
    public String code() {
        return code;
    }

    /** The known code {@code error} names, or empty for one this version does not know (a newer server's). */
    public static Optional<ApiErrorCode> parse(String error) {
        return Arrays.stream(values()).filter(c -> c.code.equals(error)).findFirst();
    }
}
