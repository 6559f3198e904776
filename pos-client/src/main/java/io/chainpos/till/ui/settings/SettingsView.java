package io.chainpos.till.ui.settings;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The settings screen: printer and receipt, scanner and customer display (devices.properties), the till's own
 * settings (till.properties), and the sync server. F12 saves (everything checked first; problems listed by
 * setting), F7 changes the server address, F8 enrolls again with a new code, Esc goes back.
 */
public final class SettingsView extends VBox {
    /** Settings with a fixed set of values, chosen rather than typed. */
    private static final Map<String, List<String>> CHOICES = Map.of(
            "printer.transport", List.of("file", "usb", "serial", "tcp", "none"),
            "printer.paper", List.of("80", "58"),
            "printer.codepage", List.of("gb18030", "cp437"),
            "printer.status", List.of("on", "off"),
            "receipt.language", List.of("zh", "en"),
            "scanner.suffix", List.of("cr", "lf", "crlf", "tab"));

    public SettingsView(SettingsViewModel settings, Messages messages) {
        getStyleClass().add("settings-screen");
        setId("settings-screen");
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        int row = 0;
        for (String key : SettingsViewModel.DEVICE_KEYS) {
            Node input = CHOICES.containsKey(key) ? choice(settings.device(key), CHOICES.get(key), key)
                    : FxUi.field(settings.device(key), "setting-" + key.replace('.', '-'));
            form.addRow(row++, FxUi.label(messages, "settings." + key), input);
        }
        form.addRow(row++, FxUi.label(messages, "settings.ui.language"),
                choice(settings.languageProperty(), List.of("system", "zh-CN", "en"), "ui.language"));
        form.addRow(row++, FxUi.label(messages, "settings.sale.cashRounding"),
                choice(settings.cashRoundingProperty(), List.of("none", "down_to_jiao", "half_up_to_jiao"), "sale.cashRounding"));
        form.addRow(row++, FxUi.label(messages, "settings.sale.discountLimit"),
                FxUi.field(settings.discountLimitProperty(), "setting-discount-limit"));
        form.addRow(row++, FxUi.label(messages, "settings.backup.folder"),
                FxUi.field(settings.backupFolderProperty(), "setting-backup-folder"));
        form.addRow(row++, FxUi.label(messages, "settings.backup.keep"),
                FxUi.field(settings.backupKeepProperty(), "setting-backup-keep"));
        Label lastBackup = new Label();
        lastBackup.setId("settings-last-backup");
        lastBackup.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> lastBackup(settings, messages),
                settings.backupProperty(), messages.localeProperty()));
        lastBackup.setWrapText(true);
        form.add(lastBackup, 1, row++);
        TextField server = FxUi.field(settings.serverAddressProperty(), "setting-server");
        TextField code = FxUi.field(settings.enrollmentCodeProperty(), "setting-enrollment-code");
        form.addRow(row++, FxUi.label(messages, "settings.server"), server);
        form.addRow(row, FxUi.label(messages, "settings.enrollmentCode"), code);
        FxUi.focusWhenOpened(form.getChildren().get(1));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        scroll.setPrefViewportWidth(760);

        ListView<TillMessage> problems = new ListView<>(settings.problems());
        problems.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TillMessage problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : messages.say(problem));
            }
        });
        messages.localeProperty().addListener((observable, before, now) -> problems.refresh());
        problems.setId("settings-problems");
        problems.getStyleClass().add("problems");
        problems.setPrefHeight(90);
        problems.setFocusTraversable(false);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(settings.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Label restart = FxUi.label(messages, "settings.restartNote", "hint");
        restart.setWrapText(true);

        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", settings::cancel), 0, 0);
        buttons.add(FxUi.keyButton(messages, "F7", "settings.changeServer", settings::changeServer), 1, 0);
        buttons.add(FxUi.keyButton(messages, "F8", "settings.enroll", settings::enroll), 2, 0);
        buttons.add(FxUi.keyButton(messages, "F12", "settings.save", settings::save), 3, 0);
        getChildren().addAll(FxUi.label(messages, "settings.title", "dialog-title"), scroll, restart, problems,
                FxUi.notice(messages, settings.noticeProperty()), new HBox(buttons));
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                settings.cancel();
            } else if (event.getCode() == KeyCode.F12) {
                settings.save();
            } else if (event.getCode() == KeyCode.F7) {
                settings.changeServer();
            } else if (event.getCode() == KeyCode.F8) {
                settings.enroll();
            } else {
                return;
            }
            event.consume();
        });
    }

    /** The last good backup and, when the last attempt failed, why. */
    private static String lastBackup(SettingsViewModel settings, Messages messages) {
        var status = settings.backupProperty().get();
        String good = status.lastGood().map(copy -> messages.get("settings.backup.last", copy.where(),
                        WHEN.format(copy.takenAt().atZone(java.time.ZoneId.systemDefault()))))
                .orElse(messages.get("settings.backup.none"));
        return status.failing().map(failure -> good + "\n" + messages.get("backup." + failure.problem().name(),
                failure.where(), failure.detail())).orElse(good);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static ComboBox<String> choice(StringProperty value, List<String> options, String key) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options);
        box.valueProperty().bindBidirectional(value);
        box.setId("setting-" + key.replace('.', '-'));
        return box;
    }
}
