package io.chainpos.model.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MemberProfileTest {
    private static final MemberId ID = MemberId.parse("0192f0a0-0000-7000-8000-000000000001");

    record Stamped(MemberEvent event, Stamp stamp) {
    }

    @Test
    void theLaterWriteWinsPerFieldNotPerEvent() {
        MemberProfile profile = fold(List.of(
                new Stamped(new MemberRegistered(ID, "h1", s("13800000001"), s("李雷"), Gender.MALE, null, new CardNo("81"), "NORMAL", false),
                        new Stamp(100, "S001-T1", "e1")),
                new Stamped(new MemberProfileChanged(ID, null, null, s("李磊"), null, null, null, null), new Stamp(300, "S002-T1", "e2")),
                new Stamped(new MemberProfileChanged(ID, "h2", s("13900000002"), s("Li Lei"), null, null, null, null), new Stamp(200, "S001-T1", "e3"))));

        assertThat(profile.nameValue()).isEqualTo(s("李磊"));
        assertThat(profile.phoneValue()).isEqualTo(s("13900000002"));
        assertThat(profile.phoneHashValue()).isEqualTo("h2");
        assertThat(profile.genderValue()).isEqualTo(Gender.MALE);
    }

    @Test
    void onEqualTimestampsTheTillIdDecides() {
        MemberProfile a = fold(List.of(
                new Stamped(new MemberProfileChanged(ID, null, null, s("from T1"), null, null, null, null), new Stamp(100, "S001-T1", "e4")),
                new Stamped(new MemberProfileChanged(ID, null, null, s("from T2"), null, null, null, null), new Stamp(100, "S001-T2", "e5"))));

        assertThat(a.nameValue()).isEqualTo(s("from T2"));
    }

    /** Stamps repeat on purpose (few timestamps, few tills): a restored till can issue a timestamp again. */
    @Property
    void anyOrderOfTheSameEditsGivesTheSameProfile(@ForAll @IntRange(min = 1, max = 30) int edits, @ForAll long seed) {
        Random random = new Random(seed);
        List<Stamped> events = new ArrayList<>();
        events.add(new Stamped(new MemberRegistered(ID, "h0", s("13800000000"), s("n0"), Gender.FEMALE, null, new CardNo("81"),
                "NORMAL", true), new Stamp(random.nextInt(50), "S00" + random.nextInt(3), "r0")));
        for (int i = 1; i <= edits; i++) {
            if (random.nextInt(10) == 0) {
                events.add(new Stamped(new MemberErased(ID, "hq"), new Stamp(random.nextInt(50), "HQ", "x" + i)));
                continue;
            }
            int phone = random.nextInt(10);
            boolean newPhone = random.nextBoolean();
            events.add(new Stamped(new MemberProfileChanged(ID,
                    newPhone ? "h" + phone : null,
                    newPhone ? s("1380000000" + phone) : null,
                    s("n" + i),
                    random.nextBoolean() ? Gender.MALE : null,
                    null,
                    random.nextBoolean() ? "GOLD" + random.nextInt(3) : null,
                    random.nextBoolean() ? random.nextBoolean() : null),
                    new Stamp(random.nextInt(50), "S00" + random.nextInt(3), "r" + i)));
        }
        MemberProfile inOrder = fold(events);
        List<Stamped> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);

        assertThat(fold(shuffled)).isEqualTo(inOrder);
    }

    @Test
    void anErasedProfileKeepsNoPersonalFieldWhateverArrivesAfter() {
        MemberProfile erased = fold(List.of(
                new Stamped(new MemberRegistered(ID, "h1", s("13800000001"), s("李雷"), Gender.MALE, s("1990-01-02"),
                        new CardNo("81"), "NORMAL", true), new Stamp(100, "S001-T1", "e1")),
                new Stamped(new MemberErased(ID, "hq"), new Stamp(200, "HQ", "e2")),
                new Stamped(new MemberProfileChanged(ID, "h2", s("13900000002"), s("Li Lei"), null, null, "GOLD", null),
                        new Stamp(300, "S002-T1", "e3"))));

        assertThat(erased.erased()).isTrue();
        assertThat(erased.phoneHashValue()).isNull();
        assertThat(erased.phoneValue()).isNull();
        assertThat(erased.nameValue()).isNull();
        assertThat(erased.birthdayValue()).isNull();
        assertThat(erased.tierCodeValue()).isEqualTo("GOLD");
        assertThat(erased.cardNo()).isEqualTo(new CardNo("81"));
    }

    private static Sealed s(String text) {
        return new Sealed("m1." + text);
    }

    private static MemberProfile fold(List<Stamped> events) {
        MemberProfile profile = null;
        for (Stamped e : events) {
            profile = MemberProfile.evolve(profile, e.event(), e.stamp());
        }
        return profile;
    }
}
