package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.device.printer.EscPosReader;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The shift on the real screens: a till with no shift open asks for the float at sign-in; after a sale the shift is
 * closed with the counted cash, and the Z report is shown and printed.
 */
class ShiftScreenTest extends ScreenTestBase {
    // ShiftScreenChineseTest runs the same on the Chinese screens.

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    boolean shiftOpen() {
        return false;
    }

    @Test
    void withNoShiftOpenAScanIsRefusedAtOnceInTheCashiersLanguage() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER);
        screen.waitFor("#shift-float").press(KeyCode.ESCAPE).waitUntilGone("#shift-screen").waitFor("#scan-field");

        screen.scan("6901234567892").waitForText("#notice", say("Open a shift before selling.", "请先开班再销售。"));
        assertThat(screen.text("#total")).isEqualTo("¥0.00");
    }

    @Test
    void aShiftOpensWithItsFloatAndClosesWithTheZReportShownAndPrinted() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER);
        screen.waitFor("#shift-float").write("500").press(KeyCode.ENTER);
        screen.waitUntilGone("#shift-screen").waitForText("#status-shift", say("Shift since", "班次")).waitFor("#scan-field");

        assertThat(till.till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)),
                null, List.of(new Tender(TenderMethod.CASH, 1000, null)), "owner"))).isInstanceOf(Checkout.Completed.class);

        screen.press(KeyCode.F10).waitFor("#shift-report").waitForText("#report-expected", "¥508.00");
        screen.waitFor("#shift-counted").write("507.5").press(KeyCode.ENTER);
        screen.waitForText("#shift-difference", "-¥0.50");
        assertThat(screen.text("#report-counted")).isEqualTo("¥507.50");
        assertThat(till.till.shifts.xReport()).as("the shift is closed").isEmpty();
        String[] closedEvent = till.till.ledger.read(s -> s.handle().createQuery(
                        "SELECT till_seq, envelope FROM ledger_events WHERE type = 'ShiftClosed'")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one());
        String head = "#" + closedEvent[0] + " · " + sha256(closedEvent[1]).substring(0, 12);
        assertThat(screen.text("#report-chainHead")).isEqualTo(head);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.exists(till.printerFile())
                && EscPosReader.lines(Files.readAllBytes(till.printerFile())).stream()
                .anyMatch(line -> line.contains("Z"))).isTrue());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(EscPosReader.lines(Files.readAllBytes(till.printerFile())))
                .anyMatch(line -> line.startsWith("账链") && line.endsWith(head.replace(" · ", " "))));

        screen.press(KeyCode.ESCAPE).waitUntilGone("#shift-screen").waitForText("#status-shift", say("No shift open", "未开班"));
    }

    /** The protocol's hash of an event (SHA-256 of its canonical JSON), taken here from the text in the ledger. */
    private String sha256(String envelope) {
        try {
            byte[] canonical = till.till.codec.canonical(till.till.codec.readTree(envelope)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
