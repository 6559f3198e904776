package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.till.device.serial.SerialLine;
import io.chainpos.till.testing.SocatPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial receipt printer through jSerialComm, with a socat pseudo-terminal pair standing in for the cable. */
class SerialPrinterTransportTest {
    @TempDir
    Path dir;

    @Test
    void bytesReachThePrinterAndItsStatusAnswersComeBack() throws Exception {
        try (SocatPair cable = new SocatPair(dir).plugIn();
             SerialPrinterEmulator printer = new SerialPrinterEmulator(cable.testEnd().toString())) {
            SerialPrinterTransport transport = new SerialPrinterTransport(cable.devicePort(), 19200, Duration.ofSeconds(2));
            byte[] receipt = new EscPosRenderer(Paper.MM58, CodePage.GB18030, QrPrinting.NATIVE)
                    .render(ReceiptFixtures.receipt(null).layout(ReceiptFixtures.format(Paper.MM58, Language.ZH)));

            printer.condition = PrinterCondition.PAPER_OUT;
            try (PrinterConnection connection = transport.open()) {
                assertThat(PrinterStatusCheck.check(connection)).isEqualTo(PrinterCondition.PAPER_OUT);
                printer.condition = PrinterCondition.READY;
                assertThat(PrinterStatusCheck.check(connection)).isEqualTo(PrinterCondition.READY);
                connection.write(receipt);
                // answered only once the printer has read what came before it on the line
                assertThat(PrinterStatusCheck.check(connection)).isEqualTo(PrinterCondition.READY);
            }

            byte[] received = printer.received();
            assertThat(EscPosReader.lines(received)).contains("销售小票");
            assertThat(EscPosReader.read(received)).filteredOn(EscPosReader.Command.class::isInstance)
                    .extracting(item -> ((EscPosReader.Command) item).name())
                    .containsSubsequence("STATUS_REQUEST", "INIT", "CHINESE_MODE", "CUT_PARTIAL", "STATUS_REQUEST");
        }
    }

    @Test
    void aPrinterThatDoesNotAnswerTimesOutAndAnUnpluggedOneIsNamed() throws Exception {
        SerialPrinterTransport transport;
        try (SocatPair cable = new SocatPair(dir).plugIn()) {
            transport = new SerialPrinterTransport(cable.devicePort(), 9600, Duration.ofMillis(200));
            try (PrinterConnection connection = transport.open()) {
                assertThatThrownBy(() -> connection.ask(EscPosCommands.statusRequest(1)))
                        .isInstanceOf(PrinterTimeoutException.class).hasMessageContaining("did not answer within 200 ms");
            }
        }

        assertThatThrownBy(transport::open).isInstanceOf(IOException.class)
                .hasMessage("no serial port " + dir.resolve("ttyDevice") + " (unplugged?)");
    }

    /** The printer's end of the cable: keeps what arrives and answers status requests in its condition. */
    private static final class SerialPrinterEmulator implements AutoCloseable {
        private final SerialLine line;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Thread reader;
        volatile PrinterCondition condition = PrinterCondition.READY;
        private volatile boolean running = true;

        SerialPrinterEmulator(String port) throws IOException {
            line = SerialLine.open(port, 19200, Duration.ofMillis(50), Duration.ofSeconds(1));
            reader = new Thread(this::serve, "serial-printer-emulator");
            reader.start();
        }

        private void serve() {
            byte[] buffer = new byte[4096];
            int twoBack = -1;
            int oneBack = -1;
            try {
                while (running) {
                    int read = line.read(buffer);
                    for (int i = 0; i < read; i++) {
                        int b = buffer[i] & 0xFF;
                        synchronized (this) {
                            received.write(b);
                        }
                        if (twoBack == 0x10 && oneBack == 0x04) {
                            line.write(new byte[] {(byte) StatusAnswers.answer(condition, b)});
                        }
                        twoBack = oneBack;
                        oneBack = b;
                    }
                }
            } catch (IOException e) {
                // the cable was pulled: the test is over
            }
        }

        synchronized byte[] received() {
            return received.toByteArray();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.join();
            line.close();
        }
    }
}
