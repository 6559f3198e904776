package io.chainpos.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillWords;
import io.chainpos.till.testing.TestTill;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTillTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aCashierRingsUpAMemberSaleAndPaysInTwoTenders() throws Exception {
        String output = run("""
                register 13800000001 李雷
                scan 6901234567892 2
                scan 210001 0.5
                cart
                pay cash 5
                pay cash 10
                member 13800000001
                quit
                """);

        assertThat(output)
                .contains("registered, card 8")
                .contains("可口可乐 330ml x 2 = ¥6.00   total ¥6.00")
                .contains("红富士苹果 x 0.5 = ¥6.40   total ¥12.40")
                .contains("tendered ¥5.00, still due ¥7.40")
                .contains("receipt S001-T1-1-000001  total ¥12.40  change ¥2.60")
                .contains("points earned 12, balance 12")
                .contains("member 李雷");
    }

    @Test
    void mistakesAreSentencesAndNothingIsRecorded() throws Exception {
        String output = run("""
                scan 123
                scan 6901234567892 two
                pay cash 5
                pay gold 5
                scan 100002
                pay cash lots
                pay cash 1.005
                member 13999999999
                frobnicate
                quit
                """);

        assertThat(output)
                .contains("Unknown product code 123.")
                .contains("not a quantity: two")
                .contains("Ring up the sale before paying.")
                .contains("tender methods: cash, card, wallet, points, stored, coupon")
                .contains("not an amount: lots")
                .contains("not an exact amount in CNY: 1.005")
                .contains("No member with this mobile number at this till yet.")
                .contains("unknown command 'frobnicate'")
                .doesNotContain("Exception")
                .doesNotContain("receipt");
    }

    @Test
    void aShiftWithAHeldSaleAVoidARefundAndTheZReport() throws Exception {
        String output = run("""
                staff owner 店主 owner 8888
                staff boss 王经理 manager 2468 8888
                scan 100002 2
                hold
                scan 6901234567892
                held
                recall 1
                cart
                void
                void 2468 customer left
                scan 100002 2
                pay card 16.00 T-1
                refund S001-T1-1-000001 100002 1
                refund S001-T1-1-000001 100002 5
                shift out 100 banked
                shift close 400
                scan 100002
                pay cash 10
                quit
                """);

        assertThat(output)
                .contains("staff owner saved as OWNER")
                .contains("staff boss saved as MANAGER")
                .contains("Held as #1.")
                .contains("Finish or hold the current sale first.")
                .contains("Voiding a sale needs a manager's PIN.")
                .contains("Sale voided.")
                .contains("receipt S001-T1-1-000001  total ¥16.00  change ¥0.00")
                .contains("back to BANK_CARD  ¥8.00")
                .contains("Only 1 of 全麦面包 can still be refunded.")
                .contains("Z report, shift opened by c1, float ¥500.00")
                .contains("sales 1  ¥16.00   refunds 1  ¥8.00   discounts ¥0.00   voids 1  ¥3.50")
                .contains("expected cash ¥400.00  counted ¥400.00  difference ¥0.00")
                .contains("Open a shift before selling.")
                .doesNotContain("Exception");
    }

    @Test
    void memberCommandsFindHistoryImportAndErase() throws Exception {
        Path csv = dir.resolve("members.csv");
        java.nio.file.Files.writeString(csv, "phone,name,birthday\n13800000002,韩梅梅,1991-04-05\n12345,坏号码,\n");
        String output = run("""
                staff owner 店主 owner 8888
                staff boss 王经理 manager 2468 8888
                register 13800000001 李雷
                member CPM1:800000000000000000:00
                member +8613800000001
                import members %s
                history 13800000002
                erase 13800000002 2468
                erase 13800000002 8888
                member 13800000002
                quit
                """.formatted(csv));

        assertThat(output)
                .contains("This member QR code does not check out")
                .contains("member 李雷")
                .contains("1 members imported, 1 rows refused")
                .contains("line 3: phone: Not a mainland mobile number")
                .contains("history this till knows: This till has no sync server.")
                .contains("MemberRegistered").contains("name=韩梅梅")
                .contains("Only the store owner's PIN may erase a member's personal data.")
                .contains("personal data erased (1 member id(s)); points and sales stay")
                .contains("No member with this mobile number at this till yet.")
                .doesNotContain("Exception");
    }

    @Test
    void storedValueAndPointsFromTheCommandLine() throws Exception {
        String output = run("""
                register 13700000001 周杰
                scan 100002 125
                pay cash 1000
                topup 13700000001 100 cash
                member 13700000001
                rewards
                reward 13700000001 MUG
                topup refund S001-T1-1-000002
                topup refund S001-T1-1-000002
                topup 13700000001 100 points
                expiring 30
                shift x
                quit
                """, true);

        assertThat(output)
                .contains("topped up ¥100.00 + bonus ¥20.00 (充100送20), receipt S001-T1-1-000002; stored value ¥120.00 (paid ¥100.00, bonus ¥20.00)")
                .contains("the member moves up to SILVER")
                .contains("tier SILVER  points 1000  stored value ¥120.00 (paid ¥100.00, bonus ¥20.00)")
                .contains("MUG        马克杯  800 points")
                .contains("MUG for 800 points; 200 points left")
                .contains("refunded ¥100.00 by [cash]; bonus ¥20.00 withdrawn; stored value now ¥0.00")
                .contains("Top-up S001-T1-1-000002 was already refunded.")
                .contains("a top-up is paid by cash, card or wallet")
                .contains("no member's points expire within 30 days")
                .contains("stored value top-ups 1  ¥100.00   top-ups refunded ¥100.00")
                .containsPattern("CASH +sales +¥1000\\.00 ") // the sale's cash only, not the top-up's
                .containsPattern("CASH +top-ups +¥100\\.00 +refunded +¥100\\.00")
                .doesNotContain("Exception");
    }

    @Test
    void goodsInATransferOutAndItsCancellationFromTheCommandLine() throws Exception {
        String output = run("""
                receive 康师傅 DN-7 6901234567892:20:24:1 100002:abc
                receive 康师傅 DN-7 6901234567892:-2
                receive - - 6909999999999:3
                receive 康师傅 DN-7 6901234567892:20:24:1 100002:6
                transfer send S001 100002:2
                transfer send S002 6901234567892:5 100002:2
                transfers
                stock 6901234567892
                transfer receive S001-T1-1-T000001
                transfer cancel S001-T1-1-T000001 wrong store
                transfer cancel S001-T1-1-T000001
                stock 6901234567892
                quit
                """);

        assertThat(output)
                .contains("Quantity of 100002: 'abc' is not a number.")
                .contains("Quantity of 6901234567892: -2 is below zero.")
                .contains("Unknown product code 6909999999999.")
                .contains("Goods received as S001-T1-1-G000001: 2 products; 2 discrepancies noted.")
                .contains("A transfer goes to another store, not to this one (S001).")
                .contains("Transfer S001-T1-1-T000001 to store S002 sent: 2 products in transit.")
                .containsPattern("slip S001-T1-1-T000001/[0-9a-f]{8}")
                .containsPattern("S001-T1-1-T000001/[0-9a-f]{8}  S001 -> S002  \\[100001 x 5, 100002 x 2\\]")
                .contains("100001 可口可乐 330ml: on hand 15, on the way here 0, sent and not yet arrived 5")
                .contains("Transfer S001-T1-1-T000001 goes to store S002, not to this one.")
                .contains("Transfer S001-T1-1-T000001 cancelled: its goods are back in stock.")
                .contains("Transfer S001-T1-1-T000001 was cancelled by the sending store.")
                .contains("100001 可口可乐 330ml: on hand 20, on the way here 0, sent and not yet arrived 0")
                .doesNotContain("Exception");
    }

    @Test
    void aStocktakeCountedAndApprovedFromTheCommandLine() throws Exception {
        String output = run("""
                stocktake count 6901234567892:3
                receive - - 6901234567892:20 100002:6
                stocktake start category DRINKS
                stocktake count 6901234567892:12 6901234567892:abc 100002:1 6909999999999:1
                stocktake count 6901234567892:-1
                stocktake count 6901234567892:5
                stocktake correct 6901234567892 18
                stocktake show
                stocktake approve
                stocktake approve 0000
                stocktake approve 2468
                stock 6901234567892
                quit
                """, false, true);

        assertThat(output)
                .contains("No stocktake is open: start one first.")
                .contains("Stocktake of category DRINKS started: scan the products and type how many. Sales go on.")
                .contains("100001: counted 12, on hand 20 when counted.")
                .contains("Quantity of 6901234567892: 'abc' is not a number.")
                .contains("Product 100002 is in category BAKERY, not in DRINKS, which this stocktake counts.")
                .contains("Unknown product code 6909999999999.")
                .contains("Quantity of 6901234567892: -1 is below zero.")
                .contains("100001: counted 17, on hand 20 when counted.")
                .contains("100001  counted 18  on hand when counted 20  difference -2")
                .contains("0 products in scope not counted")
                .contains("Finishing a stocktake needs a manager's PIN.")
                .contains("That PIN may not approve a stocktake: a manager or owner must.")
                .contains("Stocktake S001-T1-1-K000001 approved by 王经理: 1 products adjusted.")
                .contains("100001 可口可乐 330ml: on hand 18,")
                .doesNotContain("Exception");
    }

    private String run(String commands, boolean loyaltyRules, boolean staff) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            if (staff) {
                till.withStaff();
            }
            new CommandLineTill(till.ledger, till.counter("c1"), null, out, new TillWords(java.util.Locale.ENGLISH)).run(new BufferedReader(new StringReader(commands)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String run(String commands) throws Exception {
        return run(commands, false);
    }

    private String run(String commands, boolean loyaltyRules) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            if (loyaltyRules) {
                io.chainpos.till.loyalty.LoyaltyRulesAtTheTill.publish(till, clock.instant());
            }
            new CommandLineTill(till.ledger, till.counter("c1"), null, out, new TillWords(java.util.Locale.ENGLISH)).run(new BufferedReader(new StringReader(commands)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
