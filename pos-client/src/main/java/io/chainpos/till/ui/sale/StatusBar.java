package io.chainpos.till.ui.sale;

import io.chainpos.till.device.printer.PrinterStatus;
import io.chainpos.till.staff.StaffMember;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.fx.Messages;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The sale screen's top bar: till and store, the cashier, the shift, sync (online or offline, events waiting) and
 * the printer. A lost network or printer shows here, in colour, and nowhere else: selling goes on.
 */
final class StatusBar {
    private StatusBar() {
    }

    static HBox of(StatusViewModel status, TillUseCases till, Messages messages) {
        ZoneId zone = till.selling().zone();
        Label where = new Label(till.tillId().value() + " · " + till.storeId().value());
        where.getStyleClass().add("status-till");
        Label cashier = item("status-cashier", Bindings.createStringBinding(() -> {
            StaffMember who = status.cashierProperty().get();
            return who == null ? "" : messages.get("status.cashier", who.name());
        }, status.cashierProperty(), messages.localeProperty()));
        Label shift = item("status-shift", Bindings.createStringBinding(() -> {
            java.time.Instant since = status.shiftSinceProperty().get();
            return since == null ? messages.get("status.noShift")
                    : messages.get("status.shift", LocalTime.ofInstant(since, zone).truncatedTo(ChronoUnit.MINUTES));
        }, status.shiftSinceProperty(), messages.localeProperty()));
        level(shift, () -> status.shiftSinceProperty().get() == null ? "warning" : "ok", status.shiftSinceProperty());
        Label sync = item("status-sync", Bindings.createStringBinding(() -> {
            SyncStatus now = status.syncProperty().get();
            return now == null ? "" : messages.get("status.sync." + now.connection().name(), now.waiting());
        }, status.syncProperty(), messages.localeProperty()));
        level(sync, () -> {
            SyncStatus now = status.syncProperty().get();
            return now == null || now.connection() == SyncStatus.Connection.STARTING ? "info"
                    : now.connection() == SyncStatus.Connection.ONLINE ? "ok" : "error";
        }, status.syncProperty());
        Label printer = item("status-printer", Bindings.createStringBinding(() -> {
            PrinterStatus now = status.printerProperty().get();
            return now == null ? "" : messages.get("printer." + now.condition().name(), now.waiting())
                    + (now.drawerNotOpened() ? " · " + messages.get("printer.drawerNotOpened") : "");
        }, status.printerProperty(), messages.localeProperty()));
        level(printer, () -> {
            PrinterStatus now = status.printerProperty().get();
            return now == null ? "info" : now.condition().canPrint() && !now.drawerNotOpened() ? "ok" : "error";
        }, status.printerProperty());
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus now = status.syncProperty().get();
            return now == null || now.problem() == null ? "" : messages.say(now.problem());
        }, status.syncProperty(), messages.localeProperty()));
        sync.setTooltip(why);
        Label security = item("status-security", Bindings.createStringBinding(() -> String.join(" · ",
                status.securityProperty().get().stream()
                        .map(w -> messages.get("security." + w.kind().name(), w.detail())).toList()),
                status.securityProperty(), messages.localeProperty()));
        security.getStyleClass().add("warning");
        security.visibleProperty().bind(Bindings.createBooleanBinding(() -> !status.securityProperty().get().isEmpty(),
                status.securityProperty()));
        security.managedProperty().bind(security.visibleProperty());
        Label backup = item("status-backup", Bindings.createStringBinding(() -> status.backupProperty().get().failing()
                .map(failure -> messages.get("backup." + failure.problem().name(), failure.where(), failure.detail()))
                .orElse(""), status.backupProperty(), messages.localeProperty()));
        level(backup, () -> "error", status.backupProperty());
        backup.visibleProperty().bind(backup.textProperty().isNotEmpty());
        backup.managedProperty().bind(backup.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        io.chainpos.till.ui.fx.ProgressLine progress = new io.chainpos.till.ui.fx.ProgressLine(status.syncProgressProperty(), messages,
                "status-progress");
        progress.setMaxWidth(420);
        HBox bar = new HBox(where, cashier, shift, gap, security, progress, sync, printer, backup);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label item(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.textProperty().bind(text);
        return label;
    }

    private static void level(Label label, java.util.function.Supplier<String> level, javafx.beans.Observable on) {
        Runnable apply = () -> {
            label.getStyleClass().removeAll("ok", "info", "warning", "error");
            label.getStyleClass().add(level.get());
        };
        apply.run();
        on.addListener(o -> apply.run());
    }
}
