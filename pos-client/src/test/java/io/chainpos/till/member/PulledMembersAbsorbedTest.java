package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member registered and changed at other tills is folded into the members table and the envelopes are not kept;
 * last-writer-wins is the same whatever order the writes arrive in, and a page pulled again changes nothing.
 */
class PulledMembersAbsorbedTest {
    private static final MemberId MEMBER = new MemberId(UUID.fromString("01900000-0000-7000-8000-0000000000a1"));
    private static final MemberKey KEY = new MemberKey(MEMBER, "+4UY0rw3FNX5SIaNvhk3RU/oJNhYysACAWaOsEBjyYk=");
    private static final long HLC = 1_795_399_200_000L << 16;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void theLaterWriteWinsByHlcThenTillThenEventIdInAnyOrderAndNothingIsKeptButIds() {
        PhoneLookup lookup = new PhoneLookup(TestTill.LOOKUP_SECRET);
        EventEnvelope registered = at("01a20621-ad00-7000-8000-000000000b01", "S002-T1", HLC,
                new PersonalData("13900000009", "王芳", null).register(KEY, lookup, Gender.FEMALE, new CardNo("880000000099"), "NORMAL", true));
        // Same hlc as the winner below, from a till whose id sorts first (S001 < S002): loses.
        EventEnvelope loserByTill = at("01a20621-ad00-7000-8000-000000000b02", "S001-T1", HLC + 5,
                new MemberProfileChanged(MEMBER, null, null, KEY.seal("王芳甲"), null, null, "SILVER", null));
        // Same hlc and till as the next, a smaller event id: loses.
        EventEnvelope loserByEvent = at("01a20621-ad00-7000-8000-000000000b03", "S002-T1", HLC + 5,
                new MemberProfileChanged(MEMBER, null, null, KEY.seal("王芳乙"), null, null, null, null));
        EventEnvelope winner = at("01a20621-ad00-7000-8000-000000000b04", "S002-T1", HLC + 5,
                new MemberProfileChanged(MEMBER, null, null, KEY.seal("王芳丙"), null, null, null, null));
        List<EventEnvelope> inOrder = List.of(registered, loserByTill, loserByEvent, winner);
        List<EventEnvelope> reversed = List.of(winner, loserByEvent, loserByTill, registered);

        try (TestTill one = till("one.db"); TestTill other = till("other.db")) {
            assertThat(one.ledger.remote().applyPulled(inOrder, 4)).isEqualTo(4);
            for (EventEnvelope e : reversed) {
                other.ledger.remote().applyPulled(List.of(e), 1);
            }

            for (TestTill t : List.of(one, other)) {
                Member found = t.ledger.read(s -> t.members.findByPhone(s, "139 0000 0009")).getFirst();
                assertThat(found.name()).isEqualTo("王芳丙");
                assertThat(found.cardNo()).isEqualTo(new CardNo("880000000099"));
                assertThat(found.gender()).isEqualTo(Gender.FEMALE);
                assertThat(found.tierCode()).as("the only tier written, by the change that lost the name").isEqualTo("SILVER");
                assertThat(count(t, "SELECT COUNT(*) FROM remote_events")).isZero();
                assertThat(count(t, "SELECT COUNT(*) FROM member_events")).isZero();
                assertThat(count(t, "SELECT COUNT(*) FROM remote_absorbed")).isEqualTo(4);
            }
            assertThat(one.ledger.remote().applyPulled(inOrder, 8)).as("a page pulled again").isZero();
            // Event ids are UUIDv7: their first 48 bits are the minute they were minted. 31 days later the ids pulled
            // then are forgotten; a fold of those events again would change nothing.
            EventEnvelope monthLater = at("01a2a5c6-d100-7000-8000-000000000b05", "S002-T1", (1_795_399_200_000L + 31 * 86_400_000L) << 16,
                    new MemberProfileChanged(MEMBER, null, null, null, null, null, "GOLD", null));
            assertThat(one.ledger.remote().applyPulled(List.of(monthLater), 9)).isEqualTo(1);
            assertThat(count(one, "SELECT COUNT(*) FROM remote_absorbed")).isEqualTo(1);
            assertThat(one.ledger.remote().applyPulled(inOrder, 10)).as("re-applied, and nothing changes").isEqualTo(4);

            one.ledger.rebuildProjections();

            java.util.Optional<Member> byCard = one.ledger.read(s -> one.members.findByCard(s, new CardNo("880000000099")));
            assertThat(byCard.map(Member::name)).contains("王芳丙");
            assertThat(byCard.map(Member::tierCode)).contains("GOLD");
        }
    }

    @Test
    void anErasureFromElsewhereLeavesNothingReadableAndALateChangeBringsNothingBack() {
        PhoneLookup lookup = new PhoneLookup(TestTill.LOOKUP_SECRET);
        try (TestTill till = till("till.db")) {
            till.ledger.remote().applyPulled(List.of(
                    at("01a20621-ad00-7000-8000-000000000c01", "S002-T1", HLC,
                            new PersonalData("13900000008", "赵敏", null).register(KEY, lookup, Gender.FEMALE, new CardNo("880000000098"),
                                    "NORMAL", false)),
                    at("01a20621-ad00-7000-8000-000000000c02", "HQ", HLC + 10, new MemberErased(MEMBER, "owner")),
                    at("01a20621-ad00-7000-8000-000000000c03", "S003-T1", HLC + 5,
                            new MemberProfileChanged(MEMBER, lookup.hash("13900000007"), KEY.seal("13900000007"), KEY.seal("赵敏二"),
                                    null, null, null, null))), 3);

            List<Member> byOldPhone = till.ledger.read(s -> till.members.findByPhone(s, "13900000008"));
            List<Member> byLatePhone = till.ledger.read(s -> till.members.findByPhone(s, "13900000007"));
            java.util.Optional<MemberKey> key = till.ledger.read(s -> till.members.keys().find(s, MEMBER));
            assertThat(byOldPhone).isEmpty();
            assertThat(byLatePhone).isEmpty();
            assertThat(key).isEmpty();
            assertThat(count(till, "SELECT COUNT(*) FROM members WHERE phone IS NOT NULL OR name IS NOT NULL OR phone_hash IS NOT NULL"))
                    .isZero();
            assertThat(count(till, "SELECT COUNT(*) FROM members WHERE erased = 1")).isEqualTo(1);
        }
    }

    @Test
    void theHybridClockResumesPastAnAbsorbedChangeThoughItsEnvelopeIsGone() {
        // Pulled from a till whose clock runs five minutes ahead of this one's.
        long ahead = (clock.instant().toEpochMilli() + 300_000) << 16;
        PhoneLookup lookup = new PhoneLookup(TestTill.LOOKUP_SECRET);
        try (TestTill till = till("till.db")) {
            till.ledger.remote().applyPulled(List.of(at("01a20621-ad00-7000-8000-000000000d01", "S002-T1", ahead,
                    new PersonalData("13900000006", "周芷若", null).register(KEY, lookup, Gender.FEMALE, new CardNo("880000000096"),
                            "NORMAL", false))), 1);
        }
        try (TestTill reopened = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T9")) {
            long own = reopened.ledger.write(tx -> tx.append(new MemberProfileChanged(MEMBER, null, null, KEY.seal("周芷若二"),
                    null, null, null, null))).hlc();

            assertThat(own).isGreaterThan(ahead);
            List<Member> found = reopened.ledger.read(s -> reopened.members.findByPhone(s, "13900000006"));
            assertThat(found).extracting(Member::name).as("the edit made here after the pull wins").containsExactly("周芷若二");
        }
    }

    private TestTill till(String name) {
        TestTill till = new TestTill(dir.resolve(name), clock, "S001", "S001-T9");
        till.ledger.writeState(s -> {
            till.members.keys().keep(s, KEY, true);
            return null;
        });
        return till;
    }

    private static EventEnvelope at(String eventId, String till, long hlc, Event payload) {
        String store = till.equals("HQ") ? "HQ" : till.substring(0, 4);
        return new EventEnvelope(EventId.parse(eventId), new StoreId(store), new TillId(till), 1, 1, hlc,
                Instant.ofEpochMilli(hlc >>> 16), payload);
    }

    private static long count(TestTill till, String sql) {
        return till.ledger.read(s -> s.handle().createQuery(sql).mapTo(Long.class).one());
    }
}
