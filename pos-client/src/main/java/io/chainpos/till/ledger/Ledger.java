package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The till's ledger: an append-only log of facts, with the tables derived from it (projections) updated in the
 * same transaction. A fact is durable once {@link #write} returns; the receipt prints only after that. Its other
 * parts, each with its own port: who this till is ({@link #registration()}), what the server holds and where the
 * next pull starts ({@link #syncMarks()}), and the events of other tills and head office ({@link #remote()}).
 */
public interface Ledger extends AutoCloseable {

    /** Opens (creating if needed) the ledger file at {@code file} and brings its schema up to date. */
    static Ledger open(Path file, Clock clock, EventCodec codec, List<Projection> projections) {
        return SqliteLedger.open(file, clock, codec, projections, SecretWrap.none());
    }

    /** As {@link #open(Path, Clock, EventCodec, List)}, keeping the till's bearer token wrapped by {@code tokenWrap}. */
    static Ledger open(Path file, Clock clock, EventCodec codec, List<Projection> projections, SecretWrap tokenWrap) {
        return SqliteLedger.open(file, clock, codec, projections, tokenWrap);
    }

    /** The ledger's SQLite file (its backups copy it with {@link LedgerCopies}). */
    Path file();

    /**
     * Runs {@code work} as one transaction: all it appends, and every projection change, commit together or
     * not at all. Listeners hear of the appended events after the commit.
     */
    <R> R write(Function<LedgerTransaction, R> work);

    /**
     * Writes the till's device state (the print queue, the member keys) in one transaction on the ledger file.
     * It appends no event, tells no listener and is not replayed by {@link #rebuildProjections}: a receipt
     * waiting for paper is not a business fact.
     */
    <R> R writeState(Function<LedgerSession, R> work);

    /** Runs a query on the read connection; it sees only committed data and never waits for a writer. */
    <R> R read(Function<LedgerSession, R> query);

    /** Called with the events of each committed transaction, on the committing thread; keep it short. */
    void onCommit(Consumer<List<EventEnvelope>> listener);

    /** Recomputes every projection from the log (local and pulled events, in hybrid-clock order). */
    void rebuildProjections();

    /**
     * Copies the write-ahead log into the ledger file and truncates it, so rows a deletion overwrote (an erased
     * member's key) leave no older copy in the WAL. Returns false when a reader kept the log from being truncated.
     */
    boolean scrub();

    /** Whose log this is: the till's identity once enrolled ({@link TillRegistration#identity()}). */
    default Optional<TillIdentity> identity() {
        return registration().identity();
    }

    /** Who this till is and which server it is enrolled with. */
    TillRegistration registration();

    /** What the server has acknowledged, what is still owed to it, and where the next pull starts. */
    SyncMarks syncMarks();

    /** Events other tills and head office recorded, as pulled or as a snapshot. */
    RemoteEvents remote();

    @Override
    void close();
}
