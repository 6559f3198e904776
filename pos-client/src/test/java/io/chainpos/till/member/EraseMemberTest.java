package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EraseMemberTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void onlyTheOwnersPinErasesAndTheActIsAuditedWithoutThePerson() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff()) {
            Member member = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000001", "韩梅梅", null, null, true))).member();
            till.ledger.write(tx -> tx.append(new PointsChanged(member.memberId(), 120, PointsChanged.Reason.ADJUST, null, null)));
            EraseMember erase = new EraseMember(till.ledger, till.members, till.approvals);

            assertThat(erase.erase(member.memberId(), "", "c1")).isInstanceOf(EraseMember.Refused.class);
            assertThat(erase.erase(member.memberId(), TestTill.MANAGER_PIN, "c1"))
                    .isEqualTo(new EraseMember.Refused(TillMessage.of(TillMessage.Code.ERASE_ONLY_OWNER)));
            Optional<Member> before = till.ledger.read(s -> till.members.findById(s, member.memberId()));
            assertThat(before).map(Member::name).contains("韩梅梅");

            EraseMember.Result result = erase.erase(member.memberId(), TestTill.OWNER_PIN, "c1");

            assertThat(result).isEqualTo(new EraseMember.Erased(List.of(member.memberId()), "owner"));
            Optional<Member> after = till.ledger.read(s -> till.members.findById(s, member.memberId()));
            assertThat(after).hasValueSatisfying(m -> {
                assertThat(m.personalDataKnown()).isFalse();
                assertThat(m.cardNo()).isEqualTo(member.cardNo());
            });
            List<Member> byPhone = till.ledger.read(s -> till.members.findByPhone(s, "13800000001"));
            assertThat(byPhone).isEmpty();
            long points = till.ledger.read(s -> till.balances.points(s, member.memberId()));
            assertThat(points).isEqualTo(120);
            String log = till.ledger.read(s -> String.join("\n", s.handle()
                    .createQuery("SELECT envelope FROM ledger_events ORDER BY till_seq").mapTo(String.class).list()));
            assertThat(log).contains("MemberErased", "MEMBER_ERASE", "till:S001-T1:owner").doesNotContain("韩梅梅", "13800000001");
            // The phone is free again: the person may register anew, as a new member.
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "韩梅梅", null, null, true)))
                    .isInstanceOf(RegisterMember.Registered.class);
            assertThat(erase.erase(io.chainpos.model.id.MemberId.newId(clock), TestTill.OWNER_PIN, "c1"))
                    .isInstanceOf(EraseMember.UnknownMember.class);
        }
    }

    /** The till program wraps member keys with its key file: an erasure there opens the key before destroying it. */
    @Test
    void aTillWhoseKeysAreWrappedErasesAMemberToo() {
        KeyWrap wrap = KeyWrap.with(new byte[32], new java.security.SecureRandom());
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1",
                io.chainpos.till.sale.SellingSettings.defaults(TestTill.SHANGHAI), wrap).withStaff()) {
            Member member = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000002", "李雷", null, null, true))).member();
            String stored = till.ledger.read(s -> s.handle().createQuery("SELECT hex(key_material) FROM member_keys")
                    .mapTo(String.class).one());
            assertThat(stored).as("kept wrapped, tag byte 1").startsWith("01");

            EraseMember.Result result = new EraseMember(till.ledger, till.members, till.approvals)
                    .erase(member.memberId(), TestTill.OWNER_PIN, "c1");

            assertThat(result).isEqualTo(new EraseMember.Erased(List.of(member.memberId()), "owner"));
            Optional<Member> after = till.ledger.read(s -> till.members.findById(s, member.memberId()));
            assertThat(after).hasValueSatisfying(m -> assertThat(m.personalDataKnown()).isFalse());
            long keys = till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM member_keys").mapTo(Long.class).one());
            assertThat(keys).as("the key destroyed").isZero();
        }
    }
}
