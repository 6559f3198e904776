package io.chainpos.till.ui.settings;

import io.chainpos.till.TillMessage;
import io.chainpos.till.backup.BackupStatus;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.device.settings.InvalidSettingsException;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.ServerAddress;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings screen: the counter hardware ({@code devices.properties}: printer, receipt, scanner, customer
 * display), the till's own settings ({@code till.properties}: language, cash rounding, discount limit), the sync
 * server's address and re-enrollment with a new code. Every bad value is listed by its key and nothing is saved
 * until all are right; hardware changes take effect when the till restarts.
 */
public final class SettingsViewModel extends PanelModel {
    /** The device settings shown on the screen, in this order; the rest keep their values. */
    public static final List<String> DEVICE_KEYS = List.of("printer.transport", "printer.address", "printer.baud",
            "printer.paper", "printer.codepage", "printer.status", "receipt.language", "receipt.header", "receipt.footer",
            "scanner.port", "scanner.baud", "scanner.suffix", "scanner.wedgeGapMillis", "display.port");

    private final TillUseCases.Settings files;
    private final Tasks tasks;
    private final Consumer<TillSettings> saved;

    private final Map<String, StringProperty> device = new LinkedHashMap<>();
    private final Map<String, String> otherDeviceValues = new LinkedHashMap<>();
    private final StringProperty language = new SimpleStringProperty(TillSettings.Language.SYSTEM.code());
    private final StringProperty cashRounding = new SimpleStringProperty("none");
    private final StringProperty discountLimit = new SimpleStringProperty("10");
    private final StringProperty backupFolder = new SimpleStringProperty("");
    private final StringProperty backupKeep = new SimpleStringProperty(Integer.toString(TillSettings.DEFAULT_BACKUP_KEEP));
    private final ObjectProperty<BackupStatus> backup = new SimpleObjectProperty<>(BackupStatus.NONE);
    private final StringProperty serverAddress = new SimpleStringProperty("");
    private final StringProperty enrollmentCode = new SimpleStringProperty("");
    private final ObservableList<TillMessage> problems = FXCollections.observableArrayList();

    /** {@code saved} hears the till's own settings once they are saved (the language applies at once). */
    public SettingsViewModel(TillUseCases.Settings files, Tasks tasks, Consumer<TillSettings> saved) {
        this.files = files;
        this.tasks = tasks;
        this.saved = saved;
        DEVICE_KEYS.forEach(key -> device.put(key, new SimpleStringProperty("")));
        tasks.counter(this::read, this::show, this::tell);
    }

    public StringProperty device(String key) {
        StringProperty value = device.get(key);
        if (value == null) {
            throw new IllegalArgumentException("not a setting on this screen: " + key);
        }
        return value;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty cashRoundingProperty() {
        return cashRounding;
    }

    public StringProperty discountLimitProperty() {
        return discountLimit;
    }

    public StringProperty backupFolderProperty() {
        return backupFolder;
    }

    public StringProperty backupKeepProperty() {
        return backupKeep;
    }

    /** The last good backup of the ledger, and the last failure. */
    public ObjectProperty<BackupStatus> backupProperty() {
        return backup;
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringProperty enrollmentCodeProperty() {
        return enrollmentCode;
    }

    /** What stops saving, each naming its setting. */
    public ObservableList<TillMessage> problems() {
        return problems;
    }

    private record Read(Map<String, String> device, TillSettings till, String server, List<TillMessage> problems,
                        BackupStatus backup) {
    }

    private Read read() throws IOException {
        List<TillMessage> found = new java.util.ArrayList<>();
        DeviceSettings devices;
        try {
            devices = files.devices().load();
        } catch (InvalidSettingsException e) {
            found.addAll(e.problems());
            devices = DeviceSettings.defaults(files.devices().path().getParent());
        }
        TillSettings till;
        try {
            till = files.till().load();
        } catch (TillSettingsFile.Invalid e) {
            found.addAll(e.problems());
            till = TillSettings.defaults();
        }
        return new Read(DeviceSettingsFile.values(devices), till, files.server().url().map(Object::toString).orElse(""), found,
                files.backups().status());
    }

    private void show(Read read) {
        read.device().forEach((key, value) -> {
            if (device.containsKey(key)) {
                device.get(key).set(value);
            } else {
                otherDeviceValues.put(key, value);
            }
        });
        language.set(read.till().language().code());
        cashRounding.set(read.till().cashRounding().name().toLowerCase(java.util.Locale.ROOT));
        discountLimit.set(Integer.toString(read.till().cashierDiscountLimitPercent()));
        backupFolder.set(read.till().backupFolder());
        backupKeep.set(Integer.toString(read.till().backupKeep()));
        backup.set(read.backup());
        serverAddress.set(read.server());
        problems.setAll(read.problems());
    }

    /** Checks everything, then saves both files; nothing is written while anything is wrong. */
    public void save() {
        Map<String, String> deviceValues = new LinkedHashMap<>(otherDeviceValues);
        device.forEach((key, value) -> deviceValues.put(key, value.get() == null ? "" : value.get()));
        Map<String, String> tillValues = Map.of("ui.language", language.get(), "sale.cashRounding", cashRounding.get(),
                "sale.cashierDiscountLimitPercent", discountLimit.get(),
                "backup.folder", backupFolder.get() == null ? "" : backupFolder.get(),
                "backup.keep", backupKeep.get() == null ? "" : backupKeep.get());
        tasks.counter(() -> {
            List<TillMessage> found = new java.util.ArrayList<>();
            DeviceSettings devices = null;
            TillSettings till = null;
            try {
                devices = files.devices().parse(deviceValues);
            } catch (InvalidSettingsException e) {
                found.addAll(e.problems());
            }
            try {
                till = files.till().parse(tillValues);
            } catch (TillSettingsFile.Invalid e) {
                found.addAll(e.problems());
            }
            if (found.isEmpty()) {
                files.devices().save(devices);
                files.till().save(till);
            }
            return new Saved(found, till);
        }, result -> {
            problems.setAll(result.problems());
            if (result.problems().isEmpty()) {
                tell(Notice.success("settings.saved"));
                saved.accept(result.till());
            } else {
                tell(Notice.error("settings.problems", result.problems().size()));
            }
        }, this::tell);
    }

    private record Saved(List<TillMessage> problems, TillSettings till) {
    }

    /** Points the till at the server's new address; the device token stays. */
    public void changeServer() {
        String address = serverAddress.get();
        tasks.network(() -> files.server().change(address), result -> tell(switch (result) {
            case ServerAddress.Changed changed -> Notice.success("settings.serverChanged", changed.url());
            case ServerAddress.Refused refused -> Notice.refused(refused.reason());
        }), this::tell);
    }

    /** Enrolls again with a new code from head office (a new server, or a revoked device token). */
    public void enroll() {
        String address = serverAddress.get();
        String code = enrollmentCode.get();
        tell(Notice.info("setup.enrolling", address));
        tasks.network(() -> {
            EnrollTill.Result result = files.enroll().enroll(address, code);
            if (result instanceof EnrollTill.Enrolled) {
                files.server().reload();
            }
            return result;
        }, result -> {
            enrollmentCode.set("");
            tell(switch (result) {
                case EnrollTill.Enrolled enrolled -> Notice.success("settings.enrolled", enrolled.tillId().value(),
                        enrolled.storeId().value());
                case EnrollTill.Refused refused -> Notice.refused(refused.reason());
                case EnrollTill.Unreachable unreachable -> Notice.refused(unreachable.reason());
                case EnrollTill.Invalid invalid -> Notice.refused(invalid.reason());
            });
        }, this::tell);
    }

    /** Esc. */
    public void cancel() {
        close();
    }
}
