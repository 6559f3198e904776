package io.chainpos.till.sync.sim;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.Interceptor;

/**
 * One simulated counter: a real ledger file with a real sync agent, its own wall clock (which may run ahead,
 * behind or step back), and what the simulation does to it: cut it off, kill it, back it up, restore it.
 */
final class SimTill implements AutoCloseable {
    final String store;
    final String tillId;
    final Path file;
    final ManualClock clock;
    final Interceptor network;
    SyncedTill synced;
    /** How far this till's clock is from true time. */
    Duration skew = Duration.ZERO;
    /** Steps the network stays down for this till. */
    int partitionedFor;
    /** An online copy of the ledger, taken with VACUUM INTO, to restore from. */
    Path backup;
    int restores;

    SimTill(String store, String tillId, Path file, Instant now, Interceptor network) {
        this.store = store;
        this.tillId = tillId;
        this.file = file;
        this.clock = new ManualClock(now);
        this.network = network;
    }

    /** Small batches and pages, so a run pushes in several batches and pulls across several pages. */
    static final SyncAgent.Settings SETTINGS = new SyncAgent.Settings(7, 5, Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofMinutes(5));

    void enroll(Supplier<URI> server, String code) {
        synced = SyncedTill.enroll(file, clock, server, code, SETTINGS, network);
    }

    /** The simulation's time moved (or this till's skew changed): its wall clock follows, skew included. */
    void timeIs(Instant now) {
        clock.set(now.plus(skew));
    }

    /** The process dies and starts again on the same ledger: whatever was not committed is gone. */
    void kill(Supplier<URI> server) {
        synced.close();
        synced = SyncedTill.reopen(file, clock, server, SETTINGS, network);
    }

    void takeBackup(Path to) {
        try {
            Files.deleteIfExists(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synced.till.ledger.read(s -> s.handle().execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'"));
        backup = to;
    }

    /**
     * The disk died and the till comes back from its last backup, enrolled again: a new epoch, so the sequence
     * numbers after the backup are never reused. Events recorded after the backup and never pushed are lost
     * with the disk; those pushed the server still has.
     */
    void restoreFromBackup(Supplier<URI> server, String code) {
        synced.close();
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
            Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restores++;
        enroll(server, code);
    }

    boolean isCutOff() {
        return partitionedFor > 0;
    }

    @Override
    public void close() {
        if (synced != null) {
            synced.close();
        }
    }

    @Override
    public String toString() {
        return tillId;
    }
}
