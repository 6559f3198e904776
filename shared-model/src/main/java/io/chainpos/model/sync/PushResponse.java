package io.chainpos.model.sync;

/**
 * The answer to a push, sent only after the server's commit: everything of this till and epoch up to
 * {@code ackedThrough} is stored; {@code accepted} were new, {@code duplicates} were already there.
 */
public record PushResponse(long ackedThrough, int accepted, int duplicates) {
}
