package io.chainpos.server.merge;

import io.chainpos.model.sync.MemberView;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Assembles the merged member head office and tills see. A member merged into another is the same person,
 * so each field is the last write across the survivor and all its aliases; only the card number prefers
 * the survivor's own card, since the merged card lives on as an alias of it.
 */
public final class MemberProfiles {
    private MemberProfiles() {
    }

    public static MemberView view(String survivorId, Collection<FieldWrite> writes, long points, long storedValue) {
        return view(survivorId, writes, points, storedValue, 0);
    }

    /** As {@link #view(String, Collection, long, long)}, with the bonus part of the stored value. */
    public static MemberView view(String survivorId, Collection<FieldWrite> writes, long points, long storedValue,
                                  long storedValueBonus) {
        Map<ProfileField, FieldWrite> winners = new EnumMap<>(ProfileField.class);
        for (FieldWrite write : writes) {
            winners.merge(write.field(), write, (a, b) -> b.winsOver(a) ? b : a);
        }
        String cardNo = writes.stream()
                .filter(w -> w.field() == ProfileField.CARD_NO && w.memberId().equals(survivorId))
                .map(FieldWrite::value)
                .findFirst()
                .orElseGet(() -> value(winners, ProfileField.CARD_NO));
        return new MemberView(survivorId, cardNo, value(winners, ProfileField.NAME),
                value(winners, ProfileField.PHONE), value(winners, ProfileField.TIER_CODE), points, storedValue,
                storedValue - storedValueBonus, storedValueBonus);
    }

    private static String value(Map<ProfileField, FieldWrite> winners, ProfileField field) {
        FieldWrite write = winners.get(field);
        return write == null ? null : write.value();
    }
}
