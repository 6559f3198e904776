package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.Gender;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.till.device.printer.EscPosReader;
import io.chainpos.till.loyalty.LoyaltyRulesAtTheTill;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Topping up stored value on the real screens under head office's 充100送20: the member on the sale is topped up
 * ¥100 in cash from the member screen (F7), the bonus shown before Enter, the new stored value in place, its receipt
 * printed, and the sale's member panel shows it after going back.
 */
class TopUpScreenTest extends ScreenTestBase {
    private Member member;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    void before(TestTill ready) {
        LoyaltyRulesAtTheTill.publish(ready, ready.clock.instant());
        member = ((RegisterMember.Registered) ready.registerMember.register(new RegisterMember.Request("13800000001", "张伟",
                Gender.MALE, null, true))).member();
    }

    @Test
    void aMemberFoundByPhoneIsToppedUpAHundredInCashAndTheBonusShows() {
        signInAsOwner();
        screen.press(KeyCode.F1).waitFor("#member-query").write("13800000001").press(KeyCode.ENTER);
        screen.waitForText("#member-details", "张伟").press(KeyCode.ENTER).waitUntilGone("#member-screen");
        screen.waitForText("#member-balances", "stored value ¥0.00");

        screen.press(KeyCode.F1).waitForText("#member-details", "张伟").press(KeyCode.F7).waitFor("#topup-amount");
        // clicked, as the other screen tests do: F7 pressed the instant the screen opens can race its opening focus
        screen.waitForText("#topup-member", "张伟").click("#topup-amount").write("100");
        screen.waitForText("#topup-bonus", "充100送20: +¥20.00");
        screen.press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "Stored value now ¥120.00 (paid ¥100.00, bonus ¥20.00)");
        screen.waitForText("#topup-member", "stored value now ¥120.00");
        StoredValue parts = till.till.ledger.read(s -> till.till.balances.storedValueParts(s, member.memberId()));
        assertThat(parts).isEqualTo(new StoredValue(10_000, 2_000));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.exists(till.printerFile())
                && EscPosReader.lines(Files.readAllBytes(till.printerFile())).stream()
                .anyMatch(line -> line.contains("S001-T1-1-000001"))).as("the top-up's receipt prints").isTrue());

        screen.press(KeyCode.ESCAPE).waitForText("#member-details", "Stored value ¥120.00");
        screen.press(KeyCode.ESCAPE).waitUntilGone("#member-screen");
        screen.waitForText("#member-balances", "stored value ¥120.00");
        assertThat(screen.text("#member-name")).contains("张伟");
    }
}
