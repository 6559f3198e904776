package io.chainpos.model.sync;

/** {@code POST /api/v1/enroll}: the one-time code head office gave for this till. */
public record EnrollRequest(String code) {
}
