package io.chainpos.server.merge;

import io.chainpos.model.sync.MemberView;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Assembles the merged member head office and tills see. A member merged into another is the same person,
 * so each field is the last write across the survivor and all its aliases; only the card number prefers
 * the survivor's own card, since the merged card lives on as an alias of it. Personal fields are stored
 * sealed with the key of the member id that wrote them, and opened here with that member's key.
 */
public final class MemberProfiles {
    private MemberProfiles() {
    }

    /** Opens a sealed value with the key of the member that wrote it; null when that key is gone (erased). */
    @FunctionalInterface
    public interface Opener {
        String open(String memberId, String sealed);
    }

    public static MemberView view(String survivorId, Collection<FieldWrite> writes, long points, long storedValue,
                                  Opener opener) {
        Map<ProfileField, FieldWrite> winners = winners(writes);
        String cardNo = writes.stream()
                .filter(w -> w.field() == ProfileField.CARD_NO && w.memberId().equals(survivorId))
                .map(FieldWrite::value)
                .findFirst()
                .orElseGet(() -> value(winners, ProfileField.CARD_NO));
        return new MemberView(survivorId, cardNo, opened(winners, ProfileField.NAME, opener),
                opened(winners, ProfileField.PHONE, opener), value(winners, ProfileField.TIER_CODE), points, storedValue);
    }

    public static Map<ProfileField, FieldWrite> winners(Collection<FieldWrite> writes) {
        Map<ProfileField, FieldWrite> winners = new EnumMap<>(ProfileField.class);
        for (FieldWrite write : writes) {
            winners.merge(write.field(), write, (a, b) -> b.winsOver(a) ? b : a);
        }
        return winners;
    }

    public static String opened(Map<ProfileField, FieldWrite> winners, ProfileField field, Opener opener) {
        FieldWrite write = winners.get(field);
        return write == null ? null : opener.open(write.memberId(), write.value());
    }

    public static String value(Map<ProfileField, FieldWrite> winners, ProfileField field) {
        FieldWrite write = winners.get(field);
        return write == null ? null : write.value();
    }
}
