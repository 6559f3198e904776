package io.chainpos.till.ui.sale;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.sync.SyncRefusedException;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.member.MemberViewModel;
import io.chainpos.till.ui.payment.PaymentViewModel;
import io.chainpos.till.ui.refund.RefundViewModel;
import io.chainpos.till.ui.shift.ShiftViewModel;

/** The screens the sale screen opens over itself (payment, member, refund, shift, settings), and leaving the till. */
public final class SaleScreens {
    /** The key of the line saying a sync the cashier asked for failed. */
    static final String SYNC_FAILED = "sync.failed";

    private final SaleViewModel sale;
    private final SaleSession session;
    private final TillUseCases till;
    private final Tasks tasks;
    private final DialogService dialogs;
    private final SaleViewModel.Host host;

    SaleScreens(SaleViewModel sale, SaleSession session, TillUseCases till, Tasks tasks, DialogService dialogs,
                SaleViewModel.Host host) {
        this.sale = sale;
        this.session = session;
        this.till = till;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.host = host;
    }

    /** F12: the payment screen for the sale as it stands. */
    public void pay() {
        if (sale.isEmpty()) {
            sale.tell(Notice.info("sale.empty"));
            return;
        }
        if (!sale.status().shiftOpen()) {
            sale.tell(Notice.error("shift.needed"));
            return;
        }
        dialogs.show(new PaymentViewModel(session, till, tasks, sale.totalProperty().get(), sale.memberProperty().get(),
                sale::paid));
    }

    /** F1: find or register a member, top up their stored value, and put them on the sale. */
    public void member() {
        dialogs.show(new MemberViewModel(till, tasks, sale.cashier().staffId(), sale.memberProperty().get(), account ->
                tasks.counter(() -> session.setMember(account == null ? null : account.member()), sale::show, sale::tell),
                sale::balanceChanged));
    }

    /** F9: a refund against a receipt. */
    public void refund() {
        dialogs.show(new RefundViewModel(till, tasks, sale.cashier().staffId()));
    }

    /** Ctrl+T: goods in from a supplier, transfers to and from other stores, and (F5 there) the stocktake. */
    public void stock() {
        String cashier = sale.cashier().staffId();
        dialogs.show(new io.chainpos.till.ui.stock.StockViewModel(till.stock(), tasks, cashier, () -> dialogs.show(
                new io.chainpos.till.ui.stock.StocktakeViewModel(till.stock().stocktaking(), tasks, dialogs, cashier))));
    }

    /** F10: open, count or close the shift. */
    public void shift() {
        dialogs.show(new ShiftViewModel(till, tasks, sale.cashier().staffId())).thenRun(sale.status()::refresh);
    }

    /** The settings, for the owner or a manager signed in. */
    public void settings() {
        if (sale.cashier().role() == StaffAccountSet.Role.CASHIER) {
            sale.tell(Notice.error("settings.managersOnly"));
            return;
        }
        host.openSettings();
    }

    public void toggleLanguage() {
        host.toggleLanguage();
    }

    /** Leaves the counter for the next cashier; a sale in progress is held or finished first. */
    public void signOut() {
        if (!sale.isEmpty()) {
            sale.tell(Notice.error("signOut.saleOpen"));
            return;
        }
        host.signOut();
    }

    /** Sends and fetches now instead of waiting for the next round; the counter keeps selling meanwhile. */
    public void syncNow() {
        sale.tell(Notice.info("sync.running"));
        tasks.network(() -> {
            try {
                return till.sync().syncNow().map(round -> Notice.success("sync.done", round.pushed(), round.pulled()))
                        .orElse(Notice.error("sync.notLinked"));
            } catch (java.io.IOException | SyncRefusedException e) {
                return Notice.error(SYNC_FAILED, SyncStatus.problemOf(e));
            }
        }, sale::tell, sale::tell);
    }
}
