package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.till.loyalty.LoyaltyRulesAtTheTill;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.TestTill;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** A top-up with no shift open is refused on the member screen, with the till's reason, and nothing is recorded. */
class TopUpWithoutShiftScreenTest extends ScreenTestBase {
    private Member member;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    boolean shiftOpen() {
        return false;
    }

    @Override
    void before(TestTill ready) {
        LoyaltyRulesAtTheTill.publish(ready, ready.clock.instant());
        member = ((RegisterMember.Registered) ready.registerMember.register(new RegisterMember.Request("13800000001", "张伟",
                Gender.MALE, null, true))).member();
    }

    @Test
    void theTopUpIsRefusedInPlaceUntilAShiftIsOpen() {
        screen.waitFor("#sign-in-pin").write(TestTill.OWNER_PIN).press(KeyCode.ENTER).waitFor("#shift-float");
        screen.press(KeyCode.ESCAPE).waitUntilGone("#shift-screen").waitFor("#scan-field");

        screen.press(KeyCode.F1).waitFor("#member-query").write("13800000001").press(KeyCode.ENTER);
        screen.waitForText("#member-details", "张伟").press(KeyCode.F7).waitFor("#topup-amount");
        screen.click("#topup-amount").write("100").waitForText("#topup-bonus", "充100送20: +¥20.00").press(KeyCode.ENTER);
        screen.waitForText("#member-screen #notice", "Open a shift before taking a top-up");
        assertThat(screen.text("#topup-member")).contains("stored value now ¥0.00");
        assertThat(screen.text("#topup-amount")).as("kept to try again once a shift is open").isEqualTo("100");
        long storedValue = till.till.ledger.read(s -> till.till.balances.storedValue(s, member.memberId()));
        assertThat(storedValue).isZero();
    }
}
