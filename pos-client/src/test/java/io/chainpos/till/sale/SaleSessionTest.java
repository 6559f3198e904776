package io.chainpos.till.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.model.scan.BarcodeParser;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaleSessionTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private SaleSession sale;
    private final List<EventEnvelope> committed = new ArrayList<>();

    @BeforeEach
    void openTill() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock).withStaff();
        till.ledger.onCommit(committed::addAll);
        sale = till.session("c1");
    }

    @AfterEach
    void closeTill() {
        till.close();
    }

    @Test
    void scanningTheSameProductAddsToItsLineAndQuantitiesCanChange() {
        sale.scan(HeadOfficeEvents.COLA_BARCODE);
        sale.scan(HeadOfficeEvents.COLA_BARCODE);
        sale.scan("100002");

        assertThat(sale.quote().priced().lines()).extracting(PricedLine::lineNo, PricedLine::qtyMilli)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2000L), org.assertj.core.groups.Tuple.tuple(2, 1000L));
        sale.changeQuantity(2, 3000);
        sale.removeLine(1);
        assertThat(sale.quote().priced().total()).isEqualTo(2400);
        assertThat(sale.removeLine(9)).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, 9)));
    }

    @Test
    void aMemberQrOrCardAtTheSameFieldSelectsTheMember() {
        Member member = register();

        SaleSession.Outcome byQr = sale.scan(MemberCode.encode(member.cardNo()));
        assertThat(byQr).isInstanceOf(SaleSession.Updated.class);
        assertThat(sale.member()).isEqualTo(member);
        sale.setMember(null);
        sale.scan(member.cardNo().value());
        assertThat(sale.member()).isEqualTo(member);
        sale.scan(HeadOfficeEvents.COLA_BARCODE);
        assertThat(sale.quote().priced().total()).isEqualTo(300);
    }

    @Test
    void badCodesAreMessagesNotExceptions() {
        assertThat(sale.scan("6901234567893")).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.BAD_CHECK_DIGIT, "6901234567893")));
        assertThat(sale.scan("NOPE-1")).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, "NOPE-1")));
        assertThat(sale.scan(MemberCode.encode(new CardNo("812345678901234567")))).isEqualTo(
                new SaleSession.Refused(TillMessage.of(TillMessage.Code.MEMBER_CARD_UNKNOWN, "812345678901234567")));
        assertThat(sale.isEmpty()).isTrue();
    }

    @Test
    void aScaleLabelCarriesTheWeighedItemsPrice() {
        String data = "22" + "10001" + "00640"; // apples (SKU 210001 via its scale code) for 6.40
        till.ledger.remote().applyPulled(List.of(new HeadOfficeEvents(clock).envelope(new io.chainpos.model.event.CatalogItemUpserted(2,
                clock.instant(), HeadOfficeEvents.APPLES, List.of("10001"), "红富士苹果", "Fuji apples", "FRUIT",
                io.chainpos.model.event.CatalogItemUpserted.Unit.WEIGHT, 1280, null, 900, true))), 5);

        sale.scan(data + BarcodeParser.checkDigit(data));

        PricedLine line = sale.quote().priced().lines().getFirst();
        assertThat(line.qtyMilli()).isEqualTo(500);
        assertThat(line.total()).isEqualTo(640);
    }

    @Test
    void aPriceOverrideNeedsAManagerAndIsRecordedWithWhoApproved() {
        sale.scan("100002");

        assertThat(sale.overridePrice(1, 500, "0000")).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.PRICE_OVERRIDE_NEEDS_MANAGER)));
        assertThat(sale.overridePrice(1, 500, TestTill.MANAGER_PIN)).isInstanceOf(SaleSession.Updated.class);

        assertThat(sale.quote().priced().total()).isEqualTo(500);
        assertThat(payloads(ManagerApproved.class)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("PRICE_OVERRIDE");
            assertThat(a.approvedBy()).isEqualTo("manager");
            assertThat(a.detail()).isEqualTo("100002: 8.00 -> 5.00");
        });
    }

    @Test
    void aLineDiscountPastTheCashiersLimitNeedsAManager() {
        sale.scan("100002");

        assertThat(sale.discountLine(1, 80, null)).isInstanceOf(SaleSession.Updated.class);
        assertThat(sale.discountLine(1, 81, null)).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.DISCOUNT_NEEDS_MANAGER, 10)));
        assertThat(sale.discountLine(1, 200, TestTill.MANAGER_PIN)).isInstanceOf(SaleSession.Updated.class);
        assertThat(sale.quote().priced().total()).isEqualTo(600);
        assertThat(payloads(ManagerApproved.class)).extracting(ManagerApproved::action).containsExactly("LINE_DISCOUNT");
    }

    @Test
    void voidingASaleNeedsAManagerAndIsCounted() {
        sale.scan("100002");

        assertThat(sale.voidSale(null, "customer left")).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.VOID_NEEDS_MANAGER)));
        sale.voidSale(TestTill.OWNER_PIN, "customer left");

        assertThat(sale.isEmpty()).isTrue();
        assertThat(payloads(SaleVoided.class)).containsExactly(new SaleVoided(1, 800, "customer left", "c1", "owner"));
        assertThat(till.shifts.xReport().orElseThrow().voidsCount()).isEqualTo(1);
    }

    @Test
    void heldSalesSurviveARestartAndComeBackWithTheirMember() {
        Member member = register();
        sale.setMember(member);
        sale.scan(HeadOfficeEvents.COLA_BARCODE, 2000);
        assertThat(sale.hold()).isInstanceOf(SaleSession.Updated.class);
        sale.scan("100002");
        sale.hold();
        till.close();

        till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1");
        SaleSession reopened = till.session("c1");
        assertThat(reopened.heldSales()).hasSize(2);
        reopened.recall(reopened.heldSales().getFirst().holdNo());

        assertThat(reopened.member()).isEqualTo(member);
        assertThat(reopened.quote().priced().total()).isEqualTo(600);
        assertThat(reopened.heldSales()).hasSize(1);
        assertThat(reopened.recall(99)).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.FINISH_OR_HOLD_FIRST)));
    }

    @Test
    void aCashSaleOpensTheDrawerInTheSameTransactionAndGivesChange() {
        sale.scan("100002");
        committed.clear();

        SaleSession.Outcome paid = sale.addTender(new Tender(TenderMethod.CASH, 1000, null));

        SaleCompleted done = ((SaleSession.Paid) paid).sale().sale();
        assertThat(done.change()).isEqualTo(200);
        assertThat(committed).extracting(EventEnvelope::payload).last()
                .isEqualTo(new DrawerOpened(DrawerOpened.Reason.CASH_SALE, done.saleId(), "c1", null));
        assertThat(committed).extracting(EventEnvelope::tillSeq).doesNotHaveDuplicates();
        assertThat(sale.isEmpty()).isTrue();
    }

    @Test
    void aCardSaleDoesNotOpenTheDrawerAndAWalletNeedsItsReference() {
        sale.scan("100002");
        assertThat(sale.addTender(new Tender(TenderMethod.MOBILE_WALLET, 800, null)))
                .isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.WALLET_TENDER_NEEDS_REFERENCE)));
        committed.clear();

        assertThat(sale.addTender(new Tender(TenderMethod.MOBILE_WALLET, 800, "WX42"))).isInstanceOf(SaleSession.Paid.class);
        assertThat(committed).extracting(EventEnvelope::payload).noneMatch(e -> e instanceof DrawerOpened);
    }

    @Test
    void aCouponIsGoodForOneUseOnly() {
        till.ledger.remote().applyPulled(List.of(new HeadOfficeEvents(clock).envelope(new PromotionsPublished(1, clock.instant(),
                List.of(Promotion.everywhere("WELCOME", "新人券", "Welcome", 10, false,
                        new Rule.Coupon(List.of("HELLO-1"), 300, 0, 500)))))), 6);
        sale.scan("100002");
        sale.addCoupon("hello-1");
        assertThat(sale.quote().priced().total()).isEqualTo(500);
        sale.addTender(new Tender(TenderMethod.CASH, 500, null));
        assertThat(payloads(CouponRedeemed.class)).extracting(CouponRedeemed::code).containsExactly("HELLO-1");

        sale.scan("100002");
        sale.addCoupon("HELLO-1");
        assertThat(sale.addTender(new Tender(TenderMethod.CASH, 500, null)))
                .isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.COUPON_USED, "HELLO-1")));
    }

    @Test
    void noSaleOutsideAnOpenShift() {
        sale.scan("100002");
        till.shifts.close("c1", 50_000);

        assertThat(sale.addTender(new Tender(TenderMethod.CASH, 800, null)))
                .isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL)));
    }

    @Test
    void withNoShiftOpenNothingIsRungUpAtAll() {
        till.shifts.close("c1", 50_000);

        assertThat(sale.scan("100002")).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL)));
        Product bread = till.ledger.read(s -> till.catalog.findByCode(s, "100002", clock.instant())).orElseThrow();
        assertThat(sale.add(bread, 1000)).isEqualTo(new SaleSession.Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL)));
        assertThat(sale.isEmpty()).isTrue();
    }

    private Member register() {
        return ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member();
    }

    private <T extends Event> List<T> payloads(Class<T> type) {
        return committed.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }
}
