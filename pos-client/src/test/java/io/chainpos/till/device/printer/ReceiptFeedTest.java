package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestDevices;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts print for committed sales, once each, with the member's points from the loyalty ledger. */
class ReceiptFeedTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;
    private Path receipts;
    private TestTill till;
    private Devices devices;

    @BeforeEach
    void open() {
        receipts = dir.resolve("receipts.escpos");
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        devices = startDevices();
    }

    @AfterEach
    void close() {
        devices.close();
        till.close();
    }

    @Test
    void aMemberSaleReceiptShowsThePointsEarnedAndTheBalanceAfterIt() {
        MemberId member = ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member().memberId();
        sell(member, 1000);

        SaleCompleted second = sell(member, 2000);

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(2));
        List<String> lines = EscPosReader.lines(printed());
        int secondStart = lines.lastIndexOf("销售小票");
        List<String> secondReceipt = lines.subList(secondStart, lines.size());
        assertThat(secondReceipt).anyMatch(l -> l.startsWith("小票号") && l.endsWith(second.receiptNo().value()))
                .anyMatch(l -> l.startsWith("本次积分") && l.endsWith(" 16"))
                .anyMatch(l -> l.startsWith("积分余额") && l.endsWith(" 24"))
                .anyMatch(l -> l.matches("会员卡号 +8\\d{3}\\*{4}\\d{4}"));
    }

    @Test
    void aTopUpPrintsItsSlipWithTheBonusAndTheStoredValueAfterIt() {
        io.chainpos.till.loyalty.LoyaltyRulesAtTheTill.publish(till, clock.instant());
        MemberId member = ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member().memberId();
        till.topUp.topUp(new io.chainpos.till.loyalty.TopUp.Request(member, 10_000, List.of(new Tender(TenderMethod.CASH, 10_500, null)),
                "cashier-01"));

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));
        assertThat(EscPosReader.lines(printed())).contains("储值充值单")
                .anyMatch(l -> l.startsWith("充值金额") && l.endsWith("100.00"))
                .anyMatch(l -> l.startsWith("赠送金额 充100送20") && l.endsWith("20.00"))
                .anyMatch(l -> l.startsWith("找零") && l.endsWith("5.00"))
                .anyMatch(l -> l.startsWith("储值余额") && l.endsWith("120.00"))
                .anyMatch(l -> l.startsWith("小票号") && l.endsWith("S001-T1-1-000001"));
    }

    @Test
    void aSaleWithoutAMemberHasNoPointsSection() {
        sell(null, 1000);

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));
        assertThat(EscPosReader.lines(printed())).noneMatch(l -> l.startsWith("会员卡号") || l.startsWith("本次积分"));
    }

    @Test
    void aSaleCommittedJustBeforeACrashPrintsAtTheNextStartAndOnlyOnce() throws IOException {
        sell(null, 1000);
        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));
        devices.close();

        SaleCompleted unprinted = sell(null, 1000);
        clock.advance(Duration.ofMinutes(2));
        devices = startDevices();

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(2));
        assertThat(EscPosReader.lines(printed())).filteredOn(l -> l.startsWith("小票号"))
                .hasSize(2).last().asString().endsWith(unprinted.receiptNo().value());
        devices.close();
        devices = startDevices();
        sell(null, 1000);
        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(3));
        assertThat(EscPosReader.lines(printed())).filteredOn(l -> l.startsWith("小票号")).doesNotHaveDuplicates();
    }

    @Test
    void aSaleTooOldToReachItsCustomerIsNotPrintedAfterALongOutage() throws IOException {
        devices.close();
        sell(null, 1000);
        clock.advance(Duration.ofHours(1));
        devices = startDevices();

        SaleCompleted next = sell(null, 1000);

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));
        assertThat(EscPosReader.lines(printed())).filteredOn(l -> l.startsWith("小票号")).singleElement()
                .asString().endsWith(next.receiptNo().value());
    }

    @Test
    void aNewTillDoesNotPrintTheSalesItMadeBeforeItHadAPrinter() throws IOException {
        devices.close();
        Files.deleteIfExists(receipts);
        try (TestTill other = TestTill.withCatalog(dir.resolve("other.db"), clock)) {
            other.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                    List.of(new Tender(TenderMethod.CASH, 800, null)), "c1"));
            try (Devices first = TestDevices.start(other, settings(), clock)) {
                other.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1000)), null,
                        List.of(new Tender(TenderMethod.CASH, 800, null)), "c1"));
                await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));
                assertThat(EscPosReader.lines(printed())).anyMatch(l -> l.endsWith("S001-T1-1-000002"))
                        .noneMatch(l -> l.endsWith("S001-T1-1-000001"));
            }
        }
        devices = startDevices();
    }

    @Test
    void rebuildingTheProjectionsPrintsNothingAgain() {
        sell(null, 1000);
        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(1));

        till.ledger.rebuildProjections();
        sell(null, 1000);

        await().untilAsserted(() -> assertThat(cuts()).isEqualTo(2));
        assertThat(EscPosReader.lines(printed())).filteredOn(l -> l.startsWith("小票号")).doesNotHaveDuplicates();
    }

    private Devices startDevices() {
        return TestDevices.start(till, settings(), clock);
    }

    private DeviceSettings settings() {
        return TestDevices.printingTo(dir, DeviceSettings.Transport.FILE, receipts.toString(), Language.ZH);
    }

    /** Sells bread (8.00 a loaf, 1000 = one loaf) paid exactly in cash. */
    private SaleCompleted sell(MemberId member, long breadMilli) {
        Checkout.Result result = till.sell(new TestTill.Sale(
                List.of(new TestTill.Line(HeadOfficeEvents.BREAD.value(), breadMilli)), member,
                List.of(new Tender(TenderMethod.CASH, breadMilli * 8 / 10, null)), "cashier-01"));
        return ((Checkout.Completed) result).sale();
    }

    private byte[] printed() {
        try {
            return Files.exists(receipts) ? Files.readAllBytes(receipts) : new byte[0];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long cuts() {
        return EscPosReader.read(printed()).stream()
                .filter(i -> i instanceof EscPosReader.Command c && c.name().startsWith("CUT")).count();
    }
}
