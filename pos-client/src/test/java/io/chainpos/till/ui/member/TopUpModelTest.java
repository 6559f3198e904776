package io.chainpos.till.ui.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.loyalty.LoyaltyRulesAtTheTill;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topping up stored value from the member screen's view-model, on a real ledger under head office's 充100送20. */
class TopUpModelTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final List<MemberAccount> changed = new ArrayList<>();
    @TempDir
    Path dir;
    private ScreenTill till;
    private Member member;
    private MemberViewModel screen;

    private void open(boolean shiftOpen) {
        till = ScreenTill.ready(dir, clock, shiftOpen);
        LoyaltyRulesAtTheTill.publish(till.till, clock.instant());
        member = ((RegisterMember.Registered) till.till.registerMember.register(new RegisterMember.Request("13800000001",
                "张伟", Gender.MALE, null, true))).member();
        screen = new MemberViewModel(till.start(), Tasks.direct(), "owner", null, a -> { }, changed::add);
        screen.queryProperty().set("13800000001");
        screen.enter();
        screen.openTopUp();
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void aMemberFoundByPhoneIsToppedUpAHundredInCashAndGetsTheBonus() {
        open(true);
        assertThat(screen.tabProperty().get()).isEqualTo(MemberViewModel.Tab.TOP_UP);
        TopUpModel topUp = screen.topUp();

        topUp.quick(5_000);
        assertThat(topUp.bonusProperty().get()).as("50.00 is below the first step").isNull();
        topUp.clear();
        topUp.key("1");
        topUp.key("00");
        assertThat(topUp.bonusProperty().get().name()).isEqualTo("充100送20");
        assertThat(topUp.bonusProperty().get().bonus()).isEqualTo(2_000);
        screen.enter();

        Notice done = screen.noticeProperty().get();
        assertThat(done.level()).isEqualTo(Notice.Level.SUCCESS);
        assertThat(done.key()).isEqualTo("topUp.done");
        assertThat(done.args()).containsExactly("¥100.00", "¥20.00", "S001-T1-1-000001", "¥120.00", "¥100.00", "¥20.00");
        assertThat(screen.selectedProperty().get().storedValue()).as("the member shown has it").isEqualTo(12_000);
        assertThat(changed).singleElement().satisfies(a -> assertThat(a.storedValue()).isEqualTo(12_000));
        StoredValue parts = till.till.ledger.read(s -> till.till.balances.storedValueParts(s, member.memberId()));
        assertThat(parts).isEqualTo(new StoredValue(10_000, 2_000));
        assertThat(topUp.amountProperty().get()).as("ready for the next").isEmpty();
    }

    @Test
    void aWalletTopUpWithoutItsReferenceOrABadAmountIsRefusedInPlace() {
        open(true);
        TopUpModel topUp = screen.topUp();
        topUp.amountProperty().set("1OO");
        screen.enter();
        assertThat(screen.noticeProperty().get()).isEqualTo(Notice.error("topUp.badAmount", "1OO"));

        topUp.amountProperty().set("100");
        topUp.methodProperty().set(TenderMethod.MOBILE_WALLET);
        screen.enter();
        assertThat(screen.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.WALLET_TENDER_NEEDS_REFERENCE)));

        topUp.referenceProperty().set("WX4200001234");
        screen.enter();
        assertThat(screen.noticeProperty().get().key()).isEqualTo("topUp.done");
        assertThat(changed).singleElement().satisfies(a -> assertThat(a.storedValue()).isEqualTo(12_000));
    }

    @Test
    void withNoShiftOpenTheTopUpIsRefusedAndNothingIsRecorded() {
        open(false);
        screen.topUp().amountProperty().set("100");
        screen.enter();

        assertThat(screen.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_TOP_UP)));
        assertThat(screen.topUp().amountProperty().get()).as("kept to try again").isEqualTo("100");
        assertThat(changed).isEmpty();
        long storedValue = till.till.ledger.read(s -> till.till.balances.storedValue(s, member.memberId()));
        assertThat(storedValue).isZero();
    }

    @Test
    void escGoesBackFromTheTopUpToTheMemberAndNobodySelectedMeansNoTopUp() {
        open(true);
        screen.back();
        assertThat(screen.tabProperty().get()).isEqualTo(MemberViewModel.Tab.FIND);
        assertThat(screen.isClosed()).isFalse();

        MemberViewModel nobody = new MemberViewModel(till.start(), Tasks.direct(), "owner", null, a -> { }, changed::add);
        nobody.openTopUp();
        assertThat(nobody.tabProperty().get()).isEqualTo(MemberViewModel.Tab.FIND);
        assertThat(nobody.noticeProperty().get()).isEqualTo(Notice.info("member.noneSelected"));
    }
}
