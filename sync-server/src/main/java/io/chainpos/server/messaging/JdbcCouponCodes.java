package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@link CouponCodes} in {@code message_coupon_codes}, whose primary key on the code refuses a second giving. */
public final class JdbcCouponCodes implements CouponCodes {
    private final Database db;

    public JdbcCouponCodes(Database db) {
        this.db = db;
    }

    @Override
    public Set<String> givenAmong(Collection<String> codes) {
        Set<String> given = new HashSet<>();
        List<String> all = List.copyOf(codes);
        db.read(h -> {
            for (int from = 0; from < all.size(); from += 500) {
                given.addAll(h.createQuery("SELECT code FROM message_coupon_codes WHERE code IN (<codes>)")
                        .bindList("codes", all.subList(from, Math.min(all.size(), from + 500))).mapTo(String.class).list());
            }
            return null;
        });
        return given;
    }

    @Override
    public Map<String, String> given(String givenFor) {
        Map<String, String> given = new TreeMap<>();
        db.read(h -> h.createQuery("SELECT member_id, code FROM message_coupon_codes WHERE given_for = :f").bind("f", givenFor)
                .map((rs, ctx) -> given.put(rs.getString(1), rs.getString(2))).list());
        return given;
    }

    @Override
    public boolean give(String promotionCode, String code, String memberId, String givenFor, Instant at) {
        return db.write(tx -> tx.sql().update("""
                INSERT INTO message_coupon_codes (code, promotion_code, member_id, given_for, given_ms) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", code, promotionCode, memberId, givenFor, at.toEpochMilli())) == 1;
    }

    @Override
    public void takeBack(String givenFor, String memberId) {
        db.write(tx -> tx.sql().update("DELETE FROM message_coupon_codes WHERE given_for = ? AND member_id = ?", givenFor, memberId));
    }
}
