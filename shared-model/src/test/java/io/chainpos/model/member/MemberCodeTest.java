package io.chainpos.model.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.CardNo;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MemberCodeTest {

    @Test
    void encodesTheCardWithItsCheck() {
        String code = MemberCode.encode(new CardNo("817200000000123459"));

        assertThat(code).startsWith("CPM1:817200000000123459:");
        assertThat(MemberCode.decode(code)).contains(new CardNo("817200000000123459"));
    }

    @Test
    void refusesDamagedAndForeignCodes() {
        String code = MemberCode.encode(new CardNo("817200000000123459"));

        assertThat(MemberCode.decode(code.replace("1234", "1243"))).isEmpty();
        assertThat(MemberCode.decode("https://example.com/pay?id=817200000000123459")).isEmpty();
        assertThat(MemberCode.decode("817200000000123459")).isEmpty();
        assertThat(MemberCode.decode(null)).isEmpty();
        assertThat(MemberCode.looksLikeMemberCode(code.replace("1234", "1243"))).isTrue();
        assertThat(MemberCode.looksLikeMemberCode("6901234567892")).isFalse();
    }

    @Property
    void everyCardRoundTripsAndAnySingleDigitChangeIsCaught(
            @ForAll @LongRange(min = 100_000L, max = Long.MAX_VALUE) long card, @ForAll @LongRange(min = 0, max = 17) long position) {
        String digits = Long.toString(card);
        String code = MemberCode.encode(new CardNo(digits));
        assertThat(MemberCode.decode(code)).contains(new CardNo(digits));

        int at = (int) (position % digits.length());
        char changed = (char) ('0' + (digits.charAt(at) - '0' + 1) % 10);
        String typo = digits.substring(0, at) + changed + digits.substring(at + 1);
        assertThat(MemberCode.decode("CPM1:" + typo + code.substring(code.lastIndexOf(':')))).isEmpty();
    }
}
