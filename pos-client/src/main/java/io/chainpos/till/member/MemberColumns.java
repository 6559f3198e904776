package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.member.Stamp;
import io.chainpos.model.member.Stamped;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a member's row keeps its values compactly (V1810): ids as their 16 bytes, sealed values and the phone hash as
 * the bytes their text encodes, and the per-field stamps as one small blob in which a stamp shared by several fields
 * (every field of a registration) is written once. Each encoding gives back exactly the text it was made from; a
 * value whose text would not come back the same (not the canonical form) is kept as that text, which SQLite's
 * columns allow beside blobs, so nothing is ever altered.
 */
final class MemberColumns {
    /** The stamped fields in the order of the blob's field table; the card number is written once and not stamped. */
    private static final MemberProfile.Field[] STAMPED = {
            MemberProfile.Field.PHONE_HASH, MemberProfile.Field.PHONE, MemberProfile.Field.NAME, MemberProfile.Field.GENDER,
            MemberProfile.Field.BIRTHDAY, MemberProfile.Field.TIER_CODE, MemberProfile.Field.CONSENT_MARKETING};
    private static final int VERSION = 1;
    private static final int ABSENT = 0xFF;
    private static final String SEALED_PREFIX = "m1.";
    private static final HexFormat HEX = HexFormat.of();

    private MemberColumns() {
    }

    static byte[] id(MemberId id) {
        return uuid(id.value());
    }

    static MemberId id(byte[] stored) {
        return new MemberId(uuid(stored));
    }

    /** A sealed value's nonce, ciphertext and tag, or its text when that is not the canonical {@code m1.} form. */
    static Object sealed(Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        String text = sealed.text();
        try {
            byte[] bytes = Base64.getDecoder().decode(text.substring(SEALED_PREFIX.length()));
            return text.equals(sealedText(bytes)) ? bytes : text;
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }

    static Sealed sealed(Object stored) {
        return switch (stored) {
            case null -> null;
            case byte[] bytes -> new Sealed(sealedText(bytes));
            default -> new Sealed(stored.toString());
        };
    }

    private static String sealedText(byte[] bytes) {
        return SEALED_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The keyed phone hash (64 lowercase hex digits) as its 32 bytes, or as text when it is written otherwise. */
    static Object phoneHash(String hash) {
        if (hash == null) {
            return null;
        }
        if (hash.length() % 2 == 0 && hash.equals(hash.toLowerCase(Locale.ROOT))) {
            try {
                return HEX.parseHex(hash);
            } catch (IllegalArgumentException notHex) {
                return hash;
            }
        }
        return hash;
    }

    static String phoneHash(Object stored) {
        return switch (stored) {
            case null -> null;
            case byte[] bytes -> HEX.formatHex(bytes);
            default -> stored.toString();
        };
    }

    /**
     * The stamps of every stamped field: a version byte, the count of distinct stamps, each stamp (hlc as 8 bytes,
     * the till id's length and UTF-8, then the event id as 16 bytes after a 0, or its length and UTF-8 when it is not
     * a canonical UUID), then one byte per field in {@link #STAMPED} order: the index of its stamp, or 0xFF for none.
     */
    static byte[] stamps(MemberProfile profile) {
        List<Stamp> distinct = new ArrayList<>();
        int[] index = new int[STAMPED.length];
        for (int f = 0; f < STAMPED.length; f++) {
            Stamped<?> field = field(profile, STAMPED[f]);
            if (field == null) {
                index[f] = ABSENT;
            } else {
                int at = distinct.indexOf(field.stamp());
                if (at < 0) {
                    distinct.add(field.stamp());
                    at = distinct.size() - 1;
                }
                index[f] = at;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        out.write(VERSION);
        out.write(distinct.size());
        for (Stamp stamp : distinct) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(stamp.hlc()).array());
            writeText(out, stamp.tillId());
            UUID uuid = canonicalUuid(stamp.eventId());
            if (uuid != null) {
                out.write(0);
                out.writeBytes(uuid(uuid));
            } else {
                writeText(out, stamp.eventId());
            }
        }
        for (int i : index) {
            out.write(i);
        }
        return out.toByteArray();
    }

    /** The profile a row holds: its values with the stamps that wrote them. */
    static MemberProfile profile(MemberId id, String cardNo, Object phoneHash, Object phone, Object name, String gender,
                                 Object birthday, String tierCode, boolean consent, boolean erased, byte[] stamps) {
        ByteBuffer in = ByteBuffer.wrap(stamps);
        if (in.get() != VERSION) {
            throw new IllegalStateException("member " + id + ": stamps in an unknown form");
        }
        Stamp[] distinct = new Stamp[in.get() & 0xFF];
        for (int i = 0; i < distinct.length; i++) {
            long hlc = in.getLong();
            String till = readText(in, in.get() & 0xFF);
            int length = in.get() & 0xFF;
            String event = length == 0 ? uuid(read(in, 16)).toString() : readText(in, length);
            distinct[i] = new Stamp(hlc, till, event);
        }
        Stamp[] at = new Stamp[STAMPED.length];
        for (int f = 0; f < STAMPED.length; f++) {
            int i = in.get() & 0xFF;
            at[f] = i == ABSENT ? null : distinct[i];
        }
        return new MemberProfile(id, cardNo == null ? null : new CardNo(cardNo),
                stamped(phoneHash(phoneHash), at[0]),
                stamped(sealed(phone), at[1]),
                stamped(sealed(name), at[2]),
                stamped(gender == null ? null : Gender.valueOf(gender), at[3]),
                stamped(sealed(birthday), at[4]),
                stamped(tierCode, at[5]),
                stamped(consent, at[6]),
                erased);
    }

    private static <T> Stamped<T> stamped(T value, Stamp stamp) {
        return stamp == null ? null : new Stamped<>(value, stamp);
    }

    private static Stamped<?> field(MemberProfile p, MemberProfile.Field field) {
        return switch (field) {
            case PHONE_HASH -> p.phoneHash();
            case PHONE -> p.phone();
            case NAME -> p.name();
            case GENDER -> p.gender();
            case BIRTHDAY -> p.birthday();
            case TIER_CODE -> p.tierCode();
            case CONSENT_MARKETING -> p.consentMarketing();
            case CARD_NO -> throw new IllegalArgumentException("the card number is not stamped");
        };
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > 255) {
            throw new IllegalArgumentException("a till or event id of " + bytes.length + " bytes");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readText(ByteBuffer in, int length) {
        return new String(read(in, length), StandardCharsets.UTF_8);
    }

    private static byte[] read(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static UUID canonicalUuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? uuid : null;
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    private static byte[] uuid(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    private static UUID uuid(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an id is 16 bytes, not " + bytes.length + ": " + Arrays.toString(bytes));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new UUID(in.getLong(), in.getLong());
    }
}
