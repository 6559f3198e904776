package io.chainpos.till.ledger;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child process of {@link CrashTest}: sells for ever and prints each receipt number only after its
 * sale has committed, so every number printed is a receipt a customer could hold.
 */
public final class SellingInALoop {
    private SellingInALoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        MemberId member = MemberId.parse(args[1]);
        try (TestTill till = new TestTill(file, Clock.systemUTC(), "S001", "S001-T1")) {
            TestTill.Sale request = new TestTill.Sale(
                    List.of(new TestTill.Line(HeadOfficeEvents.COLA_BARCODE, 2000),
                            new TestTill.Line(HeadOfficeEvents.APPLES.value(), 500)),
                    member, List.of(new Tender(TenderMethod.CASH, 2000, null)), "crash-test");
            while (true) {
                Checkout.Result result = till.sell(request);
                if (!(result instanceof Checkout.Completed completed)) {
                    throw new IllegalStateException("sale refused: " + result);
                }
                System.out.println("RECEIPT " + completed.sale().receiptNo());
                System.out.flush();
            }
        }
    }
}
