package io.chainpos.till.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings screen edits devices.properties and till.properties, all or nothing, and the server link. */
class SettingsViewModelTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final List<TillSettings> saved = new ArrayList<>();
    @TempDir
    Path dir;
    private ScreenTill till;
    private TillUseCases.Settings files;
    private SettingsViewModel settings;

    @BeforeEach
    void open() {
        till = ScreenTill.ready(dir, clock, false);
        files = till.start().settings();
        settings = new SettingsViewModel(files, Tasks.direct(), saved::add);
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void theScreenShowsWhatTheFilesSay() {
        assertThat(settings.device("printer.transport").get()).isEqualTo("file");
        assertThat(settings.device("printer.address").get()).isEqualTo(dir.resolve("receipts.escpos").toString());
        assertThat(settings.languageProperty().get()).isEqualTo("system");
        assertThat(settings.discountLimitProperty().get()).isEqualTo("10");
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void nothingIsSavedWhileASettingIsWrongAndEverythingOnceAllAreRight() throws Exception {
        settings.device("printer.transport").set("tcp");
        settings.device("printer.address").set("");
        settings.discountLimitProperty().set("150");
        settings.save();

        assertThat(settings.problems()).containsExactlyInAnyOrder(
                TillMessage.of(TillMessage.Code.SETTING_NETWORK_PRINTER_NEEDS_ADDRESS, "printer.address"),
                TillMessage.of(TillMessage.Code.SETTING_OUT_OF_RANGE, "sale.cashierDiscountLimitPercent", 150, 0, 100));
        assertThat(settings.noticeProperty().get()).isEqualTo(Notice.error("settings.problems", 2));
        assertThat(files.devices().load().printer().transport()).isEqualTo(DeviceSettings.Transport.FILE);
        assertThat(saved).isEmpty();

        settings.device("printer.address").set("192.168.1.50:9100");
        settings.device("scanner.port").set("/dev/ttyACM0");
        settings.discountLimitProperty().set("15");
        settings.languageProperty().set("zh-CN");
        settings.save();

        assertThat(settings.problems()).isEmpty();
        DeviceSettings devices = files.devices().load();
        assertThat(devices.printer().transport()).isEqualTo(DeviceSettings.Transport.TCP);
        assertThat(devices.printer().tcpHost()).isEqualTo("192.168.1.50");
        assertThat(devices.scanner().port()).isEqualTo("/dev/ttyACM0");
        assertThat(files.till().load().cashierDiscountLimitPercent()).isEqualTo(15);
        assertThat(saved).singleElement().extracting(TillSettings::language).isEqualTo(TillSettings.Language.ZH_CN);
    }

    @Test
    void aTillNotEnrolledWithAServerCannotMoveIt() {
        settings.serverAddressProperty().set("http://10.0.0.9:8080");
        settings.changeServer();

        assertThat(settings.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.NOT_ENROLLED_YET)));
    }
}
