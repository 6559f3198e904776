package io.chainpos.till.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void xAndZReportsGiveSalesByTenderAndExpectedAgainstCountedCash() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SaleSession sale = till.session("c1");
            sale.scan("100002");
            sale.pay(List.of(new Tender(TenderMethod.CASH, 1000, null)));
            sale.scan("100002", 2000);
            sale.pay(List.of(new Tender(TenderMethod.BANK_CARD, 1000, "T1"), new Tender(TenderMethod.CASH, 600, null)));
            till.shifts.moveCash("c1", CashMoved.Direction.OUT, 20_000, "to the bank");

            ShiftReport x = till.shifts.xReport().orElseThrow();
            assertThat(x.kind()).isEqualTo(ShiftReport.Kind.X);
            assertThat(till.shifts.openSince()).as("what the top bar shows, read from the shift's row").contains(x.openedAt());
            assertThat(x.salesCount()).isEqualTo(2);
            assertThat(x.byTender()).containsExactly(new ShiftReport.TenderLine(TenderMethod.CASH, 2, 1400, 0),
                    new ShiftReport.TenderLine(TenderMethod.BANK_CARD, 1, 1000, 0));
            assertThat(x.expectedCash()).isEqualTo(50_000 + 1400 - 20_000);

            Shifts.Closed closed = (Shifts.Closed) till.shifts.close("c1", 31_300);
            assertThat(closed.zReport().kind()).isEqualTo(ShiftReport.Kind.Z);
            assertThat(closed.zReport().difference()).isEqualTo(-100);
            assertThat(till.shifts.xReport()).isEmpty();
            assertThat(till.shifts.openSince()).isEmpty();
            assertThat(till.shifts.report(closed.zReport().shiftId())).contains(closed.zReport());
        }
    }

    @Test
    void theZReportCarriesTheEventChainAtTheCloseTheSeqAndHashOfItsShiftClosedEvent() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SaleSession sale = till.session("c1");
            sale.scan("100002");
            sale.pay(List.of(new Tender(TenderMethod.CASH, 1000, null)));

            Shifts.Closed closed = (Shifts.Closed) till.shifts.close("c1", 50_400);

            String[] last = till.ledger.read(s -> s.handle().createQuery(
                            "SELECT till_seq, type, envelope FROM ledger_events ORDER BY till_seq DESC LIMIT 1")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).one());
            assertThat(last[1]).isEqualTo("ShiftClosed");
            byte[] canonical = till.codec.canonical(till.codec.readTree(last[2])).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
            assertThat(closed.chainHead()).isEqualTo(new io.chainpos.model.event.ChainHead(1, Long.parseLong(last[0]), hash));
            assertThat(closed.chainHead().shortHash()).isEqualTo(hash.substring(0, 12));
        }
    }

    @Test
    void oneShiftAtATimeAndCashMovementsNeedAReasonAndTheCash() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            assertThat(till.shifts.open("c1", 100)).isEqualTo(new Shifts.Refused(TillMessage.of(TillMessage.Code.SHIFT_ALREADY_OPEN)));
            assertThat(till.shifts.moveCash("c1", CashMoved.Direction.IN, 100, " "))
                    .isEqualTo(new Shifts.Refused(TillMessage.of(TillMessage.Code.CASH_IN_NEEDS_REASON)));
            assertThat(till.shifts.moveCash("c1", CashMoved.Direction.OUT, 60_000, "bank"))
                    .isEqualTo(new Shifts.Refused(TillMessage.of(TillMessage.Code.DRAWER_HOLDS_ONLY, io.chainpos.model.money.Money.cny(50_000))));
            till.shifts.close("c1", 50_000);
            assertThat(till.shifts.close("c1", 50_000)).isEqualTo(new Shifts.Refused(TillMessage.of(TillMessage.Code.NO_SHIFT_OPEN)));
            assertThat(till.shifts.open("c2", 30_000)).isInstanceOf(Shifts.Opened.class);
            assertThat(till.shifts.xReport().orElseThrow().openedBy()).isEqualTo("c2");
        }
    }
}
