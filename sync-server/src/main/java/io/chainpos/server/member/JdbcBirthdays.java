package io.chainpos.server.member;

import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import io.chainpos.server.merge.FieldWrite;
import io.chainpos.server.merge.MemberProfiles;
import io.chainpos.server.merge.ProfileField;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Birthdays} over {@code member_fields} and the member keys: every stored birthday opened once, and the few
 * members it matches checked against their merged profile (a merged member's birthday is the last one written across
 * its ids, as on their page).
 */
public final class JdbcBirthdays implements Birthdays {
    private final Database db;
    private final JdbcMemberKeys keys;
    private final JdbcMemberViews views;

    /** @param ring the keys that wrap members' keys at rest */
    public JdbcBirthdays(Database db, KeyRing ring) {
        this.db = db;
        this.keys = new JdbcMemberKeys(ring);
        this.views = new JdbcMemberViews(keys);
    }

    @Override
    public List<String> bornOn(List<MonthDay> days) {
        Set<MonthDay> wanted = Set.copyOf(days);
        Set<String> candidates = new TreeSet<>();
        db.read(h -> {
            h.createQuery("""
                            SELECT f.member_id, f.value, k.key_material, COALESCE(a.survivor_id, f.member_id)
                            FROM member_fields f JOIN member_keys k ON k.member_id = f.member_id
                            LEFT JOIN member_aliases a ON a.merged_id = f.member_id
                            WHERE f.field = :field""")
                    .bind("field", ProfileField.BIRTHDAY.stored())
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> {
                        if (born(keys.opened(rs.getString(1), rs.getString(3)), rs.getString(2)).filter(wanted::contains).isPresent()) {
                            candidates.add(rs.getString(4));
                        }
                        return null;
                    })
                    .forEach(ignored -> { });
            return null;
        });
        if (candidates.isEmpty()) {
            return List.of();
        }
        return db.readConsistent(h -> candidates.stream().filter(survivor -> {
            if (h.createQuery("SELECT 1 FROM erased_members WHERE member_id = :id").bind("id", survivor).mapTo(Integer.class)
                    .findFirst().isPresent()) {
                return false;
            }
            List<FieldWrite> writes = JdbcMemberViews.writes(h, survivor);
            Set<String> writers = new HashSet<>();
            writes.forEach(w -> writers.add(w.memberId()));
            String birthday = MemberProfiles.opened(MemberProfiles.winners(writes), ProfileField.BIRTHDAY, keys.opener(h, writers));
            return monthDay(birthday).filter(wanted::contains).isPresent();
        }).toList());
    }

    private static Optional<MonthDay> born(Optional<MemberKey> key, String sealed) {
        if (key.isEmpty() || sealed == null) {
            return Optional.empty();
        }
        try {
            return monthDay(key.get().open(new Sealed(sealed)).orElse(null));
        } catch (IllegalArgumentException notSealed) {
            return Optional.empty();
        }
    }

    private static Optional<MonthDay> monthDay(String birthday) {
        if (birthday == null || birthday.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.from(LocalDate.parse(birthday)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
