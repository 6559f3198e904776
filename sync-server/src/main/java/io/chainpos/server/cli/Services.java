package io.chainpos.server.cli;

import io.chainpos.server.auth.Secrets;
import io.chainpos.server.store.Storage;
import java.time.Clock;

/** What the commands need from the composition root ({@code ServerMain}), so they build nothing themselves. */
public interface Services {
    Clock clock();

    Secrets secrets();

    /**
     * @throws Storage.UnsupportedDatabase when {@code database} names one this build cannot open
     */
    Storage openStorage(String database);

    /** Starts the HTTP API on {@code storage}; with {@code demoData}, seeds an empty store first. */
    RunningServer start(Storage storage, String host, int port, boolean demoData);

    /** A started server. */
    interface RunningServer extends AutoCloseable {
        int port();

        @Override
        void close();
    }
}
