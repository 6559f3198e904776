package io.chainpos.till.ledger;

import java.util.Optional;

/**
 * How a secret kept in the ledger file (the till's bearer token) is wrapped by the till's key-encryption key, so a
 * copy of the ledger without the key file cannot push as the till. {@code name} is bound to the wrapped value.
 */
public interface SecretWrap {
    /** How a wrapped value begins ({@code KeyWrap}'s format); without a key it cannot be opened. */
    String WRAPPED = "kek1:";

    String wrap(String name, String secret);

    /** The secret, or empty when another key wrapped it (a ledger copied without its key file). */
    Optional<String> unwrap(String name, String stored);

    /** Keeps secrets as they are: tests and benchmarks that open a ledger without a key file. */
    static SecretWrap none() {
        return new SecretWrap() {
            @Override
            public String wrap(String name, String secret) {
                return secret;
            }

            @Override
            public Optional<String> unwrap(String name, String stored) {
                return stored.startsWith(WRAPPED) ? Optional.empty() : Optional.of(stored);
            }
        };
    }
}
