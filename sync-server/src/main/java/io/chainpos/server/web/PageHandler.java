package io.chainpos.server.web;

/** What a page route does once the gate let the request through: call a use-case, then render or redirect. */
@FunctionalInterface
public interface PageHandler {
    void handle(PageRequest request) throws Exception;
}
