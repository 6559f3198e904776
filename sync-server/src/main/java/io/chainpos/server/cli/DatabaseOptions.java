package io.chainpos.server.cli;

import io.chainpos.server.db.DatabaseSettings;
import picocli.CommandLine.Option;

/** {@code --db} and its companions, shared by every command; each can come from the environment instead. */
final class DatabaseOptions {
    @Option(names = "--db", defaultValue = "${env:CHAINPOS_DB:-chainpos.db}",
            description = "A SQLite file (created if missing) or a jdbc:postgresql://host:port/database URL. "
                    + "Env CHAINPOS_DB. Default: ${DEFAULT-VALUE}")
    String database;

    @Option(names = "--db-user", defaultValue = "${env:CHAINPOS_DB_USER}",
            description = "PostgreSQL user (or user= in the URL). Env CHAINPOS_DB_USER. The password comes only from "
                    + "the environment, CHAINPOS_DB_PASSWORD, never from a flag others can read in the process list.")
    String user;

    @Option(names = "--db-password-from-env", hidden = true, defaultValue = "${env:CHAINPOS_DB_PASSWORD}")
    String password;

    @Option(names = "--db-pool", defaultValue = "${env:CHAINPOS_DB_POOL:-16}",
            description = "PostgreSQL connections this node keeps. Env CHAINPOS_DB_POOL. Default: ${DEFAULT-VALUE}")
    int poolSize;

    @Option(names = "--db-connect-timeout", defaultValue = "${env:CHAINPOS_DB_CONNECT_TIMEOUT:-30}",
            description = "Seconds to keep trying to reach PostgreSQL at start. Env CHAINPOS_DB_CONNECT_TIMEOUT. "
                    + "Default: ${DEFAULT-VALUE}")
    int connectTimeoutSeconds;

    @Option(names = "--kek-file", defaultValue = "${env:CHAINPOS_KEK_FILE}",
            description = "The key-encryption keys that wrap members' keys at rest, one '<id> <base64>' a line, the last "
                    + "wrapping (make one with: kek add). Keep it off the database's disk and its backups. Env CHAINPOS_KEK_FILE.")
    java.nio.file.Path keyFile;

    DatabaseSettings settings() {
        return DatabaseSettings.of(database).withCredentials(user, password).withPoolSize(Math.max(1, poolSize))
                .withConnectTimeout(java.time.Duration.ofSeconds(Math.max(1, connectTimeoutSeconds))).withKeyFile(keyFile);
    }
}
