package io.chainpos.server.auth;

import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.web.Permission;
import io.javalin.http.Context;

/** Who may call what, at the HTTP edge: 401 without a valid token, 403 with the wrong kind of caller. */
public final class Access {
    private final Authenticator authenticator;

    public Access(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Principal caller(Context ctx) {
        return authenticator.authenticate(Requests.bearerToken(ctx))
                .orElseThrow(() -> ApiProblem.unauthorized("unknown, revoked or expired token"));
    }

    public TillPrincipal till(Context ctx) {
        return switch (caller(ctx)) {
            case TillPrincipal till -> till;
            case UserPrincipal user -> throw ApiProblem.forbidden("only an enrolled till may call this");
        };
    }

    public UserPrincipal headOffice(Context ctx) {
        return switch (caller(ctx)) {
            case UserPrincipal user when user.isHeadOffice() -> user;
            case UserPrincipal user -> throw ApiProblem.forbidden("only head office may call this");
            case TillPrincipal till -> throw ApiProblem.forbidden("only head office may call this");
        };
    }

    /** A head-office user whose role grants {@code permission} (erasing, publishing: an admin, not an analyst). */
    public UserPrincipal headOffice(Context ctx, Permission permission) {
        UserPrincipal user = headOffice(ctx);
        if (!user.role().may(permission)) {
            throw ApiProblem.forbidden("the role " + user.role().label() + " may not do this");
        }
        return user;
    }

    /** A till, or a head-office user. */
    public Principal tillOrHeadOffice(Context ctx) {
        Principal principal = caller(ctx);
        if (principal instanceof UserPrincipal user && !user.isHeadOffice()) {
            throw ApiProblem.forbidden("only a till or head office may call this");
        }
        return principal;
    }
}
