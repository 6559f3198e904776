package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.member.Stamp;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.loyalty.BalanceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written before the compact member tables (V1810-V1812): the released 0.1.0 ledger brought to V1700, with a
 * member changed after registering and an erased one written as the projection of that schema wrote them, opens with
 * every member, field, stamp, key and balance, and its pulled registrations become absorbed ids.
 */
class MembersBeforeCompactionTest {
    private static final MemberId CHANGED = new MemberId(UUID.fromString("01900000-0000-7000-8000-0000000000c1"));
    private static final MemberKey CHANGED_KEY = new MemberKey(CHANGED, "nPKmNqW6cq9tkd3B5lHGDluvWrivmiXy9snBpnoapYA=");
    private static final MemberId ERASED = new MemberId(UUID.fromString("01900000-0000-7000-8000-0000000000c2"));
    private final EventCodec codec = EventCodec.standard();
    @TempDir
    Path dir;

    @Test
    void everyMemberKeyAndBalanceSurvivesAndPulledRegistrationsAreAbsorbed() throws Exception {
        Path file = dir.resolve("till.db");
        Files.copy(Path.of("src/test/resources/fixtures/0.1.0/till.db"), file);
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/till").target("1700").load().migrate();
        Map<MemberId, MemberProfile> profiles = new HashMap<>();
        Map<MemberId, String> keys = new HashMap<>();
        List<String> pulledRegistrations;
        long newestPulled;
        try (Handle old = Jdbi.open("jdbc:sqlite:" + file.toAbsolutePath())) {
            writeOldRows(old);
            old.createQuery("SELECT member_id, stamps FROM members").map((rs, ctx) -> Map.entry(MemberId.parse(rs.getString(1)),
                    codec.read(rs.getString(2), MemberProfile.class))).forEach(e -> profiles.put(e.getKey(), e.getValue()));
            old.createQuery("SELECT member_id, key_material FROM member_keys").map((rs, ctx) -> Map.entry(MemberId.parse(rs.getString(1)),
                    rs.getString(2))).forEach(e -> keys.put(e.getKey(), e.getValue()));
            pulledRegistrations = old.createQuery("SELECT envelope FROM remote_events WHERE type = 'MemberRegistered'")
                    .mapTo(String.class).list();
            newestPulled = old.createQuery("SELECT MAX(hlc) FROM remote_events WHERE type = 'MemberRegistered'").mapTo(Long.class).one();
        }
        assertThat(profiles).hasSize(5);
        assertThat(keys).hasSize(4);
        assertThat(pulledRegistrations).hasSize(3);

        try (Ledger ledger = Ledger.open(file, new ManualClock(Instant.parse("2026-12-20T03:00:00Z")), codec,
                TillProjections.standard(codec))) {
            MemberStore members = new MemberStore();
            BalanceStore balances = new BalanceStore();

            profiles.forEach((id, before) -> {
                MemberProfile after = ledger.read(s -> profile(s.handle(), id));
                assertThat(after).as("member %s", id).isEqualTo(before);
            });
            keys.forEach((id, before) -> {
                java.util.Optional<MemberKey> after = ledger.read(s -> members.keys().find(s, id));
                assertThat(after.map(MemberKey::key)).as("key of %s", id).contains(before);
            });
            MemberId first = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
            MemberId second = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000002"));
            MemberId third = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000003"));
            long[] points = ledger.read(s -> new long[] {balances.points(s, first), balances.points(s, second), balances.points(s, third)});
            assertThat(points).containsExactly(500, 2000, 8000);
            for (String card : List.of("880000000001", "880000000002", "880000000003")) {
                java.util.Optional<Member> found = ledger.read(s -> members.findByCard(s, new CardNo(card)));
                assertThat(found).as("card %s", card).hasValueSatisfying(m -> {
                    assertThat(m.name()).isNotBlank();
                    List<Member> byPhone = ledger.read(s -> members.findByPhone(s, m.phone()));
                    assertThat(byPhone).containsExactly(m);
                });
            }
            List<Member> changed = ledger.read(s -> members.findByPhone(s, "139 0000 0002"));
            assertThat(changed).extracting(Member::name).containsExactly("李雷二");
            List<Member> byOldPhone = ledger.read(s -> members.findByPhone(s, "13900000001"));
            assertThat(byOldPhone).as("the phone before the change").isEmpty();
            java.util.Optional<Member> erased = ledger.read(s -> members.findById(s, ERASED));
            assertThat(erased).hasValueSatisfying(m -> {
                assertThat(m.name()).isNull();
                assertThat(m.phone()).isNull();
            });

            assertThat(count(ledger, "SELECT COUNT(*) FROM remote_events WHERE type = 'MemberRegistered'")).isZero();
            assertThat(count(ledger, "SELECT COUNT(*) FROM remote_absorbed")).isEqualTo(3);
            assertThat(count(ledger, "SELECT COUNT(*) FROM member_events WHERE type = 'MemberRegistered'")).isZero();
            assertThat(count(ledger, "SELECT value FROM till_state WHERE name = 'hlc.absorbed'")).isEqualTo(newestPulled);
            assertThat(count(ledger, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%before_1810'")).isZero();
            List<EventEnvelope> again = pulledRegistrations.stream().map(codec::fromJson).toList();
            long cursor = ledger.syncMarks().pullCursor();
            assertThat(ledger.remote().applyPulled(again, cursor)).as("registrations pulled again").isZero();
        }
    }

    /** A member registered then renamed with a new phone at another till, and an erased one, as V110/V350 kept them. */
    private void writeOldRows(Handle old) {
        PhoneLookup lookup = new PhoneLookup(old.createQuery("SELECT value FROM till_secrets WHERE name = 'member.lookup'")
                .mapTo(String.class).one());
        var registered = new PersonalData("13900000001", "李雷", null)
                .register(CHANGED_KEY, lookup, Gender.MALE, new CardNo("880000000091"), "NORMAL", true);
        MemberProfile changed = MemberProfile.evolve(null, registered, new Stamp(100L << 16, "S002-T1", "01900000-0000-7000-8000-0000000000d1"));
        changed = MemberProfile.evolve(changed, new MemberProfileChanged(CHANGED, lookup.hash("13900000002"),
                CHANGED_KEY.seal("13900000002"), CHANGED_KEY.seal("李雷二"), null, null, "GOLD", null),
                new Stamp(101L << 16, "S003-T2", "01900000-0000-7000-8000-0000000000d2"));
        insertOld(old, changed, "S002", "2026-11-01T08:00:00Z");
        old.createUpdate("INSERT INTO member_keys (member_id, key_material, handed_over) VALUES (?, ?, 0)")
                .bind(0, CHANGED.toString()).bind(1, CHANGED_KEY.key()).execute();

        MemberKey erasedKey = MemberKey.generate(ERASED);
        MemberProfile erased = MemberProfile.evolve(null, new PersonalData("13900000003", "韩梅梅", null)
                        .register(erasedKey, lookup, Gender.FEMALE, new CardNo("880000000092"), "NORMAL", false),
                new Stamp(102L << 16, "S001-T1", "01900000-0000-7000-8000-0000000000d3"));
        erased = MemberProfile.evolve(erased, new MemberErased(ERASED, "owner"), new Stamp(103L << 16, "HQ", "01900000-0000-7000-8000-0000000000d4"));
        insertOld(old, erased, "S001", "2026-11-02T08:00:00.5Z");
    }

    private void insertOld(Handle old, MemberProfile p, String store, String at) {
        old.createUpdate("INSERT INTO members (member_id, card_no, phone, name, gender, birthday, tier_code, consent_marketing, "
                        + "registered_store, registered_at, stamps, phone_hash, erased) VALUES (:id, :card, :phone, :name, :gender, "
                        + ":birthday, :tier, :consent, :store, :at, :stamps, :hash, :erased)")
                .bind("id", p.memberId().toString()).bind("card", p.cardNo().value())
                .bind("phone", p.phoneValue() == null ? null : p.phoneValue().text())
                .bind("name", p.nameValue() == null ? null : p.nameValue().text())
                .bind("gender", p.genderValue().name()).bind("birthday", (String) null).bind("tier", p.tierCodeValue())
                .bind("consent", p.consentsToMarketing()).bind("store", store).bind("at", at)
                .bind("stamps", codec.write(p)).bind("hash", p.phoneHashValue()).bind("erased", p.erased() ? 1 : 0)
                .execute();
    }

    private static MemberProfile profile(Handle h, MemberId id) {
        return h.createQuery("SELECT card_no, phone_hash, phone, name, gender, birthday, tier_code, consent_marketing, erased, stamps "
                        + "FROM members WHERE member_id = ?")
                .bind(0, MemberColumns.id(id))
                .map((rs, ctx) -> MemberColumns.profile(id, rs.getString(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                        rs.getString(5), rs.getObject(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBytes(10)))
                .one();
    }

    private static long count(Ledger ledger, String sql) {
        return ledger.read(s -> s.handle().createQuery(sql).mapTo(Long.class).one());
    }
}
