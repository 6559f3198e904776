package io.chainpos.server.web;

/** How many things head office must still look at: shown on every page to those who may see them. */
@FunctionalInterface
public interface OpenExceptions {
    long count();
}
