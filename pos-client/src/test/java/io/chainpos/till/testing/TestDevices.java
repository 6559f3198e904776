package io.chainpos.till.testing;

import io.chainpos.till.device.Devices;
import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.Paper;
import io.chainpos.till.device.printer.QrPrinting;
import io.chainpos.till.device.printer.ReceiptCode;
import io.chainpos.till.device.settings.DeviceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Device settings for tests: a printer reached as the test says, retrying quickly, receipts in a given language. */
public final class TestDevices {
    private TestDevices() {
    }

    public static DeviceSettings printingTo(Path dataFolder, DeviceSettings.Transport transport, String address,
                                            Language language) {
        DeviceSettings defaults = DeviceSettings.defaults(dataFolder);
        return new DeviceSettings(
                new DeviceSettings.Printer(transport, address, 9600, Paper.MM80, CodePage.GB18030, QrPrinting.NATIVE,
                        ReceiptCode.AUTO, true, Duration.ofMillis(500), Duration.ofMillis(50)),
                new DeviceSettings.Receipt(language, List.of("全家便利 中山路店"), List.of("谢谢惠顾")),
                defaults.scanner(), defaults.display());
    }

    public static Devices start(TestTill till, DeviceSettings settings, Clock clock) {
        return Devices.start(settings, till.ledger, new io.chainpos.till.sale.SqliteReceiptSources(till.ledger, till.codec), till.members, till.balances, clock);
    }
}
