package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.member.Stamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compact member row gives back exactly the profile, stamps and values it was made from. */
class MemberColumnsTest {
    private static final MemberId MEMBER = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
    private static final MemberKey KEY = new MemberKey(MEMBER, "hKQ5ueT24V+2t6qFf5LSfCK/dWp1VR8SGktqPMDq1C8=");
    private static final PhoneLookup LOOKUP = new PhoneLookup(java.util.Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aRegistrationsStampsAreOneStampWrittenOnce() {
        Stamp at = new Stamp(117728804822056960L, "S001-T1", "01a241b9-6740-7943-8f09-421d289a627c");
        MemberProfile registered = MemberProfile.evolve(null, registration(), at);

        byte[] stamps = MemberColumns.stamps(registered);

        // version 1 + count 1 + hlc 8 + till id (1 + 7) + event id (1 + 16) + one index per stamped field 7
        assertThat(stamps).hasSize(42);
        assertThat(roundTrip(registered)).isEqualTo(registered);
    }

    @Test
    void fieldsWrittenByDifferentEventsKeepTheirOwnStampsIncludingIdsThatAreNotUuids() {
        Stamp first = new Stamp(100L << 16, "S002-T1", "01a241b9-6740-7943-8f09-421d289a627c");
        Stamp later = new Stamp(100L << 16, "S002-T1", "HQ-import-7"); // same hlc and till: the event id decides
        MemberProfile p = MemberProfile.evolve(null, registration(), first);
        p = MemberProfile.evolve(p, new MemberProfileChanged(MEMBER, null, null, KEY.seal("李雷"), Gender.MALE, null, "GOLD", null),
                later);

        MemberProfile back = roundTrip(p);

        assertThat(back).isEqualTo(p);
        assertThat(back.name().stamp()).isEqualTo(later);
        assertThat(back.phone().stamp()).isEqualTo(first);
        assertThat(back.birthday()).isNull();
        assertThat(KEY.open(back.nameValue())).contains("李雷");
    }

    @Test
    void anErasedProfileKeepsNoPersonalField() {
        MemberProfile p = MemberProfile.evolve(null, registration(), new Stamp(5, "S001-T1", "e1"));
        p = MemberProfile.evolve(p, new io.chainpos.model.event.MemberErased(MEMBER, "asked"), new Stamp(6, "S001-T1", "e2"));

        MemberProfile back = roundTrip(p);

        assertThat(back).isEqualTo(p);
        assertThat(back.erased()).isTrue();
        assertThat(back.phone()).isNull();
        assertThat(back.name()).isNull();
        assertThat(back.phoneHash()).isNull();
    }

    @Test
    void sealedValuesAreKeptAsTheirBytesAndAnythingNotCanonicalAsItsText() {
        Sealed phone = KEY.seal("13800000001");
        Object stored = MemberColumns.sealed(phone);

        // nonce 12 + the 11 digits + tag 16
        assertThat(stored).isInstanceOf(byte[].class);
        assertThat((byte[]) stored).hasSize(39);
        assertThat(MemberColumns.sealed(stored)).isEqualTo(phone);

        Sealed odd = new Sealed("m1.AAB");
        assertThat(MemberColumns.sealed(odd)).isEqualTo("m1.AAB");
        assertThat(MemberColumns.sealed(MemberColumns.sealed(odd))).isEqualTo(odd);
    }

    @Test
    void thePhoneHashIsKeptAsItsThirtyTwoBytesUnlessWrittenOtherwise() {
        String hash = "064aa9871f25140b53ff906852e63d6c9f18df6e0a12909307f2bdffa2d2bd10";
        assertThat((byte[]) MemberColumns.phoneHash(hash)).hasSize(32);
        assertThat(MemberColumns.phoneHash(MemberColumns.phoneHash(hash))).isEqualTo(hash);
        String upper = hash.toUpperCase(java.util.Locale.ROOT);
        assertThat(MemberColumns.phoneHash(upper)).isEqualTo(upper);
    }

    @Test
    void aKeyIsATagByteAndItsBytesWhetherWrappedOrNot() {
        Object clear = MemberKeyStore.column(KEY.key());
        assertThat((byte[]) clear).hasSize(33).startsWith(0);
        assertThat(MemberKeyStore.text(clear)).isEqualTo(KEY.key());
        String wrapped = KeyWrap.with(new byte[32], new java.security.SecureRandom()).wrap(MEMBER.toString(), KEY.key());
        Object kept = MemberKeyStore.column(wrapped);
        // tag 1 + nonce 12 + the key's 44 base64 characters + tag 16
        assertThat((byte[]) kept).hasSize(73).startsWith(1);
        assertThat(MemberKeyStore.text(kept)).isEqualTo(wrapped);
    }

    private static MemberRegistered registration() {
        return new io.chainpos.model.member.PersonalData("13800000001", "张伟", null)
                .register(KEY, LOOKUP, Gender.UNSPECIFIED, new CardNo("880000000001"), "NORMAL", false);
    }

    private static MemberProfile roundTrip(MemberProfile p) {
        return MemberColumns.profile(MemberColumns.id(MemberColumns.id(p.memberId())), p.cardNo() == null ? null : p.cardNo().value(),
                MemberColumns.phoneHash(p.phoneHashValue()), MemberColumns.sealed(p.phoneValue()), MemberColumns.sealed(p.nameValue()),
                p.gender() == null ? null : p.gender().value().name(), MemberColumns.sealed(p.birthdayValue()), p.tierCodeValue(),
                p.consentsToMarketing(), p.erased(), MemberColumns.stamps(p));
    }
}
