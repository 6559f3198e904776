package io.chainpos.till.backup;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.sale.Refunds;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.web.PageClient;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.member.Member;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till's disk dies mid-shift: head office revokes it and issues a replacement code in its pages, a fresh PC enrolls
 * with the code as the same till under a new epoch, and after one sync it sells and refunds as the old PC would have,
 * against a real server on a SQLite file. Nothing that reached the server is lost or counted twice.
 */
class ReplaceDeadTillEndToEndTest {
    static final String COLA = "100001";
    static final String PASSWORD = "head office replaces tills";
    static final Pattern CODE = Pattern.compile("id=\"enrollment-code\"[^>]*>([^<]+)<");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T01:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill dead;
    SyncedTill replacement;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {dead, replacement, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Signs in to the back office as head office's admin, revokes the till and issues its replacement code. */
    static String revokeAndReplaceInTheBackOffice(RealServer server, String store, String till) {
        PageClient pages = PageClient.on(server.uri());
        assertThat(pages.signIn("it.admin", PASSWORD)).isTrue();
        pages.get("/stores/" + store + "/tills");
        PageClient.Page revoked = pages.post("/stores/" + store + "/tills/" + till + "/revoke",
                Map.of("_csrf", pages.csrfToken(), "_once", pages.formToken()));
        assertThat(revoked.status()).isEqualTo(303);
        pages.get("/stores/" + store + "/tills");
        PageClient.Page issued = pages.post("/stores/" + store + "/tills/" + till + "/code",
                Map.of("_csrf", pages.csrfToken(), "_once", pages.formToken()));
        assertThat(issued.status()).isEqualTo(200);
        Matcher code = CODE.matcher(issued.body());
        assertThat(code.find()).as("the page shows the code").isTrue();
        return code.group(1).strip();
    }

    long serverStock() {
        return server.ports().stock().stock(StoreId.of("S001"), Sku.of(COLA)).qtyMilli();
    }

    MemberView serverMember(Member member) {
        return server.ports().members().member(member.memberId()).orElseThrow();
    }

    @Test
    void aReplacementEnrolledWithHeadOfficesCodeCarriesOnAsTheDeadTillAndRefundsItsSalesByReceiptNumber() throws Exception {
        replaceTheDeadTill(false);
    }

    @Test
    void onAChainWithMonthsOfHistoryTheReplacementStartsFromASnapshotAndStillRefundsYesterdaysReceipt() throws Exception {
        replaceTheDeadTill(true);
    }

    /** {@code monthsOfHistory}: the chain's first events are older than the pull retention, so the replacement takes a snapshot. */
    void replaceTheDeadTill(boolean monthsOfHistory) throws Exception {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        server.createUser("it.admin", Role.HQ_ADMIN, null, PASSWORD);
        Path deadFolder = dir.resolve("dead-pc");
        dead = SyncedTill.enroll(deadFolder.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        dead.sync();
        String oldToken = dead.till.ledger.registration().serverLink().orElseThrow().token();
        if (monthsOfHistory) {
            clock.advance(Duration.ofDays(45));
        }

        // A morning's trade: the shift opens with 500.00, a member tops up 100.00 in cash (100 + 20 bonus), buys four
        // colas paying 5.00 from stored value and the rest in cash; a walk-in buys two colas.
        clock.advance(Duration.ofMinutes(5));
        assertThat(dead.till.shifts.open("cashier", 50_000)).isInstanceOf(io.chainpos.till.shift.Shifts.Opened.class);
        Member member = dead.register("13700000016", "陈静");
        TopUp.ToppedUp topUp = (TopUp.ToppedUp) dead.till.topUp.topUp(new TopUp.Request(member.memberId(), 10_000,
                List.of(cash(10_000)), "cashier"));
        assertThat(topUp.balance()).isEqualTo(new StoredValue(10_000, 2_000));
        clock.advance(Duration.ofMinutes(5));
        Checkout.Completed first = dead.sell(member, COLA, 4000, new Tender(TenderMethod.STORED_VALUE, 500, null), cash(10_000));
        long firstTotal = first.sale().total();
        long firstCash = firstTotal - 500;
        assertThat(first.pointsEarned()).isPositive();
        clock.advance(Duration.ofMinutes(5));
        Checkout.Completed second = dead.sell(null, COLA, 2000, cash(10_000));
        long secondTotal = second.sale().total();
        dead.sync();
        long pointsBefore = dead.points(member.memberId());
        assertThat(pointsBefore).isEqualTo(serverMember(member).pointsBalance()).isEqualTo(first.pointsEarned());

        // The disk dies: the folder is gone.
        dead.close();
        dead = null;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(deadFolder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }

        // Head office revokes the dead till and issues its replacement code in the back office.
        clock.advance(Duration.ofMinutes(20));
        String code = revokeAndReplaceInTheBackOffice(server, "S001", "S001-T1");
        assertThat(new Api(server.uri(), oldToken).get("/api/v1/sync/pull?after=0").status())
                .as("the dead till's token is refused").isEqualTo(401);

        replacement = SyncedTill.enroll(dir.resolve("new-pc").resolve("till.db"), clock, server::uri, code);
        assertThat(replacement.identity().tillId().value()).isEqualTo("S001-T1");
        assertThat(replacement.identity().epoch()).isEqualTo(2);
        assertThat(replacement.till.shifts.open("cashier", 20_000)).as("before its first sync brings back the open shift")
                .isEqualTo(new io.chainpos.till.shift.Shifts.Refused(io.chainpos.till.TillMessage.of(
                        io.chainpos.till.TillMessage.Code.SHIFT_WAITS_FOR_FIRST_SYNC)));
        replacement.sync();
        assertThat(replacement.requested.contains("/api/v1/sync/snapshot")).as("started from a snapshot").isEqualTo(monthsOfHistory);
        assertThat(new Api(server.uri(), oldToken).get("/api/v1/sync/pull?after=0").status())
                .as("still refused once the replacement is enrolled").isEqualTo(401);

        // The catalog, the member and balances, the store's stock came back.
        Optional<io.chainpos.till.catalog.Product> cola =
                replacement.till.ledger.read(s -> replacement.till.catalog.findByCode(s, COLA, clock.instant()));
        assertThat(cola).isPresent();
        List<Member> found = replacement.till.ledger.read(s -> replacement.till.members.findByPhone(s, "13700000016"));
        assertThat(found).extracting(Member::memberId).containsExactly(member.memberId());
        assertThat(replacement.points(member.memberId())).isEqualTo(pointsBefore);
        StoredValue storedValue = replacement.till.ledger.read(s -> replacement.till.balances.storedValueParts(s, member.memberId()));
        assertThat(storedValue).as("120.00 topped up less the 5.00 paid").isEqualTo(serverStoredValue(member));
        assertThat(replacement.storedValue(member.memberId())).isEqualTo(12_000 - 500);
        assertThat(replacement.stock(COLA)).as("the demo's opening 200 at S001, less the 6 sold").isEqualTo(200_000 - 6000)
                .isEqualTo(serverStock());

        // The dead till's shift is still open: the cashier carries on with it, and its figures are the dead till's.
        Optional<ShiftStore.Shift> shift = replacement.till.ledger.read(replacement.till.shiftStore::current);
        assertThat(shift).isPresent();
        assertThat(shift.get().openedBy()).isEqualTo("cashier");
        ShiftReport x = replacement.till.shifts.xReport().orElseThrow();
        assertThat(x.salesCount()).isEqualTo(2);
        assertThat(x.topUpsCount()).isEqualTo(1);
        assertThat(x.expectedCash()).isEqualTo(50_000 + 10_000 + firstCash + secondTotal);

        // The member's receipt from the dead till is refunded here by its number.
        clock.advance(Duration.ofMinutes(5));
        String receipt = first.sale().receiptNo().value();
        RefundSale.Result refund = replacement.till.refunds.refund(receipt,
                List.of(new Refunds.Request(Sku.of(COLA), 4000)), "cashier");
        assertThat(refund).isInstanceOf(RefundSale.Refunded.class);
        RefundSale.Refunded refunded = (RefundSale.Refunded) refund;
        assertThat(refunded.pointsTakenBack()).isEqualTo(first.pointsEarned());
        assertThat(refunded.storedValueRestored()).isEqualTo(500);
        Checkout.Completed third = replacement.sell(null, COLA, 1000, cash(1000));
        assertThat(third.sale().receiptNo().value()).as("a receipt number of the new epoch")
                .isNotIn(receipt, second.sale().receiptNo().value());
        assertThat(refunded.refund().refundNo()).isNotNull();
        replacement.sync();

        // The server links the refund to the sale, and its figures are a hand count's.
        assertThat(server.ports().salesFacts().refundedOf(first.sale().saleId().toString())).isEqualTo(firstTotal);
        assertThat(serverMember(member).pointsBalance()).as("the earned points taken back").isZero();
        assertThat(serverMember(member).storedValueBalance()).as("the 5.00 paid back to stored value").isEqualTo(12_000);
        assertThat(serverStock()).as("200 less 6 sold, plus 4 back, less 1 sold").isEqualTo(200_000 - 6000 + 4000 - 1000);
        assertThat(replacement.points(member.memberId())).isZero();
        assertThat(replacement.storedValue(member.memberId())).isEqualTo(12_000);
        assertThat(replacement.stock(COLA)).isEqualTo(serverStock());
        assertThat(server.ports().exceptions().exceptions(100)).isEmpty();
        ShiftReport closing = replacement.till.shifts.xReport().orElseThrow();
        long expected = 50_000 + 10_000 + firstCash + secondTotal - firstCash + third.sale().total();
        assertThat(closing.expectedCash()).isEqualTo(expected);

        // The cashier closes the shift the dead till opened: the drawer counted matches both PCs' takings.
        io.chainpos.till.shift.Shifts.Result closed = replacement.till.shifts.close("cashier", expected);
        assertThat(closed).isInstanceOfSatisfying(io.chainpos.till.shift.Shifts.Closed.class, z -> {
            assertThat(z.zReport().shiftId()).isEqualTo(shift.get().shiftId());
            assertThat(z.zReport().salesCount()).isEqualTo(3);
            assertThat(z.zReport().difference()).isZero();
        });
        assertThat(replacement.till.ledger.read(replacement.till.shiftStore::current)).isEmpty();
    }

    StoredValue serverStoredValue(Member member) {
        MemberView m = serverMember(member);
        return new StoredValue(m.storedValuePaid(), m.storedValueBonus());
    }
}
