package io.chainpos.server.web;

import java.util.Optional;

/** Finds who a session cookie belongs to; the port the pages' gate asks (sessions live in {@code auth}). */
@FunctionalInterface
public interface Visitors {
    /** The viewer of a live session (not signed out, not idle too long, account not disabled); it counts as activity. */
    Optional<Viewer> bySession(String sessionToken);
}
