package io.chainpos.till.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.EventChain;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillWords;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.member.Member;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line till with its counter hardware: receipts, reprints, no sale, member cards, scans. */
class DeviceCommandsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    @TempDir
    Path dir;
    private Path receipts;
    private TestTill till;
    private Devices devices;

    @BeforeEach
    void open() {
        receipts = dir.resolve("receipts.escpos");
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        devices = TestDevices.start(till, TestDevices.printingTo(dir, DeviceSettings.Transport.FILE, receipts.toString(),
                Language.EN), clock);
    }

    @AfterEach
    void close() {
        devices.close();
        till.close();
    }

    @Test
    void aSaleIsPrintedAndCanBeReprintedByItsNumber() throws IOException {
        String out = run(Optional.empty(), """
                6901234567892
                pay cash 5
                """);
        assertThat(out).contains("receipt S001-T1-1-000001  total ¥3.50  change ¥1.50");
        await().untilAsserted(() -> assertThat(printed()).contains("SALES RECEIPT"));

        String again = run(Optional.empty(), """
                reprint S001-T1-1-000001
                reprint S001-T1-1-000999
                printer
                """);

        assertThat(again).contains("reprint of S001-T1-1-000001 sent to the printer",
                "No sale with receipt S001-T1-1-000999 in this store.", "printer ready");
        await().untilAsserted(() -> assertThat(printed()).contains("** REPRINT **"));
    }

    /** A Z closed from the console carries the chain's head as the screen's Z does: the hash of the close itself. */
    @Test
    void aZReportClosedFromTheConsoleShowsAndPrintsTheChainsHead() throws Exception {
        String out = run(Optional.empty(), """
                shift open 500
                6901234567892
                pay cash 5
                shift close 503.50
                """);

        long seq;
        String hash;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("till.db"));
             ResultSet last = db.createStatement().executeQuery(
                     "SELECT till_seq, envelope FROM ledger_events ORDER BY till_epoch DESC, till_seq DESC LIMIT 1")) {
            assertThat(last.next()).isTrue();
            seq = last.getLong(1);
            String envelope = last.getString(2);
            assertThat(envelope).contains("\"type\":\"ShiftClosed\"");
            EventCodec codec = EventCodec.standard();
            hash = EventChain.hashOf(codec.canonical(codec.readTree(envelope))).substring(0, 12);
        }
        assertThat(out).contains("Z report", "  chain #" + seq + " " + hash);
        await().untilAsserted(() -> assertThat(printed()).contains("Z REPORT").contains("#" + seq + " " + hash));
    }

    @Test
    void noSaleNeedsAManagersPinAndIsRefusedWhereThereAreNone() {
        String withoutManagers = run(Optional.empty(), "nosale 2468\n");
        till.withStaff();
        String withManagers = run(Optional.of(new OpenDrawerNoSale(till.ledger, till.approvals)), """
                nosale 1111
                nosale %s
                """.formatted(TestTill.MANAGER_PIN));

        assertThat(withoutManagers).contains("no manager PINs are set up on this till");
        assertThat(withManagers).contains("That PIN may not open the drawer with no sale.",
                "drawer opened, approved by manager");
        List<EventEnvelope> recorded = till.ledger.syncMarks().pending(100).events();
        assertThat(recorded).extracting(EventEnvelope::type).endsWith("ManagerApproved", "DrawerOpened");
        assertThat(recorded.getLast().payload())
                .isEqualTo(new DrawerOpened(DrawerOpened.Reason.NO_SALE, null, "cashier-01", "manager"));
    }

    @Test
    void aMemberCardPrintsWithTheQrCodeAScannerReadsBackOntoTheSale() throws IOException {
        run(Optional.empty(), "register 13800000001 李雷\ncard 13800000001\n");
        Member member = till.ledger.read(s -> till.members.findByPhone(s, "13800000001")).getFirst();
        String code = MemberCode.encode(member.cardNo());
        await().untilAsserted(() -> assertThat(printed()).contains("MEMBER CARD", code));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLineTill cli = tillPrintingTo(bytes, Optional.empty());
        cli.scanned(code);
        cli.scanned("CPM1:880000000017:00");
        cli.scanned("100002");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("member 李雷", "member QR code does not check out",
                "全麦面包 x 1 = ¥8.00");
    }

    private String run(Optional<OpenDrawerNoSale> noSale, String commands) {
        output.reset();
        try {
            tillPrintingTo(output, noSale).run(new BufferedReader(new StringReader(commands + "quit\n")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private CommandLineTill tillPrintingTo(ByteArrayOutputStream bytes, Optional<OpenDrawerNoSale> noSale) {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TillWords english = new TillWords(java.util.Locale.ENGLISH);
        return new CommandLineTill(till.ledger, till.counter("cashier-01"), null, out,
                new DeviceCommands(devices, noSale, "cashier-01", new TillId("S001-T1"), clock, out, english), english);
    }

    /** The receipts file as text: GB18030 with the ESC/POS commands left in, enough to look for words. */
    private String printed() throws IOException {
        return Files.exists(receipts) ? new String(Files.readAllBytes(receipts), Charset.forName("GB18030")) : "";
    }
}
