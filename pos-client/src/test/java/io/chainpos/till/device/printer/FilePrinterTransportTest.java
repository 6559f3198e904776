package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrinterTransportTest {
    @TempDir
    Path dir;

    @Test
    void aUsbPrinterWhoseDeviceFileIsGoneIsUnpluggedAndNoFileIsMadeInItsPlace() throws IOException {
        Path device = dir.resolve("lp0");
        PrinterTransport usb = FilePrinterTransport.usbDevice(device);

        assertThatThrownBy(usb::open).isInstanceOf(IOException.class)
                .hasMessage("no printer at " + device + " (unplugged or switched off?)");
        assertThat(device).doesNotExist();

        Files.createFile(device);
        try (PrinterConnection connection = usb.open()) {
            connection.write(new byte[] {0x1B, 0x40});
            assertThat(connection.ask(EscPosCommands.statusRequest(1))).isEmpty();
        }
        assertThat(Files.readAllBytes(device)).containsExactly(0x1B, 0x40);
        assertThat(usb.describe()).isEqualTo("usb " + device);
    }

    @Test
    void aFilePrinterCreatesItsFileAndAppendsEveryJob() throws IOException {
        Path file = dir.resolve("out/receipts.escpos");
        PrinterTransport printer = FilePrinterTransport.file(file);

        for (byte job = 1; job <= 2; job++) {
            try (PrinterConnection connection = printer.open()) {
                connection.write(new byte[] {job});
            }
        }

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2);
    }
}
