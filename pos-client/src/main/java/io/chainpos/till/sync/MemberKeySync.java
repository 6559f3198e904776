package io.chainpos.till.sync;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.MemberKeyStore;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;

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
     * next round. A new till's first round fetches the whole chain's keys here, shown as progress when it is long.
     */
    void fetchMissing() throws IOException {
        long total = ledger.read(keys::wanted);
        boolean shown = total > BATCH;
        long started = System.nanoTime();
        long done = 0;
        MemberId after = null;
        try {
            while (true) {
                MemberId from = after;
                List<MemberId> missing = ledger.read(s -> keys.missing(s, from, BATCH));
                if (missing.isEmpty()) {
                    return;
                }
                Set<MemberId> asked = new HashSet<>(missing);
                MemberKeys fetched = api.fetchKeys(new MemberIds(missing));
                ledger.writeState(s -> {
                    fetched.keys().stream().filter(k -> asked.contains(k.memberId())).forEach(k -> keys.keep(s, k, true));
                    return null;
                });
                done += missing.size();
                after = missing.getLast();
                if (shown) {
                    progress.accept(SyncProgress.of(SyncProgress.Stage.KEYS, done, total, 0,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
                if (missing.size() < BATCH) {
                    return;
                }
            }
        } finally {
            if (shown) {
                progress.accept(SyncProgress.IDLE);
            }
        }
    }
}
