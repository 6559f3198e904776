package io.chainpos.server.cli;

import io.chainpos.server.db.DatabaseSettings;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --read-db} and its companions: the replica head office's reports read from; each can come from the environment. */
final class ReadDatabaseOptions {
    @Option(names = "--read-db", defaultValue = "${env:CHAINPOS_READ_DB}",
            description = "A jdbc:postgresql://host:port/database URL of a replica of --db that head office's reports read "
                    + "(sales, members, liabilities, stock, home figures); everything else stays on --db, and reports read "
                    + "--db while the replica cannot be reached. Env CHAINPOS_READ_DB. Default: none.")
    String database;

    @Option(names = "--read-db-user", defaultValue = "${env:CHAINPOS_READ_DB_USER}",
            description = "The replica's PostgreSQL user (or user= in the URL). Env CHAINPOS_READ_DB_USER. The password comes "
                    + "only from the environment, CHAINPOS_READ_DB_PASSWORD.")
    String user;

    @Option(names = "--read-db-password-from-env", hidden = true, defaultValue = "${env:CHAINPOS_READ_DB_PASSWORD}")
    String password;

    @Option(names = "--read-db-pool", defaultValue = "${env:CHAINPOS_READ_DB_POOL:-8}",
            description = "Replica connections this node keeps. Env CHAINPOS_READ_DB_POOL. Default: ${DEFAULT-VALUE}")
    int poolSize;

    /** The replica's settings, when one is given. */
    Optional<DatabaseSettings> settings() {
        if (database == null || database.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DatabaseSettings.of(database).withCredentials(user, password).withPoolSize(Math.max(1, poolSize)));
    }
}
