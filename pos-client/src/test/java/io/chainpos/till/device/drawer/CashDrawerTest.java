package io.chainpos.till.device.drawer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drawer opens only for committed openings of this till; "no sale" only with a manager's PIN, on record. */
class CashDrawerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final AtomicInteger pulses = new AtomicInteger();
    @TempDir
    Path dir;
    private TestTill till;
    private int staffEvents;

    @BeforeEach
    void open() {
        till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff(); // the real PINs: staff feature
        staffEvents = till.ledger.syncMarks().pending(100).events().size();
        new DrawerOpener(pulses::incrementAndGet).listenTo(till.ledger);
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void aCashSaleOpensTheDrawerOnceItsTransactionHasCommitted() {
        SaleId sale = SaleId.newId(clock);

        till.ledger.write(tx -> {
            tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_SALE, sale, "cashier-01", null));
            assertThat(pulses).as("not before the commit").hasValue(0);
            return null;
        });

        assertThat(pulses).hasValue(1);
    }

    @Test
    void aTransactionThatFailsOpensNothing() {
        try {
            till.ledger.write(tx -> {
                tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_SALE, SaleId.newId(clock), "cashier-01", null));
                throw new IllegalStateException("the sale failed after all");
            });
        } catch (IllegalStateException expected) {
            // the sale's transaction rolled back
        }

        assertThat(pulses).hasValue(0);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void anOpeningRecordedAtAnotherTillNeverOpensThisDrawer() {
        EventEnvelope elsewhere = new EventEnvelope(EventId.newId(clock), new StoreId("S001"), new TillId("S001-T2"), 1, 1,
                clock.millis() << 16, clock.instant(),
                new DrawerOpened(DrawerOpened.Reason.NO_SALE, null, "cashier-07", "manager-09"));

        till.ledger.remote().applyPulled(List.of(elsewhere), 10);

        assertThat(pulses).hasValue(0);
    }

    @Test
    void noSaleWithAManagersPinIsRecordedWithTheApprovalAndOpensTheDrawer() {
        OpenDrawerNoSale noSale = new OpenDrawerNoSale(till.ledger, till.approvals);

        OpenDrawerNoSale.Result result = noSale.open(" " + TestTill.MANAGER_PIN + " ", "cashier-01");

        assertThat(result).isEqualTo(new OpenDrawerNoSale.Opened("manager"));
        assertThat(pulses).hasValue(1);
        assertThat(recorded()).extracting(EventEnvelope::payload).containsExactly(
                new ManagerApproved(OpenDrawerNoSale.ACTION, "manager", "cashier-01", null, "cash drawer opened with no sale"),
                new DrawerOpened(DrawerOpened.Reason.NO_SALE, null, "cashier-01", "manager"));
    }

    @Test
    void noSaleWithAWrongOrMissingPinRecordsNothingAndOpensNothing() {
        OpenDrawerNoSale noSale = new OpenDrawerNoSale(till.ledger, till.approvals);

        assertThat(noSale.open("0000", "cashier-01"))
                .isEqualTo(new OpenDrawerNoSale.Refused(TillMessage.of(TillMessage.Code.PIN_MAY_NOT_OPEN_DRAWER)));
        assertThat(noSale.open("  ", "cashier-01"))
                .isEqualTo(new OpenDrawerNoSale.Refused(TillMessage.of(TillMessage.Code.NO_SALE_NEEDS_MANAGER)));

        assertThat(pulses).hasValue(0);
        assertThat(recorded()).isEmpty();
    }

    /** What this till recorded after its staff accounts were set up. */
    private List<EventEnvelope> recorded() {
        List<EventEnvelope> all = till.ledger.syncMarks().pending(100).events();
        return all.subList(staffEvents, all.size());
    }
}
