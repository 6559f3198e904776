package io.chainpos.model.sync;

import java.util.Objects;

/**
 * Every 4xx answer: a stable machine-readable {@code error} code and a {@code detail} for people.
 * {@code expectedSeq} accompanies a sequence gap. {@code ackedThrough} tells a pusher what is stored: a
 * push that met a reused key with different content (409 {@code conflicting_event}) has still committed
 * the rest of its batch, and the quarantined event is reported to head office.
 */
public record ApiError(String error, String detail, Long expectedSeq, Long ackedThrough) {
    public ApiError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }

    public static ApiError of(String error, String detail) {
        return new ApiError(error, detail, null, null);
    }
}
