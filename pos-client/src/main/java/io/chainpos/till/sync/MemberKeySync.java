package io.chainpos.till.sync;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.MemberKeyStore;
import java.io.IOException;
import java.util.List;

/**
 * The key channel beside the events, run in each sync round: before pushing, the keys of members registered
 * here go to the server (so a member's events never reach another till before its key can); after pulling,
 * the keys of members learned from other stores come back. Keys never enter the event log.
 */
final class MemberKeySync {
    private static final int BATCH = 500;

    private final Ledger ledger;
    private final SyncApi api;
    private final MemberKeyStore keys;

    MemberKeySync(Ledger ledger, SyncApi api, MemberKeyStore keys) {
        this.ledger = ledger;
        this.api = api;
        this.keys = keys;
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

    /** One batch per round: a member whose key the server does not have (erased, or not handed over yet) is asked again next round. */
    void fetchMissing() throws IOException {
        List<MemberId> missing = ledger.read(s -> keys.missing(s, BATCH));
        if (missing.isEmpty()) {
            return;
        }
        MemberKeys fetched = api.fetchKeys(new MemberIds(missing));
        ledger.writeState(s -> {
            fetched.keys().stream().filter(k -> missing.contains(k.memberId())).forEach(k -> keys.keep(s, k, true));
            return null;
        });
    }
}
