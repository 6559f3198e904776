package io.chainpos.till.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberAccountsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aMemberIsFoundByPhoneCardOrQrCodeWithTierNameAndBalances() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            HeadOfficeEvents hq = new HeadOfficeEvents(clock);
            till.ledger.remote().applyPulled(List.of(hq.envelope(new TierRulesPublished(1, clock.instant(),
                    TierRulesPublished.Basis.SPEND, 12, List.of(new TierRulesPublished.Tier("NORMAL", "普通", "Regular",
                            0, 10_000, 10_000, 0))))), 5);
            Member member = ((RegisterMember.Registered) till.registerMember.register(new RegisterMember.Request(
                    "13800000001", "张伟", Gender.MALE, null, true))).member();
            assertThat(till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 2000)),
                    member.memberId(), List.of(new Tender(TenderMethod.CASH, 1600, null)), "c1")))
                    .isInstanceOf(Checkout.Completed.class);
            MemberAccounts accounts = new MemberAccounts(till.ledger, till.members, till.balances, till.catalog, clock);

            MemberAccounts.MemberAccount expected = new MemberAccounts.MemberAccount(member, "普通", "Regular", 16, 0);
            assertThat(accounts.find("138 0000-0001")).isEqualTo(new MemberAccounts.Found(List.of(expected)));
            assertThat(accounts.find(member.cardNo().value())).isEqualTo(new MemberAccounts.Found(List.of(expected)));
            assertThat(accounts.find(MemberCode.encode(member.cardNo()))).isEqualTo(new MemberAccounts.Found(List.of(expected)));
            assertThat(accounts.account(member)).isEqualTo(expected);
        }
    }

    @Test
    void aDamagedCodeAnUnknownNumberAndNothingAreSaidApart() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            MemberAccounts accounts = new MemberAccounts(till.ledger, till.members, till.balances, till.catalog, clock);

            assertThat(accounts.find("CPM1:880000000001:00")).isInstanceOfSatisfying(MemberAccounts.NotFound.class,
                    notFound -> assertThat(notFound.reason()).isEqualTo(TillMessage.of(TillMessage.Code.MEMBER_QR_DAMAGED)));
            assertThat(accounts.find("13900000000")).isInstanceOfSatisfying(MemberAccounts.NotFound.class,
                    notFound -> assertThat(notFound.reason()).isEqualTo(TillMessage.of(TillMessage.Code.NO_MEMBER_WITH_PHONE)));
            assertThat(accounts.find("  ")).isInstanceOf(MemberAccounts.NotFound.class);
        }
    }

    @Test
    void withoutTierRulesTheTierCodeIsShown() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            Member member = ((RegisterMember.Registered) till.registerMember.register(new RegisterMember.Request(
                    "13800000002", "李娜", Gender.FEMALE, null, false))).member();
            MemberAccounts accounts = new MemberAccounts(till.ledger, till.members, till.balances, till.catalog, clock);

            assertThat(accounts.account(member).tierZh()).isEqualTo("NORMAL");
            assertThat(accounts.account(member).tierEn()).isEqualTo("NORMAL");
        }
    }
}
