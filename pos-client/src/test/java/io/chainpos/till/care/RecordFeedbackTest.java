package io.chainpos.till.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.EraseMember;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking down a member's complaint at the till, on a real ledger: what is refused, what is recorded, and erasure. */
class RecordFeedbackTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    private static String log(TestTill till) {
        return till.ledger.read(s -> String.join("\n", s.handle()
                .createQuery("SELECT envelope FROM ledger_events ORDER BY till_seq").mapTo(String.class).list()));
    }

    @Test
    void badWordsAndUnknownMembersAreRefusedAndNothingIsRecorded() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member member = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000001", "韩梅梅", null, null, true))).member();
            RecordFeedback feedback = new RecordFeedback(till.ledger, till.members, clock);
            long before = till.ledger.syncMarks().pendingCount();

            assertThat(feedback.record(member.memberId(), FeedbackRecorded.Category.SERVICE, " \n ", "c1"))
                    .isEqualTo(new RecordFeedback.Refused(TillMessage.of(TillMessage.Code.FEEDBACK_TEXT_EMPTY)));
            assertThat(feedback.record(member.memberId(), FeedbackRecorded.Category.SERVICE, "慢".repeat(501), "c1"))
                    .isEqualTo(new RecordFeedback.Refused(TillMessage.of(TillMessage.Code.FEEDBACK_TEXT_TOO_LONG, 501, 500)));
            assertThat(feedback.record(member.memberId(), null, "排队太久", "c1"))
                    .isEqualTo(new RecordFeedback.Refused(TillMessage.of(TillMessage.Code.FEEDBACK_NO_CATEGORY)));
            assertThat(feedback.record(MemberId.newId(clock), FeedbackRecorded.Category.SERVICE, "排队太久", "c1"))
                    .isEqualTo(new RecordFeedback.Refused(TillMessage.of(TillMessage.Code.MEMBER_UNKNOWN)));
            assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(before);

            RecordFeedback.Result done = feedback.record(member.memberId(), FeedbackRecorded.Category.SERVICE,
                    "  " + "慢".repeat(500) + "  ", "c1");
            assertThat(done).isInstanceOf(RecordFeedback.Recorded.class);
            assertThat(((RecordFeedback.Recorded) done).message())
                    .isEqualTo(TillMessage.of(TillMessage.Code.FEEDBACK_RECORDED, "韩梅梅"));
            assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(before + 1);
            assertThat(log(till)).contains("FeedbackRecorded", "\"recordedBy\":\"c1\"", "\"channel\":\"TILL\"").doesNotContain("慢慢");
        }
    }

    @Test
    void anErasedMembersComplaintCannotBeReadAndNoNewOneIsTaken() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff()) {
            Member member = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000002", "李雷", null, null, true))).member();
            RecordFeedback feedback = new RecordFeedback(till.ledger, till.members, clock);
            FeedbackRecorded taken = ((RecordFeedback.Recorded) feedback.record(member.memberId(), FeedbackRecorded.Category.PRODUCT,
                    "李雷说牛奶过期了", "c1")).feedback();
            assertThat(till.ledger.read(s -> till.members.keys().find(s, member.memberId())).orElseThrow().open(taken.sealedText()))
                    .contains("李雷说牛奶过期了");

            assertThat(new EraseMember(till.ledger, till.members, till.approvals).erase(member.memberId(), TestTill.OWNER_PIN, "c1"))
                    .isInstanceOf(EraseMember.Erased.class);

            java.util.Optional<io.chainpos.model.member.MemberKey> key = till.ledger.read(s -> till.members.keys().find(s, member.memberId()));
            assertThat(key).as("the key is gone").isEmpty();
            assertThat(log(till)).doesNotContain("李雷", "牛奶");
            assertThat(feedback.record(member.memberId(), FeedbackRecorded.Category.PRODUCT, "再次投诉", "c1"))
                    .isEqualTo(new RecordFeedback.Refused(TillMessage.of(TillMessage.Code.FEEDBACK_MEMBER_KEY_MISSING)));
        }
    }
}
