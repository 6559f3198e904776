package io.chainpos.till.sync;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.MemberKeyStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The key channel beside the events, run in each sync round: before pushing, the keys of members registered
 * here go to the server (so a member's events never reach another till before its key can); after pulling,
 * the keys of members learned from other stores come back. Keys never enter the event log.
 */
final class MemberKeySync {
    /** As many ids as the server answers at a time. */
    private static final int BATCH = 1_000;

    private final Ledger ledger;
    private final SyncApi api;
    private final MemberKeyStore keys;
    private final Consumer<SyncProgress> progress;

    MemberKeySync(Ledger ledger, SyncApi api, MemberKeyStore keys, Consumer<SyncProgress> progress) {
        this.ledger = ledger;
        this.api = api;
        this.keys = keys;
        this.progress = progress;
    }

    void handOver() throws IOException {
        while (true) {
            List<MemberKey> pending = ledger.read(s -> keys.notHandedOver(s, BATCH));
            if (pending.isEmpty()) {
                return;
            }
            api.handOverKeys(new MemberKeys(pending));
            ledger.writeState(s -> {
                keys.handedOver(s, pending);
                return null;
            });
        }
    }

    /**
     * Asks for the key of every member this till knows without one, a batch of ids at a time in id order; a member
     * whose key the server does not have (erased, or not handed over yet by its till) is passed over and asked again
     * next round. A new till's first round fetches the whole chain's keys here, shown as progress when it is long;
     * the next batch is on its way while one is kept, so the server's time and the network's hide behind the till's.
     */
    void fetchMissing() throws IOException {
        long total = ledger.read(keys::wanted);
        if (total == 0) {
            return;
        }
        boolean shown = total > BATCH;
        long started = System.nanoTime();
        long done = 0;
        try (ExecutorService fetcher = Executors.newVirtualThreadPerTaskExecutor()) {
            List<MemberId> batch = ledger.read(s -> keys.missing(s, null, BATCH));
            Future<MemberKeys> coming = batch.isEmpty() ? null : fetch(fetcher, batch);
            while (coming != null) {
                List<MemberId> asked = batch;
                List<MemberId> next = asked.size() < BATCH ? List.of() : ledger.read(s -> keys.missing(s, asked.getLast(), BATCH));
                Future<MemberKeys> following = next.isEmpty() ? null : fetch(fetcher, next);
                try {
                    keep(asked, await(coming));
                } catch (IOException | RuntimeException e) {
                    if (following != null) {
                        following.cancel(true);
                    }
                    throw e;
                }
                done += asked.size();
                if (shown) {
                    progress.accept(SyncProgress.of(SyncProgress.Stage.KEYS, done, total, 0,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
                batch = next;
                coming = following;
            }
        } finally {
            if (shown) {
                progress.accept(SyncProgress.IDLE);
            }
        }
    }

    private Future<MemberKeys> fetch(ExecutorService fetcher, List<MemberId> ids) {
        return fetcher.submit(() -> api.fetchKeys(new MemberIds(ids)));
    }

    /** Keeps the keys the server sent of those asked for (and no other). */
    private void keep(List<MemberId> asked, MemberKeys fetched) {
        Set<MemberId> wanted = new HashSet<>(asked);
        ledger.writeState(s -> {
            fetched.keys().stream().filter(k -> wanted.contains(k.memberId())).forEach(k -> keys.keep(s, k, true));
            return null;
        });
    }

    private static MemberKeys await(Future<MemberKeys> coming) throws IOException {
        try {
            return coming.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while the members' keys were fetched");
        }
    }
}
