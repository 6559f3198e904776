package io.chainpos.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A member's words in a complaint travel sealed, never in the clear; anyone else's in the clear. */
class FeedbackEventsTest {
    private static final FeedbackId ID = new FeedbackId(UUID.fromString("0192f0a0-0000-7000-8000-000000000050"));
    private static final MemberId MEMBER = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000001"));
    private static final StoreId STORE = new StoreId("S001");

    @Test
    void aMembersComplaintCarriesItsWordsSealedOnly() {
        Sealed sealed = MemberKey.generate(MEMBER).seal("排队太久");
        assertThatThrownBy(() -> new FeedbackRecorded(ID, MEMBER, STORE, FeedbackRecorded.Category.SERVICE, "排队太久", null, "c1",
                FeedbackRecorded.Channel.TILL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedbackRecorded(ID, MEMBER, STORE, FeedbackRecorded.Category.SERVICE, "排队太久", sealed, "c1",
                FeedbackRecorded.Channel.TILL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FeedbackRecorded(ID, MEMBER, STORE, FeedbackRecorded.Category.SERVICE, null, sealed, "c1",
                FeedbackRecorded.Channel.TILL).text()).isNull();
    }

    @Test
    void aComplaintWithoutAMemberCarriesItsWordsInTheClear() {
        assertThatThrownBy(() -> new FeedbackRecorded(ID, null, STORE, FeedbackRecorded.Category.PRICE, null,
                new Sealed("m1.AAAA"), "c1", FeedbackRecorded.Channel.BACK_OFFICE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedbackRecorded(ID, null, STORE, FeedbackRecorded.Category.PRICE, null, null, "c1",
                FeedbackRecorded.Channel.BACK_OFFICE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FeedbackRecorded(ID, null, STORE, FeedbackRecorded.Category.PRICE, "标价不符", null, "c1",
                FeedbackRecorded.Channel.BACK_OFFICE).text()).isEqualTo("标价不符");
    }

    @Test
    void aNoteIsSealedOrClearNeverBoth() {
        assertThatThrownBy(() -> new FeedbackUpdated(ID, FeedbackUpdated.Status.RESOLVED, null, "已退款", new Sealed("m1.AAAA"), "hq:a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FeedbackUpdated(ID, FeedbackUpdated.Status.RESOLVED, null, null, null, "hq:a").note()).isNull();
    }
}
