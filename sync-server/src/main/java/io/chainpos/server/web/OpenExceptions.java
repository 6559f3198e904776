package io.chainpos.server.web;

/** How many things head office must still look at: shown on every page to those who may see them. */
public interface OpenExceptions {
    /** Open in the whole chain. */
    long count();

    /** Open in one store (what a store manager's pages show). */
    long countIn(String store);
}
