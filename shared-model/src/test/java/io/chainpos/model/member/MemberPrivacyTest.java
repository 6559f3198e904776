package io.chainpos.model.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.id.MemberId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberPrivacyTest {
    private static final MemberId ID = MemberId.parse("0192f0a0-0000-7000-8000-000000000001");
    private static final MemberId OTHER = MemberId.parse("0192f0a0-0000-7000-8000-000000000002");
    private static final String SECRET = Base64.getEncoder().encodeToString("a chain secret of 32 bytes......".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSealedValueOpensWithItsMembersKeyAndShowsNothingOfThePerson() {
        MemberKey key = MemberKey.generate(ID);
        Sealed name = key.seal("王小明");
        Sealed phone = key.seal("13800138000");

        assertThat(key.open(name)).contains("王小明");
        assertThat(key.open(phone)).contains("13800138000");
        assertThat(name.text()).doesNotContain("王").startsWith("m1.");
        assertThat(phone.text()).doesNotContain("13800138000").doesNotContain("0013800");
        assertThat(key.seal("13800138000")).isNotEqualTo(phone); // a fresh nonce every time
    }

    @Test
    void anotherKeyOrAnotherMembersIdOpensNothing() {
        MemberKey key = MemberKey.generate(ID);
        Sealed name = key.seal("王小明");

        assertThat(MemberKey.generate(ID).open(name)).isEmpty();
        assertThat(new MemberKey(OTHER, key.key()).open(name)).isEmpty();
        assertThat(key.open(new Sealed("m1.garbage"))).isEmpty();
        assertThat(key.open(null)).isEmpty();
        assertThat(key.seal(null)).isNull();
    }

    @Test
    void aValueThatDidNotOpenLeavesNothingBehindForTheNextOnTheSameThread() {
        // The thread's cipher is reused: a refused open must not spoil the seal and open that follow it.
        MemberKey key = MemberKey.generate(ID);
        Sealed name = key.seal("王小明");
        for (int i = 0; i < 3; i++) {
            assertThat(MemberKey.generate(ID).open(name)).isEmpty();
            Sealed phone = key.seal("13800138000");
            assertThat(key.open(phone)).contains("13800138000");
            assertThat(key.open(name)).contains("王小明");
        }
    }

    @Test
    void aKeyIsThirtyTwoBytesAndNeverPrinted() {
        MemberKey key = MemberKey.generate(ID);
        assertThat(key.toString()).doesNotContain(key.key());
        assertThatThrownBy(() -> new MemberKey(ID, Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sealed("13800138000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePhoneHashIsKeyedStableAndDiffersPerSecret() {
        PhoneLookup lookup = new PhoneLookup(SECRET);
        String hash = lookup.hash("13800138000");

        assertThat(lookup.hash("13800138000")).isEqualTo(hash).hasSize(64).doesNotContain("13800138000");
        assertThat(lookup.hash("13800138001")).isNotEqualTo(hash);
        assertThat(new PhoneLookup(Base64.getEncoder().encodeToString(new byte[32])).hash("13800138000")).isNotEqualTo(hash);
        assertThatThrownBy(() -> new PhoneLookup(Base64.getEncoder().encodeToString(new byte[8])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", " 138 0013 8000 ", "138-0013-8000", "+86 138 0013 8000", "008613800138000", "19912345678"})
    void mainlandMobileNumbersAreAcceptedHoweverTyped(String typed) {
        assertThat(Phones.normalize(typed)).isPresent().get().asString().hasSize(11).startsWith("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1380013800", "138001380000", "12800138000", "23800138000", "1380013800a",
            "+1 13800138000", "010-12345678", "１３８００１３８０００"})
    void anythingElseIsRefused(String typed) {
        assertThat(Phones.normalize(typed)).isEmpty();
        assertThat(Phones.whyInvalid(typed)).isNotBlank();
    }

    @Test
    void noPhoneIsRefusedToo() {
        assertThat(Phones.normalize(null)).isEmpty();
    }
}
