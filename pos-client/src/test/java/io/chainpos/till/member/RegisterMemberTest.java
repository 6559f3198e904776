package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterMemberTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void registersAndFindsByPhoneAndCard() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            RegisterMember.Result result = till.registerMember.register(
                    new RegisterMember.Request("138 0000 0001", "李雷", Gender.MALE, LocalDate.of(1990, 1, 2), true));

            Member member = ((RegisterMember.Registered) result).member();
            assertThat(member.phone()).isEqualTo("13800000001");
            assertThat(CardNumbers.isValid(member.cardNo().value())).isTrue();
            List<Member> byPhone = till.ledger.read(h -> till.members.findByPhone(h, "13800000001"));
            Optional<Member> byCard = till.ledger.read(h -> till.members.findByCard(h, member.cardNo()));
            assertThat(byPhone).containsExactly(member);
            assertThat(byCard).contains(member);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // drawing only within the one millisecond never ended
    void moreThanAThousandMembersRegisteredWithinOneMillisecondEachGetTheirOwnCard() {
        // The clock stands still: every number of this millisecond is taken after the first thousand.
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            java.util.Set<String> cards = new java.util.HashSet<>();
            for (int n = 0; n < 1_200; n++) {
                RegisterMember.Result result = till.registerMember.register(
                        new RegisterMember.Request("139%08d".formatted(n), "会员" + n, null, null, false));
                String card = ((RegisterMember.Registered) result).member().cardNo().value();
                assertThat(CardNumbers.isValid(card)).isTrue();
                cards.add(card);
            }

            assertThat(cards).hasSize(1_200);
        }
    }

    @Test
    void aPhoneAlreadyRegisteredReturnsThatMember() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member first = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000001", "李雷", null, null, false))).member();

            RegisterMember.Result again = till.registerMember.register(
                    new RegisterMember.Request("13800000001", "Li Lei", null, null, false));

            assertThat(again).isEqualTo(new RegisterMember.AlreadyMember(first));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1380000000", "138000000011", "12800000001", "23800000001", "1380000000a",
            "+1 13800000001", "010-62345678"})
    void aPhoneThatIsNotAMainlandMobileIsRefused(String phone) {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            RegisterMember.Result result = till.registerMember.register(new RegisterMember.Request(phone, "李雷", null, null, false));

            assertThat(result).isInstanceOfSatisfying(RegisterMember.Invalid.class,
                    invalid -> assertThat(invalid.field()).isEqualTo(RegisterMember.Field.PHONE));
            assertThat(till.ledger.syncMarks().pendingCount()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800000001", "138 0000 0001", "138-0000-0001", "+86 138 0000 0001", "008613800000001"})
    void theSamePhoneTypedAnotherWayIsTheSameMember(String typed) {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member first = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000001", "李雷", null, null, false))).member();

            assertThat(till.registerMember.register(new RegisterMember.Request(typed, "Li Lei", null, null, false)))
                    .isEqualTo(new RegisterMember.AlreadyMember(first));
            List<Member> found = till.ledger.read(s -> till.members.findByPhone(s, typed));
            assertThat(found).containsExactly(first);
            assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void badNamesAndBirthdaysAreClearMessages() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "  ", null, null, false)))
                    .isEqualTo(new RegisterMember.Invalid(RegisterMember.Field.NAME, TillMessage.of(TillMessage.Code.NAME_NEEDED)));
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "x".repeat(41), null, null, false)))
                    .isEqualTo(new RegisterMember.Invalid(RegisterMember.Field.NAME, TillMessage.of(TillMessage.Code.NAME_TOO_LONG, 40)));
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "x", null,
                    LocalDate.of(2026, 11, 24), false)))
                    .isEqualTo(new RegisterMember.Invalid(RegisterMember.Field.BIRTHDAY, TillMessage.of(TillMessage.Code.BIRTHDAY_IN_FUTURE)));
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "x", null,
                    LocalDate.of(1899, 12, 31), false)))
                    .isEqualTo(new RegisterMember.Invalid(RegisterMember.Field.BIRTHDAY, TillMessage.of(TillMessage.Code.BIRTHDAY_BEFORE_1900)));
            assertThat(till.ledger.syncMarks().pendingCount()).isZero();
            // The boundaries themselves are fine: born today (Shanghai time is past midnight), a 40-character name.
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "x".repeat(40), null,
                    LocalDate.of(2026, 11, 23), false))).isInstanceOf(RegisterMember.Registered.class);
        }
    }

    @Test
    void aTillThatHasNotEnrolledCannotRegister() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock)) {
            till.ledger.registration().enroll(new io.chainpos.till.ledger.TillIdentity(io.chainpos.model.id.StoreId.of("S001"),
                    io.chainpos.model.id.TillId.of("S001-T1"), 1));
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "李雷", null, null, false)))
                    .isInstanceOf(RegisterMember.NotEnrolled.class);
        }
    }

    @Test
    void cardNumbersCarryAValidCheckDigitAndRefuseATypo() {
        CardNumbers numbers = new CardNumbers(clock, new Random(1));
        String card = numbers.next().value();

        assertThat(card).hasSize(18).startsWith("8");
        assertThat(CardNumbers.isValid(card)).isTrue();
        char last = card.charAt(17);
        String typo = card.substring(0, 17) + (char) ('0' + (last - '0' + 1) % 10);
        assertThat(CardNumbers.isValid(typo)).isFalse();
        assertThat(CardNumbers.luhnDigit("7992739871")).isEqualTo(3);
    }
}
