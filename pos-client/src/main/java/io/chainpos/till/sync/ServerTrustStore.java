package io.chainpos.till.sync;

import io.chainpos.till.ledger.LedgerSession;
import java.util.Optional;

/** Where the till keeps the server's key pin and chain CA: the ledger's secrets table, beside the lookup secret. */
final class ServerTrustStore {
    Optional<String> read(LedgerSession session, String name) {
        return session.handle().createQuery("SELECT value FROM till_secrets WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne();
    }

    void write(LedgerSession session, String name, String value) {
        session.handle().createUpdate("INSERT INTO till_secrets (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = :value")
                .bind("name", name).bind("value", value).execute();
    }

    void remove(LedgerSession session, String name) {
        session.handle().createUpdate("DELETE FROM till_secrets WHERE name = :name").bind("name", name).execute();
    }
}
