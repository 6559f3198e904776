package io.chainpos.server.web;

import java.util.Objects;

/** A registered page route: method, Javalin path, and the access it declared. */
public record PageRoute(String method, String path, PageAccess access) {
    public PageRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        if (access.scope() == PageAccess.Scope.STORE && !path.contains("{store}")) {
            throw new IllegalArgumentException(path + " is store-scoped, so its path names the store: {store}");
        }
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
