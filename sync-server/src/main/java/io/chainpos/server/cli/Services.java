package io.chainpos.server.cli;

import io.chainpos.server.auth.AccountStore;
import io.chainpos.server.auth.Secrets;
import io.chainpos.server.auth.Users;
import io.chainpos.server.web.PageRoute;
import java.util.List;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.log.EventLog;
import java.time.Clock;

/** What the commands need from the composition root ({@code ServerMain}), so they build nothing themselves. */
public interface Services {
    Clock clock();

    Secrets secrets();

    /**
     * @throws Storage.UnsupportedDatabase when {@code database} names one this build cannot open
     */
    default Storage openStorage(String database) {
        return openStorage(DatabaseSettings.of(database));
    }

    /**
     * @throws Storage.UnsupportedDatabase when the settings name a database this build cannot open
     * @throws io.chainpos.server.db.StorageFailure when it cannot be reached, opened or migrated
     */
    Storage openStorage(DatabaseSettings database);

    /**
     * The database {@code database} names, with head office's reports read from the replica {@code readDb} names
     * when there is one.
     *
     * @throws Storage.UnsupportedDatabase when either names a database this build cannot open, or a replica is
     *                                     given for a SQLite database
     * @throws io.chainpos.server.db.StorageFailure when the primary cannot be reached, opened or migrated
     */
    default Storage openStorage(DatabaseSettings database, java.util.Optional<DatabaseSettings> readDb) {
        Storage storage = openStorage(database);
        if (readDb.isEmpty()) {
            return storage;
        }
        try {
            return storage.withReadReplica(readDb.get(), clock());
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** The tills, codes and users kept in {@code storage}. */
    AccountStore accounts(Storage storage);

    /** The event log on {@code storage}, with every read model it keeps. */
    EventLog log(Storage storage);

    /** Head office's audit log on {@code storage}: the command line's acts are recorded there too. */
    io.chainpos.server.audit.AuditLog audit(Storage storage);

    /** Members' keys and the chain's secrets on {@code storage}, as wrapped at rest. */
    io.chainpos.server.member.KeysAtRest keysAtRest(Storage storage);

    /** People's accounts on {@code storage}: creating, changing and signing in, audited. */
    Users users(Storage storage);

    /** Starts the HTTP API on {@code storage}; with {@code demoData}, seeds an empty store first. */
    default RunningServer start(Storage storage, String host, int port, boolean demoData) {
        return start(storage, ServerSettings.of(host, port, demoData));
    }

    /** Starts the HTTP API on {@code storage} as {@code settings} say. */
    RunningServer start(Storage storage, ServerSettings settings);

    /** A started server. */
    interface RunningServer extends AutoCloseable {
        int port();

        /** Head office's page routes with the access each declared. */
        List<PageRoute> pageRoutes();

        /** Every HTTP route the server answers, as {@code METHOD /path}. */
        List<String> httpRoutes();

        @Override
        void close();
    }
}
