package io.chainpos.till.ui.sale;

import io.chainpos.till.backup.BackupStatus;
import io.chainpos.till.device.printer.PrinterStatus;
import io.chainpos.till.security.TillProtection;
import io.chainpos.till.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The counter's state around the sale, shown on the sale screen's top bar: who is selling, the shift, whether the
 * server answers and how many events wait for it, and the receipt printer. One per running till: sync and printer
 * changes arrive on their own threads and are handed to the screen's thread.
 */
public final class StatusViewModel {
    private final TillUseCases till;
    private final Tasks tasks;
    private final ObjectProperty<StaffMember> cashier = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> shiftSince = new SimpleObjectProperty<>();
    private final ObjectProperty<SyncStatus> sync = new SimpleObjectProperty<>();
    private final ObjectProperty<io.chainpos.till.sync.SyncProgress> syncProgress =
            new SimpleObjectProperty<>(io.chainpos.till.sync.SyncProgress.IDLE);
    private final ObjectProperty<PrinterStatus> printer = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<List<TillProtection.Warning>> security = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<BackupStatus> backup = new SimpleObjectProperty<>(BackupStatus.NONE);

    public StatusViewModel(TillUseCases till, Tasks tasks) {
        this.till = till;
        this.tasks = tasks;
        security.set(till.security().get());
        // the server address may have moved (settings screen): say again whether it is reached in the clear
        till.sync().onStatus(status -> tasks.ui().execute(() -> {
            sync.set(status);
            security.set(till.security().get());
        }));
        till.sync().onProgress(now -> tasks.ui().execute(() -> syncProgress.set(now)));
        till.printer().onStatus(status -> tasks.ui().execute(() -> printer.set(status)));
        till.settings().backups().onStatus(status -> tasks.ui().execute(() -> backup.set(status)));
        backup.set(till.settings().backups().status());
        tasks.counter(() -> new Snapshot(till.sync().status(), till.printer().status()), snapshot -> {
            sync.set(snapshot.sync());
            printer.set(snapshot.printer());
        }, problem::set);
    }

    private record Snapshot(SyncStatus sync, PrinterStatus printer) {
    }

    public ObjectProperty<StaffMember> cashierProperty() {
        return cashier;
    }

    /** When the open shift was opened, or null when no shift is open. */
    public ObjectProperty<Instant> shiftSinceProperty() {
        return shiftSince;
    }

    public ObjectProperty<SyncStatus> syncProperty() {
        return sync;
    }

    /** A long sync running (a rebuild from a snapshot, many pages pulled), for the bar's progress line. */
    public ObjectProperty<io.chainpos.till.sync.SyncProgress> syncProgressProperty() {
        return syncProgress;
    }

    /** What the till warns of about its own protection: a server over plain HTTP, data files others may read. */
    public ObjectProperty<List<TillProtection.Warning>> securityProperty() {
        return security;
    }

    public ObjectProperty<PrinterStatus> printerProperty() {
        return printer;
    }

    /** The ledger's backups: the bar says why when the last one failed (selling goes on). */
    public ObjectProperty<BackupStatus> backupProperty() {
        return backup;
    }

    /** A fault reading the state (a disk error), shown on the bar rather than in a window. */
    public ObjectProperty<Notice> problemProperty() {
        return problem;
    }

    public boolean shiftOpen() {
        return shiftSince.get() != null;
    }

    /** Reads again whether a shift is open, and since when (after the shift screen closed). */
    public void refresh() {
        tasks.counter(() -> till.shifts().openSince().orElse(null), shiftSince::set, problem::set);
    }
}
