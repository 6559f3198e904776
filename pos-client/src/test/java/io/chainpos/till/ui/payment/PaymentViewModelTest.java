package io.chainpos.till.ui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.loyalty.MemberAccounts;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.sale.LastSale;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking the money, on a real ledger without a screen: split tenders, change only in cash, refusals that keep tenders. */
class PaymentViewModelTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final List<LastSale> paid = new ArrayList<>();
    @TempDir
    Path dir;
    private ScreenTill till;
    private TillUseCases useCases;
    private SaleSession session;

    @BeforeEach
    void ringUp() {
        till = ScreenTill.ready(dir, clock, true);
        useCases = till.start();
        session = useCases.saleSessions().apply("c1");
        session.scan("100002", 2000);
        session.scan(HeadOfficeEvents.COLA_BARCODE);
    }

    @AfterEach
    void close() {
        till.close();
    }

    private PaymentViewModel payment(MemberAccounts.MemberAccount member) {
        return new PaymentViewModel(session, useCases, Tasks.direct(), session.quote().priced().total(), member, paid::add);
    }

    @Test
    void aCardThenCashPaysWithChangeFromTheCashOnly() {
        PaymentViewModel payment = payment(null);
        assertThat(payment.total()).isEqualTo(1950);

        payment.choose(TenderMethod.BANK_CARD);
        payment.amountProperty().set("10");
        payment.referenceProperty().set("POS-88");
        payment.enter();
        assertThat(payment.dueBinding().get()).isEqualTo(950);
        assertThat(payment.methodProperty().get()).as("back to cash for the rest").isEqualTo(TenderMethod.CASH);

        payment.key("2");
        payment.key("0");
        assertThat(payment.changeBinding().get()).as("the change as it would be").isEqualTo(1050);
        payment.enter();

        assertThat(payment.doneProperty().get()).isNotNull();
        assertThat(payment.doneProperty().get().change()).isEqualTo(1050);
        SaleCompleted sale = till.till.ledger.read(s -> till.till.sales.saleByReceipt(s,
                payment.doneProperty().get().receiptNo())).orElseThrow();
        assertThat(sale.tenders()).containsExactly(new Tender(TenderMethod.BANK_CARD, 1000, "POS-88"),
                new Tender(TenderMethod.CASH, 2000, null));
        assertThat(sale.change()).isEqualTo(1050);
        assertThat(paid).containsExactly(new LastSale(sale.receiptNo().value(), 1950, 1050, 0));
        assertThat(session.isEmpty()).isTrue();

        payment.enter();
        assertThat(payment.isClosed()).isTrue();
    }

    @Test
    void enterWithNothingTypedPaysTheExactRest() {
        PaymentViewModel payment = payment(null);

        payment.enter();

        assertThat(payment.doneProperty().get().change()).isZero();
        assertThat(payment.tenders()).containsExactly(new Tender(TenderMethod.CASH, 1950, null));
    }

    @Test
    void onlyCashGivesChangeAndAWalletNeedsItsReference() {
        PaymentViewModel payment = payment(null);

        payment.choose(TenderMethod.BANK_CARD);
        payment.amountProperty().set("30");
        payment.enter();
        assertThat(payment.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.CHANGE_ONLY_IN_CASH)));

        payment.choose(TenderMethod.MOBILE_WALLET);
        payment.amountProperty().set("5");
        payment.enter();
        assertThat(payment.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.WALLET_TENDER_NEEDS_REFERENCE)));
        assertThat(payment.tenders()).isEmpty();

        payment.choose(TenderMethod.POINTS);
        payment.enter();
        assertThat(payment.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.POINTS_NEED_MEMBER)));
        assertThat(payment.doneProperty().get()).isNull();
    }

    /** Total 19.50: only cash gives change, so an amount over what is due shows change only when typed as cash. */
    @Test
    void theChangeShownIsTheTenderRulesChangeForTheMethodChosen() {
        PaymentViewModel payment = payment(null);
        payment.amountProperty().set("30");

        payment.choose(TenderMethod.BANK_CARD);
        payment.referenceProperty().set("POS-1");
        assertThat(payment.changeBinding().get()).as("a card over what is due gives no change").isZero();
        payment.choose(TenderMethod.MOBILE_WALLET);
        assertThat(payment.changeBinding().get()).as("nor does a wallet").isZero();
        payment.choose(TenderMethod.CASH);
        assertThat(payment.changeBinding().get()).as("30.00 cash for 19.50").isEqualTo(1050);

        payment.amountProperty().set("15");
        assertThat(payment.changeBinding().get()).as("still 4.50 short").isZero();
    }

    @Test
    void aSaleTheTillRefusesKeepsTheEarlierTendersAndSaysWhy() {
        Member member = ((RegisterMember.Registered) useCases.registerMember().register(new RegisterMember.Request(
                "13800000009", "赵六", Gender.UNSPECIFIED, null, false))).member();
        session.setMember(member);
        PaymentViewModel payment = payment(useCases.memberAccounts().account(member));

        payment.amountProperty().set("5");
        payment.enter();
        payment.choose(TenderMethod.POINTS);
        payment.enter();

        assertThat(payment.doneProperty().get()).isNull();
        assertThat(payment.tenders()).containsExactly(new Tender(TenderMethod.CASH, 500, null));
        assertThat(payment.noticeProperty().get().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(payment.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.POINTS_SHORT, 0L, 1400L)));
        assertThat(session.isEmpty()).as("nothing was recorded").isFalse();
    }

    @Test
    void quickAmountsAreTheExactRestAndTheNextNotes() {
        assertThat(QuickAmounts.forDue(1240)).containsExactly(1240L, 2000L, 5000L, 10000L);
        assertThat(QuickAmounts.forDue(5000)).as("three 20s, or a 100").containsExactly(5000L, 6000L, 10000L);
        assertThat(QuickAmounts.forDue(0)).isEmpty();

        PaymentViewModel payment = payment(null);
        payment.quick(2000);
        assertThat(payment.doneProperty().get().change()).isEqualTo(50);
    }
}
