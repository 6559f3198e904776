package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aPhoneAlreadyRegisteredReturnsThatMember() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member first = ((RegisterMember.Registered) till.registerMember.register(
                    new RegisterMember.Request("13800000001", "李雷", null, null, false))).member();

            RegisterMember.Result again = till.registerMember.register(
                    new RegisterMember.Request("13800000001", "Li Lei", null, null, false));

            assertThat(again).isEqualTo(new RegisterMember.AlreadyMember(first));
        }
    }

    @Test
    void badInputIsAClearMessage() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            assertThat(till.registerMember.register(new RegisterMember.Request("12345", "x", null, null, false)))
                    .isInstanceOf(RegisterMember.Invalid.class)
                    .hasToString("Invalid[reason=a mobile number has 11 digits and starts with 13-19: '12345']");
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "  ", null, null, false)))
                    .isEqualTo(new RegisterMember.Invalid("a name is needed"));
            assertThat(till.registerMember.register(new RegisterMember.Request("13800000001", "x", null,
                    LocalDate.of(2030, 1, 1), false)))
                    .isEqualTo(new RegisterMember.Invalid("the birthday is in the future"));
            assertThat(till.ledger.pendingCount()).isZero();
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
