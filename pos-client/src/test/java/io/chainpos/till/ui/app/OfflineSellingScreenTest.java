package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.AppStartup;
import io.chainpos.till.TillAssembly;
import io.chainpos.till.device.printer.EscPosReader;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.NetworkPrinter;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lost network and a lost printer never stop selling, on the real screens: a till enrolled with the real sync
 * server and printing to a real network printer sells once with both there; then the server stops and the printer
 * is unplugged, and the next sale (split between a bank card and cash) completes all the same, the top bar saying
 * the till is offline with events waiting and the printer unreachable with a receipt waiting. The printer plugged
 * in again prints that receipt by itself.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OfflineSellingScreenTest {
    @TempDir
    Path dir;
    private RealServer server;
    private NetworkPrinter printer;
    private TestTill till;
    private AppStartup startup;
    private OkHttpClient http;
    private ScreenDriver screen;

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = Clock.system(TestTill.SHANGHAI);
        Path data = dir.resolve("till");
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        printer = new NetworkPrinter();
        till = new TestTill(data.resolve("till.db"), clock);
        http = OkHttpSyncApi.defaultClient();
        TillAssembly.SyncApis apis = (url, token) -> new OkHttpSyncApi(http, till.codec, url, token);
        assertThat(TillAssembly.enrollment(till.ledger, apis).enroll(server.uri().toString(),
                server.enrollmentCode("S001", "S001-T1"))).isInstanceOf(EnrollTill.Enrolled.class);
        till.withStaff();
        till.shifts.open("owner", 50_000);
        DeviceSettingsFile devices = new DeviceSettingsFile(data);
        Map<String, String> values = new HashMap<>(DeviceSettingsFile.values(devices.load()));
        values.putAll(Map.of("printer.transport", "tcp", "printer.address", "127.0.0.1:" + printer.port(),
                "printer.status", "off", "printer.retrySeconds", "1", "printer.timeoutMillis", "500"));
        devices.save(devices.parse(values));
        startup = new AppStartup(till.ledger, till.codec, clock, data, apis, TillSettings.defaults());
        screen = new ScreenDriver(new FxRobot());
        screen.open(stage, startup, data, Locale.ENGLISH);
    }

    @AfterEach
    void stop() throws Exception {
        screen.close();
        startup.close();
        till.close();
        server.close();
        printer.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void theNextSaleCompletesWithTheServerGoneAndThePrinterUnplugged() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER).waitFor("#scan-field");
        screen.waitForText("#status-sync", "Online");
        screen.scan("6901234000016").waitForText("#total", "¥3.50");
        screen.press(KeyCode.F12).waitFor("#pay-amount").press(KeyCode.ENTER).waitForText("#pay-done", "S001-T1-1-000001");
        screen.press(KeyCode.ENTER).waitUntilGone("#payment");
        await().atMost(Duration.ofSeconds(10)).until(() -> printedLines().contains("S001-T1-1-000001"));
        screen.waitForText("#status-sync", "Online").waitForText("#status-printer", "Printer ready");

        server.stop();
        printer.switchOff();

        screen.scan("6901234000016").scan("6901234000023").waitForText("#total", "¥5.50");
        screen.press(KeyCode.F12).waitFor("#pay-amount").press(KeyCode.F2).write("5").press(KeyCode.TAB).write("POS-3381");
        screen.press(KeyCode.ENTER).waitForText("#pay-due", "due ¥0.50");
        screen.write("10").waitForText("#pay-change", "Change ¥9.50");
        screen.press(KeyCode.ENTER).waitForText("#pay-done", "S001-T1-1-000002");

        SaleCompleted sale = till.ledger.read(s -> till.sales.saleByReceipt(s, "S001-T1-1-000002")).orElseThrow();
        assertThat(sale.tenders()).containsExactly(new Tender(TenderMethod.BANK_CARD, 500, "POS-3381"),
                new Tender(TenderMethod.CASH, 1000, null));
        assertThat(sale.change()).isEqualTo(950);
        screen.press(KeyCode.ENTER).waitUntilGone("#payment");
        screen.waitForText("#status-sync", "Offline").waitForText("#status-printer", "Printer not reachable · 1 waiting");
        assertThat(screen.text("#status-sync")).as("the sale's events wait for the server")
                .matches("Offline · [1-9]\\d* waiting to send");
        assertThat(ScreenDriver.fx(() -> javafx.stage.Window.getWindows().size())).isEqualTo(1);

        printer.switchOn();
        await().atMost(Duration.ofSeconds(15)).until(() -> printedLines().contains("S001-T1-1-000002"));
        screen.waitForText("#status-printer", "Printer ready");
    }

    private String printedLines() {
        return String.join("\n", EscPosReader.lines(printer.printed()));
    }
}
