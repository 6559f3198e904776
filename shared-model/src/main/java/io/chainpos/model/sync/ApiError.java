package io.chainpos.model.sync;

import java.util.Objects;

/**
 * Every 4xx answer: a stable machine-readable {@code error} code ({@link ApiErrorCode}) and a {@code detail} for people.
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

    public static ApiError of(ApiErrorCode error, String detail) {
        return of(error.code(), detail);
    }

    /** The stable code, when this version knows it. */
    public java.util.Optional<ApiErrorCode> code() {
        return ApiErrorCode.parse(error);
    }
}
