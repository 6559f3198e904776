package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import java.time.Instant;

/**
 * Each till's last contact, kept as sync answers it (one row per till, never found by scanning the log): the tills
 * page shows when it last pushed and pulled, how far behind it is, which app version it runs and whether it is online.
 */
public interface TillActivity {

    /**
     * The till pushed at {@code at}, saying it runs {@code version} (null when it did not say), and what the push said
     * of how far its ledger goes ({@code held}, null when it said nothing and brought no receipt): one write.
     */
    void pushed(TillPrincipal till, String version, Instant at, Held held);

    /**
     * What a push said: the till's ledger goes through {@code heldThrough} in {@code epoch} and its receipts there reached
     * {@code lastReceipt} (0: none given, or not said); the push brought receipts up to {@code receivedReceipt} (0: none).
     * Each only ever goes up.
     */
    record Held(int epoch, long heldThrough, long lastReceipt, long receivedReceipt) {
    }

    /**
     * The till pulled at {@code at}: it asked after {@code after}, was given up to {@code next}, while the log's newest
     * sequence was {@code newest}.
     */
    void pulled(TillPrincipal till, String version, long after, long next, long newest, Instant at);

}
