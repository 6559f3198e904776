package io.chainpos.till.sync.sim;

import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.SyncedTill;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child process of {@link TillProcessKilledTest}: a till program that sells and syncs after every sale,
 * for ever. It prints a receipt number only once the sale has committed, so a kill can land anywhere: between
 * the commit and the push, while the server ingests, or after the server stored a batch and before the till
 * recorded the acknowledgement.
 */
public final class SellingAndSyncing {
    /** A product of the server's demo catalog, which the till pulled when it was enrolled. */
    static final String DEMO_COLA = "100001";

    private SellingAndSyncing() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        URI server = URI.create(args[1]);
        try (SyncedTill till = SyncedTill.reopen(file, Clock.systemUTC(), () -> server)) {
            TestTill.Sale sale = new TestTill.Sale(List.of(new TestTill.Line(DEMO_COLA, 1000)),
                    null, List.of(SyncedTill.cash(1000)), "kill-test");
            while (true) {
                if (!(till.complete(sale) instanceof Checkout.Completed completed)) {
                    throw new IllegalStateException("the sale was refused");
                }
                System.out.println("RECEIPT " + completed.sale().receiptNo());
                System.out.flush();
                try {
                    till.sync();
                } catch (IOException e) {
                    System.err.println("sync failed: " + e.getMessage());
                }
            }
        }
    }
}
