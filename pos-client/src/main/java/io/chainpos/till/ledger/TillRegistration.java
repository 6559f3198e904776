package io.chainpos.till.ledger;

import java.util.Optional;

/** Who this till is (store, till id, epoch) and the sync server it is enrolled with, with its device token. */
public interface TillRegistration {

    Optional<TillIdentity> identity();

    /**
     * Makes this ledger the till {@code identity}. A till may come back under a new epoch (re-enrolled after
     * a reinstall or restore); it may not become another till while it still owes the server events.
     */
    void enroll(TillIdentity identity);

    /** The sync server this till is enrolled with and its device token, once enrolled. */
    Optional<ServerLink> serverLink();

    /** Keeps the server address and device token an enrollment gave; {@link #enroll} must have run first. */
    void link(ServerLink link);

    /**
     * Writes a device token kept in the clear (by a version before tokens were wrapped) again, wrapped; true when there
     * was one, false when the token is wrapped already, there is none, or this ledger has no key to wrap with.
     */
    boolean wrapClearToken();
}
