package io.chainpos.server.http;

import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.ApiErrorCode;

/**
 * A request the server refuses, with the 4xx status and the JSON body to answer. Thrown only at the HTTP
 * edge (parsing, credentials); use-cases return sealed results that handlers turn into these.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final transient ApiError error;

    public ApiProblem(int status, ApiError error) {
        super(error.error() + ": " + error.detail(), null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refused request is a 4xx, not " + status);
        }
        this.status = status;
        this.error = error;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, ApiError.of(ApiErrorCode.BAD_REQUEST, detail));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, ApiError.of(ApiErrorCode.UNAUTHORIZED, detail));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, ApiError.of(ApiErrorCode.FORBIDDEN, detail));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, ApiError.of(ApiErrorCode.NOT_FOUND, detail));
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, ApiError.of(ApiErrorCode.TOO_LARGE, detail));
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
