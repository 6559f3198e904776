package io.chainpos.server.http;

import io.javalin.config.RoutesConfig;

/** One feature's endpoints, added to the server by the composition root. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);
}
