package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.Gender;
import io.chainpos.model.member.MemberKey;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.TestTill;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * A member's complaint taken down on the real member screen (F8), in English and then in Chinese: empty and over-long
 * words refused with the till's own sentence in the language shown, a category required, and what is recorded is one
 * FeedbackRecorded waiting to sync, its words sealed with the member's key.
 */
class FeedbackScreenTest extends ScreenTestBase {
    private Member member;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    void before(TestTill ready) {
        member = ((RegisterMember.Registered) ready.registerMember.register(new RegisterMember.Request("13800000001", "张伟",
                Gender.MALE, null, true))).member();
    }

    private List<FeedbackRecorded> recorded() {
        return till.till.ledger.read(s -> till.till.ledger.syncMarks().pending(1_000)).events().stream()
                .map(EventEnvelope::payload).filter(FeedbackRecorded.class::isInstance).map(FeedbackRecorded.class::cast).toList();
    }

    @Test
    void aMembersComplaintIsRefusedWhenEmptyOrTooLongAndRecordedSealedInEitherLanguage() {
        signInAsOwner();
        screen.press(KeyCode.F1).waitFor("#member-query").write("13800000001").press(KeyCode.ENTER);
        screen.waitForText("#member-details", "张伟").press(KeyCode.ENTER).waitUntilGone("#member-screen");
        screen.press(KeyCode.F1).waitForText("#member-details", "张伟").press(KeyCode.F8).waitFor("#feedback-text");
        screen.waitForText("#feedback-member", "张伟");

        screen.click("#feedback-service").press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "Write what the customer said.");
        screen.click("#feedback-text").write("x".repeat(501)).press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "What the customer said is 501 characters; at most 500.");
        assertThat(recorded()).as("nothing recorded while the words are wrong").isEmpty();

        // the language is switched on the sale screen; the member on the sale is the one the member screen opens with
        screen.press(KeyCode.ESCAPE).waitFor("#member-query").press(KeyCode.ESCAPE).waitUntilGone("#member-screen");
        screen.ctrl(KeyCode.L).waitForText("#key-language", "English");
        screen.press(KeyCode.F1).waitForText("#member-details", "张伟").press(KeyCode.F8).waitFor("#feedback-text");
        screen.waitForText("#feedback-member", "张伟（");
        screen.click("#feedback-text").ctrl(KeyCode.A).press(KeyCode.BACK_SPACE).press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "请填写顾客反馈的内容。");
        screen.click("#feedback-text").write("Cashier was rude").click("#feedback-hygiene").press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "已为 张伟 登记反馈");
        assertThat(screen.text("#feedback-text")).as("the form is cleared for the next one").isEmpty();

        screen.click("#feedback-text").write("Cashier was rude").press(KeyCode.ENTER)
                .waitForText("#member-screen #notice", "请选择反馈类别。");

        FeedbackRecorded one = recorded().getFirst();
        assertThat(recorded()).hasSize(1);
        assertThat(one.memberId()).isEqualTo(member.memberId());
        assertThat(one.category()).isEqualTo(FeedbackRecorded.Category.HYGIENE);
        assertThat(one.storeId().value()).isEqualTo("S001");
        assertThat(one.channel()).isEqualTo(FeedbackRecorded.Channel.TILL);
        assertThat(one.text()).as("never in the clear").isNull();
        MemberKey key = till.till.ledger.read(s -> till.till.members.keys().find(s, member.memberId())).orElseThrow();
        assertThat(key.open(one.sealedText())).contains("Cashier was rude");

        screen.press(KeyCode.ESCAPE).waitFor("#member-query");
        assertThat(screen.text("#member-details")).contains("张伟");
    }
}
