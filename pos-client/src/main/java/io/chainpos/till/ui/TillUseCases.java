package io.chainpos.till.ui;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.till.backup.TillBackups;
import io.chainpos.till.care.RecordFeedback;
import io.chainpos.till.catalog.SearchProducts;
import io.chainpos.till.device.display.CustomerDisplay;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.printer.ReceiptPrinter;
import io.chainpos.till.device.qr.MemberCardCode;
import io.chainpos.till.device.printer.ReprintReceipt;
import io.chainpos.till.device.scanner.ScanHandler;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.loyalty.MemberAccounts;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.sale.SellingSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.SetUpStaff;
import io.chainpos.till.staff.SignIn;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.ServerAddress;
import io.chainpos.till.sync.SyncWatch;
import java.time.Clock;
import io.chainpos.till.security.TillProtection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * Everything the screens call, built by the composition root once the till is enrolled: the use-cases, the
 * device ports and the settings files. View-models reach the till only through these. {@code serialScanner} starts
 * the serial scanner, if the settings name one, delivering to the handler on its own thread; {@code security} says
 * what the top bar warns of (a server over plain HTTP, data files others may read).
 */
public record TillUseCases(
        StoreId storeId,
        TillId tillId,
        Function<String, SaleSession> saleSessions,
        SellingSettings selling,
        SearchProducts products,
        MemberAccounts memberAccounts,
        RegisterMember registerMember,
        MemberCardCode memberCode,
        TopUp topUp,
        RecordFeedback feedback,
        RefundSale refunds,
        Shifts shifts,
        SignIn signIn,
        SetUpStaff staff,
        OpenDrawerNoSale noSale,
        ReprintReceipt reprint,
        ReceiptPrinter printer,
        CustomerDisplay display,
        SyncWatch sync,
        Settings settings,
        Consumer<ScanHandler> serialScanner,
        Supplier<List<TillProtection.Warning>> security,
        io.chainpos.till.stock.StockDesk stock,
        Clock clock) {

    /**
     * What the settings screen edits: the device file, the till's own file, the server link and re-enrollment; and
     * the ledger's backups, whose last good copy it shows.
     */
    public record Settings(DeviceSettingsFile devices, TillSettingsFile till, ServerAddress server, EnrollTill enroll,
                           TillBackups backups) {
    }
}
