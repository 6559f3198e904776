package io.chainpos.server.member;

import java.util.Map;

/** Members' keys and the chain's secrets as kept at rest, wrapped by the database's key-encryption keys. */
public interface KeysAtRest {
    /** How many were wrapped again by the key that wraps now; {@code left} could not be (their key is not in the file). */
    record Rewrapped(long memberKeys, long chainSecrets, long left) {
    }

    /**
     * Wraps every stored secret not wrapped by the current key with it (those kept unwrapped too), a few hundred a
     * transaction, while the server goes on serving.
     */
    Rewrapped rewrap();

    /**
     * Checks the chain's secrets open with the key file given, before a server serves with it.
     *
     * @throws io.chainpos.server.db.KeyRing.KeyUnavailable when the file lacks the key that wraps them (another chain's
     *         file, or the key retired before {@code kek rewrap} ran)
     */
    void checkOpens();

    /** How many secrets each key wraps ({@code "unwrapped"} for those kept as they are). */
    Map<String, Long> byKey();
}
