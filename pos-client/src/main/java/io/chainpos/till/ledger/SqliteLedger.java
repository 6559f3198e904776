package io.chainpos.till.ledger;

import io.chainpos.model.event.ChainHead;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventChain;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.json.EventCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** The ledger on a SQLite file: the event log in {@code ledger_events}, and its parts over the same file. */
final class SqliteLedger implements Ledger {
    private final LedgerFile file;
    private final Path path;
    private final Clock clock;
    private final SqliteTillRegistration registration;
    private final SqliteSyncMarks marks;
    private final SqliteRemoteEvents remote;
    private final List<Consumer<List<EventEnvelope>>> commitListeners = new CopyOnWriteArrayList<>();

    private SqliteLedger(LedgerFile file, Path path, Clock clock, SecretWrap tokenWrap) {
        this.file = file;
        this.path = path;
        this.clock = clock;
        this.marks = new SqliteSyncMarks(file, this::identity);
        this.registration = new SqliteTillRegistration(file, marks, tokenWrap);
        this.remote = new SqliteRemoteEvents(file, this::identity);
    }

    static SqliteLedger open(Path path, Clock clock, EventCodec codec, List<Projection> projections, SecretWrap tokenWrap) {
        LedgerFile file = LedgerFile.open(path, clock, codec, projections);
        try {
            return new SqliteLedger(file, path, clock, tokenWrap);
        } catch (RuntimeException e) {
            file.close();
            throw new LedgerException("cannot open the till ledger at " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public <R> R write(Function<LedgerTransaction, R> work) {
        TillIdentity self = registration.identity().orElseThrow(() -> new IllegalStateException(
                "this till is not enrolled yet: it has no store and till id to record under"));
        List<EventEnvelope> appended = new ArrayList<>();
        R result = file.inTransaction(h -> {
            Transaction tx = new Transaction(h, self, appended);
            R done = work.apply(tx);
            tx.saveChainHead();
            return done;
        });
        if (!appended.isEmpty()) {
            List<EventEnvelope> committed = List.copyOf(appended);
            commitListeners.forEach(listener -> listener.accept(committed));
        }
        return result;
    }

    @Override
    public <R> R writeState(Function<LedgerSession, R> work) {
        return file.inTransaction(h -> work.apply(() -> h));
    }

    @Override
    public <R> R read(Function<LedgerSession, R> query) {
        return file.read(query);
    }

    @Override
    public void onCommit(Consumer<List<EventEnvelope>> listener) {
        commitListeners.add(listener);
    }

    @Override
    public void rebuildProjections() {
        TillIdentity self = registration.identity().orElse(null);
        file.inTransaction(h -> {
            file.replay(h, self);
            return null;
        });
    }

    @Override
    public boolean scrub() {
        return file.checkpoint();
    }

    @Override
    public TillRegistration registration() {
        return registration;
    }

    @Override
    public SyncMarks syncMarks() {
        return marks;
    }

    @Override
    public RemoteEvents remote() {
        return remote;
    }

    @Override
    public void close() {
        file.close();
    }

    /** One write transaction's view; only valid inside {@link #write}. */
    private final class Transaction implements LedgerTransaction {
        private final Handle handle;
        private final TillIdentity self;
        private final List<EventEnvelope> appended;
        private final Instant now;
        private long nextSeq;
        /** The hash the next event carries; with {@code nextSeq}, read once per transaction and kept in memory. */
        private String prevHash;

        Transaction(Handle handle, TillIdentity self, List<EventEnvelope> appended) {
            this.handle = handle;
            this.self = self;
            this.appended = appended;
            this.now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public EventEnvelope append(Event payload) {
            if (nextSeq == 0) {
                startChain();
            }
            EventEnvelope envelope = new EventEnvelope(EventId.newId(clock), self.storeId(), self.tillId(), self.epoch(),
                    nextSeq, file.hlc().now(), now, payload, prevHash);
            // Stored in its canonical spelling, so the text written is the text hashed: one encoding per event.
            String json = file.codec().toCanonicalJson(envelope);
            handle.createUpdate("INSERT INTO ledger_events (till_epoch, till_seq, event_id, type, hlc, occurred_at, envelope) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, envelope.tillEpoch())
                    .bind(1, envelope.tillSeq())
                    .bind(2, envelope.eventId().toString())
                    .bind(3, envelope.type())
                    .bind(4, envelope.hlc())
                    .bind(5, envelope.occurredAt().toString())
                    .bind(6, json)
                    .execute();
            prevHash = EventChain.hashOf(json);
            nextSeq++;
            file.project(handle, self, envelope);
            appended.add(envelope);
            return envelope;
        }

        /**
         * Where this transaction's events go: after the last seq in the log and the chain's head, whichever is further
         * (a row deleted at the end of the log leaves a hole, reported when pushed), linked to the head's hash. An
         * epoch with no head yet links to the hash of its last event (written before the chain) or to the genesis.
         */
        private void startChain() {
            long inLog = handle.createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events WHERE till_epoch = ?")
                    .bind(0, self.epoch()).mapTo(Long.class).one();
            Optional<ChainHead> head = handle.createQuery("SELECT till_seq, hash FROM ledger_chain WHERE till_epoch = ?")
                    .bind(0, self.epoch()).map((rs, ctx) -> new ChainHead(self.epoch(), rs.getLong(1), rs.getString(2))).findOne();
            if (head.isPresent()) {
                nextSeq = Math.max(inLog, head.get().seq()) + 1;
                prevHash = head.get().hash();
            } else if (inLog == 0) {
                nextSeq = 1;
                prevHash = EventChain.GENESIS;
            } else {
                nextSeq = inLog + 1;
                String last = handle.createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = ? AND till_seq = ?")
                        .bind(0, self.epoch()).bind(1, inLog).mapTo(String.class).one();
                prevHash = file.codec().chainHash(file.codec().fromJson(last));
            }
        }

        /** Moves the chain's head to the last event appended, in the same transaction. */
        void saveChainHead() {
            chainHead().ifPresent(head -> handle.createUpdate("INSERT INTO ledger_chain (till_epoch, till_seq, hash) VALUES (?, ?, ?) "
                            + "ON CONFLICT (till_epoch) DO UPDATE SET till_seq = excluded.till_seq, hash = excluded.hash")
                    .bind(0, head.epoch()).bind(1, head.seq()).bind(2, head.hash()).execute());
        }

        @Override
        public Optional<ChainHead> chainHead() {
            return appended.isEmpty() ? Optional.empty()
                    : Optional.of(new ChainHead(self.epoch(), nextSeq - 1, prevHash));
        }

        @Override
        public long nextNumber(String counter) {
            return handle.createQuery("INSERT INTO till_state (name, value) VALUES (?, 1) "
                            + "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value")
                    .bind(0, counter).mapTo(Long.class).one();
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public TillIdentity identity() {
            return self;
        }

        @Override
        public Handle handle() {
            return handle;
        }
    }
}
