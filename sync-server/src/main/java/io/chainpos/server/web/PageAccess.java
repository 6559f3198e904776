package io.chainpos.server.web;

import java.util.Objects;

/**
 * What a page route needs: a permission, and whose data it shows. Declared once, where the route is
 * registered ({@link Pages}); the gate checks it before the handler runs, for every request.
 */
public record PageAccess(Permission permission, Scope scope) {

    /** Whose data a route shows, which decides whether a store manager may use it. */
    public enum Scope {
        /** No sign-in needed (the sign-in page, assets, the language switch). */
        PUBLIC,
        /** The signed-in person's own things (home, own password, sign-out); the use-case narrows to their store. */
        OWN,
        /** The whole chain's data: refused to anyone bound to one store. */
        CHAIN,
        /** One store's data, named by the {@code {store}} path parameter: a store manager only for their own store. */
        STORE
    }

    public PageAccess {
        Objects.requireNonNull(scope, "scope");
        if ((permission == null) != (scope == Scope.PUBLIC)) {
            throw new IllegalArgumentException("a public route needs no permission; every other route needs one");
        }
    }

    public static final PageAccess PUBLIC = new PageAccess(null, Scope.PUBLIC);

    public static PageAccess own(Permission permission) {
        return new PageAccess(permission, Scope.OWN);
    }

    public static PageAccess chain(Permission permission) {
        return new PageAccess(permission, Scope.CHAIN);
    }

    public static PageAccess store(Permission permission) {
        return new PageAccess(permission, Scope.STORE);
    }

    /** Whether {@code viewer} may use a route with this access for {@code store} (the path's, or null). */
    public boolean allows(Viewer viewer, String store) {
        if (scope == Scope.PUBLIC) {
            return true;
        }
        if (viewer == null || !viewer.may(permission)) {
            return false;
        }
        return switch (scope) {
            case PUBLIC, OWN -> true;
            case CHAIN -> viewer.store().isEmpty();
            case STORE -> store != null && viewer.store().map(store::equals).orElse(true);
        };
    }

    @Override
    public String toString() {
        return scope == Scope.PUBLIC ? "public" : scope.name().toLowerCase(java.util.Locale.ROOT) + ":" + permission;
    }
}
