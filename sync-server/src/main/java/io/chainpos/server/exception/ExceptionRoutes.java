package io.chainpos.server.exception;

import io.chainpos.model.sync.ExceptionsResponse;
import io.chainpos.server.auth.Access;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/v1/exceptions}: what head office must resolve, newest last. Head office only. */
public final class ExceptionRoutes implements Routes {
    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;

    private final Access access;
    private final ExceptionLog exceptions;

    public ExceptionRoutes(Access access, ExceptionLog exceptions) {
        this.access = access;
        this.exceptions = exceptions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/exceptions", this::list);
    }

    private void list(Context ctx) {
        access.headOffice(ctx);
        long limit = Requests.longParam(ctx, "limit").orElse((long) DEFAULT_LIMIT);
        if (limit < 1) {
            throw ApiProblem.badRequest("limit must be at least 1");
        }
        ctx.json(new ExceptionsResponse(exceptions.exceptions((int) Math.min(limit, MAX_LIMIT))));
    }
}
