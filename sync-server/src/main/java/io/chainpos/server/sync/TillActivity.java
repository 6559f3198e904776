package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import java.time.Instant;
import java.util.List;

/**
 * Each till's last contact, kept as sync answers it (one row per till, never found by scanning the log): the tills
 * page shows when it last pushed and pulled, how far behind it is, which app version it runs and whether it is online.
 */
public interface TillActivity {

    /**
     * What sync heard from tills since the last write, in one write: each till's latest push and latest pull (either
     * list may be empty). A contact older than the one stored does not move the stored times back.
     */
    void record(List<Pushed> pushes, List<Pulled> pulls);

    /**
     * The till pushed at {@code at}, saying it runs {@code version} (null when it did not say), and what its pushes said
     * of how far its ledger goes, one {@link Held} per till epoch (empty when they said nothing and brought no receipt).
     */
    record Pushed(TillPrincipal till, String version, Instant at, List<Held> held) {
        public Pushed {
            held = List.copyOf(held);
        }
    }

    /**
     * What a push said: the till's ledger goes through {@code heldThrough} in {@code epoch} and its receipts there reached
     * {@code lastReceipt} (0: none given, or not said); the push brought receipts up to {@code receivedReceipt} (0: none).
     * Each only ever goes up.
     */
    record Held(int epoch, long heldThrough, long lastReceipt, long receivedReceipt) {
        /** This and a later push's word on the same epoch: each figure at its highest. */
        Held and(Held later) {
            return new Held(epoch, Math.max(heldThrough, later.heldThrough), Math.max(lastReceipt, later.lastReceipt),
                    Math.max(receivedReceipt, later.receivedReceipt));
        }
    }

    /**
     * The till pulled at {@code at}: it asked after {@code after}, was given up to {@code next}, while the log's newest
     * sequence was {@code newest}.
     */
    record Pulled(TillPrincipal till, String version, long after, long next, long newest, Instant at) {
    }
}
