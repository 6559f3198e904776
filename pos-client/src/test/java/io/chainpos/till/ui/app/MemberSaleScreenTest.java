package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.member.MemberCode;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.ScreenDriver;
import io.chainpos.till.testing.TestTill;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/**
 * A member sale on the real screens: the member's card is scanned while the member screen is open (the scan goes
 * there, not into the sale), their QR code shows, they go on the sale, and paying earns them points.
 */
class MemberSaleScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }
    private Member member;

    @Override
    void before(TestTill ready) {
        member = ((RegisterMember.Registered) ready.registerMember.register(new RegisterMember.Request("13800000001", "张伟",
                Gender.MALE, null, true))).member();
    }

    @Test
    void aMemberFoundByTheirCardEarnsPointsOnTheSale(FxRobot robot) {
        signInAsOwner();

        screen.press(KeyCode.F1).waitFor("#member-query");
        screen.scan(member.cardNo().value());
        screen.waitForText("#member-details", "张伟").waitForText("#member-details", "Points 0");
        org.awaitility.Awaitility.await().until(() -> ScreenDriver.fx(() ->
                robot.lookup("#member-qr").queryAs(ImageView.class).getImage() != null));
        screen.press(KeyCode.ENTER).waitUntilGone("#member-screen");
        screen.waitForText("#member-name", "张伟");
        assertThat(screen.text("#total")).as("nothing was rung up by the card scan").isEqualTo("¥0.00");

        screen.write("100002").press(KeyCode.ENTER).write("100002").press(KeyCode.ENTER);
        screen.waitForText("#total", "¥16.00");
        screen.press(KeyCode.F12).waitFor("#pay-member");
        assertThat(screen.text("#pay-member")).contains("张伟");
        screen.press(KeyCode.ENTER).waitForText("#pay-done", "Points earned 16 · balance 16");

        long points = till.till.ledger.read(s -> till.till.balances.points(s, member.memberId()));
        assertThat(points).isEqualTo(16);
        screen.press(KeyCode.ENTER).waitUntilGone("#payment").waitForText("#member-name", "No member");
    }

    @Test
    void aNewMemberIsRegisteredInAFewFieldsThenFoundByPhoneAndByTheirQrCode(FxRobot robot) {
        signInAsOwner();

        screen.press(KeyCode.F1).waitFor("#member-query").press(KeyCode.F2).waitFor("#register-phone");
        screen.click("#register-phone").write("13900000077");
        screen.click("#register-name").write("Li Lei");
        screen.click("#gender-male");
        screen.press(KeyCode.ENTER).waitForText("#member-screen #notice", "Li Lei is registered");
        Member registered = till.till.ledger.read(s -> till.till.members.findByPhone(s, "13900000077")).getFirst();
        assertThat(registered.name()).isEqualTo("Li Lei");
        assertThat(registered.gender()).isEqualTo(Gender.MALE);
        screen.waitForText("#member-details", "Li Lei").press(KeyCode.ESCAPE).waitUntilGone("#member-screen");

        screen.press(KeyCode.F1).waitFor("#member-query").write("13800000001").press(KeyCode.ENTER);
        screen.waitForText("#member-details", "张伟").waitForText("#member-details", "138****0001");

        screen.scan(MemberCode.encode(registered.cardNo()));
        screen.waitForText("#member-details", "Li Lei");
        screen.press(KeyCode.ENTER).waitUntilGone("#member-screen").waitForText("#member-name", "Li Lei");
    }
}
