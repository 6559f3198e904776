package io.chainpos.server.audit;

/**
 * Where head office's acts are recorded for later: who did what to what, and when (the log keeps the time).
 * Call it after the act succeeded: {@code audit.record(viewer.username(), "catalog.published", "price list 12",
 * null, "3 products")}. An action is a dotted code; its words are the message {@code audit.action.<code>} in
 * the feature's bundle.
 */
@FunctionalInterface
public interface AuditLog {
    /**
     * @param actor  the username who acted ({@code -} when nobody signed in did, such as a lock after wrong passwords)
     * @param action a code like {@code user.created}, {@code sign-in.locked}
     * @param target what it was done to (a username, a SKU, a member id)
     * @param store  the store it concerns, or null for the chain
     * @param detail more, in the actor's terms (no personal data: never a phone number or a name)
     */
    void record(String actor, String action, String target, String store, String detail);
}
