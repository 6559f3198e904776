package io.chainpos.till.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.staff.StaffMember;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.testing.ScriptedDialogs;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.payment.PaymentViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sale screen's view-model on a real ledger, without a screen: every answer arrives at once (Tasks.direct). */
class SaleViewModelTest {
    private static final StaffMember CASHIER = new StaffMember("c1", "小李", StaffAccountSet.Role.CASHIER, "", true);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingHost host = new RecordingHost();
    @TempDir
    Path dir;
    private ScreenTill till;
    private SaleViewModel sale;
    private StatusViewModel status;

    @BeforeEach
    void open() {
        till = ScreenTill.ready(dir, clock, true);
        TillUseCases useCases = till.start();
        status = new StatusViewModel(useCases, Tasks.direct());
        status.refresh();
        sale = new SaleViewModel(useCases, CASHIER, status, Tasks.direct(), dialogs, host);
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void aScanAddsALineSelectsItAndUpdatesTheTotals() {
        sale.scanned(HeadOfficeEvents.COLA_BARCODE);
        sale.scanTextProperty().set("3*" + HeadOfficeEvents.COLA_BARCODE);
        sale.submitScanField();

        assertThat(sale.lines()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("可口可乐 330ml");
            assertThat(row.qtyMilli()).isEqualTo(4000);
            assertThat(row.total()).isEqualTo(1400);
        });
        assertThat(sale.totalProperty().get()).isEqualTo(1400);
        assertThat(sale.selectedLineProperty().get()).isEqualTo(1);
        assertThat(sale.scanTextProperty().get()).isEmpty();
        assertThat(sale.noticeProperty().get()).isEqualTo(Notice.success("sale.added", "可口可乐 330ml", "4", "¥14.00"));
    }

    @Test
    void aFailedSyncLineGoesOnceASyncGoesThroughAgain() {
        Notice failed = Notice.error("sync.failed", TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE));
        status.syncProperty().set(new SyncStatus(SyncStatus.Connection.OFFLINE, null, 3, TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE)));
        sale.tell(failed);
        status.syncProperty().set(new SyncStatus(SyncStatus.Connection.OFFLINE, null, 4, TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE)));
        assertThat(sale.noticeProperty().get()).as("still failing: still said").isEqualTo(failed);

        status.syncProperty().set(new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), 0, null));
        assertThat(sale.noticeProperty().get()).isNull();

        sale.scanned(HeadOfficeEvents.COLA_BARCODE);
        Notice added = sale.noticeProperty().get();
        status.syncProperty().set(new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), 0, null));
        assertThat(sale.noticeProperty().get()).as("other lines stay").isEqualTo(added);
    }

    @Test
    void anUnknownCodeIsSaidInPlaceAndChangesNothing() {
        sale.scanned("6900000000000");

        assertThat(sale.lines()).isEmpty();
        assertThat(sale.noticeProperty().get().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(sale.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.BAD_CHECK_DIGIT, "6900000000000")));
    }

    @Test
    void aTypedNameFindsTheProductAndSeveralAreOfferedToChoose() {
        sale.scanTextProperty().set("面包");
        sale.submitScanField();
        assertThat(sale.lines()).extracting(CartRow::name).containsExactly("全麦面包");
        assertThat(dialogs.choicesOffered).isEmpty();

        dialogs.chooser = choices -> Optional.of(1);
        sale.scanTextProperty().set("e");
        sale.submitScanField();

        assertThat(dialogs.choicesOffered).singleElement().satisfies(choices -> assertThat(choices).hasSize(2));
        assertThat(sale.lines()).extracting(CartRow::name).containsExactly("全麦面包", "红富士苹果");
    }

    @Test
    void aDiscountPastTheCashiersLimitNeedsAManagerAndAWrongPinChangesNothing() {
        sale.scanned("100002");
        dialogs.answer("2").pin("0000");
        sale.actions().discountLine();
        assertThat(dialogs.pinReasons).hasSize(1);
        assertThat(sale.totalProperty().get()).isEqualTo(800);
        assertThat(sale.noticeProperty().get().level()).isEqualTo(Notice.Level.ERROR);

        dialogs.answer("2").pin("2468");
        sale.actions().discountLine();
        assertThat(sale.totalProperty().get()).isEqualTo(600);

        dialogs.answer("0.5");
        sale.actions().discountLine();
        assertThat(dialogs.pinReasons).as("within the limit no PIN is asked").hasSize(2);
        assertThat(sale.totalProperty().get()).isEqualTo(750);
    }

    @Test
    void voidingNeedsAManagerAndIsRecorded() {
        sale.scanned("100002");
        dialogs.pin("2468");

        sale.actions().voidSale();

        assertThat(sale.lines()).isEmpty();
        assertThat(sale.totalProperty().get()).isZero();
        assertThat(till.till.ledger.read(s -> s.handle().createQuery("SELECT envelope FROM ledger_events")
                .mapTo(String.class).list()).stream().map(till.till.codec::fromJson)
                .filter(e -> e.payload() instanceof SaleVoided)).hasSize(1);
    }

    @Test
    void aHeldSaleComesBackWhenTheCounterIsFree() {
        sale.scanned("100002");
        sale.actions().hold();
        assertThat(sale.lines()).isEmpty();
        sale.scanned(HeadOfficeEvents.COLA_BARCODE);

        sale.actions().recall();
        assertThat(sale.lines()).extracting(CartRow::name).as("finish or hold first").containsExactly("可口可乐 330ml");
        assertThat(sale.noticeProperty().get().level()).isEqualTo(Notice.Level.ERROR);

        sale.actions().hold();
        dialogs.chooser = choices -> Optional.of(0);
        sale.actions().recall();

        assertThat(dialogs.choicesOffered.getLast()).hasSize(2);
        assertThat(sale.lines()).extracting(CartRow::name).containsExactly("全麦面包");
        assertThat(sale.totalProperty().get()).isEqualTo(800);
    }

    @Test
    void payOpensThePaymentScreenForTheTotalOnlyWhenThereIsSomethingToPay() {
        sale.screens().pay();
        assertThat(dialogs.shown).isEmpty();
        assertThat(sale.noticeProperty().get()).isEqualTo(Notice.info("sale.empty"));

        sale.scanned("100002");
        sale.screens().pay();

        assertThat(dialogs.last(PaymentViewModel.class).total()).isEqualTo(800);
    }

    @Test
    void aCashierCannotLeaveWithASaleOpenNorOpenTheSettings() {
        sale.scanned("100002");

        sale.screens().signOut();
        sale.screens().settings();

        assertThat(host.signedOut).isFalse();
        assertThat(host.settingsOpened).isFalse();
        assertThat(sale.noticeProperty().get()).isEqualTo(Notice.error("settings.managersOnly"));
    }

    private static final class RecordingHost implements SaleViewModel.Host {
        boolean signedOut;
        boolean settingsOpened;

        @Override
        public void signOut() {
            signedOut = true;
        }

        @Override
        public void toggleLanguage() {
        }

        @Override
        public void openSettings() {
            settingsOpened = true;
        }
    }
}
