package io.chainpos.server.promotion;

import io.chainpos.server.db.Database;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link CouponRedemptions} over {@code coupon_redemptions}, which {@link JdbcCouponRedemptionsProjection} writes. */
public final class JdbcCouponRedemptions implements CouponRedemptions {
    private final Database db;

    public JdbcCouponRedemptions(Database db) {
        this.db = db;
    }

    @Override
    public Set<String> usedAmong(Collection<String> codes) {
        Set<String> used = new HashSet<>();
        if (codes.isEmpty()) {
            return used;
        }
        List<String> all = List.copyOf(codes);
        db.read(h -> {
            for (int from = 0; from < all.size(); from += 500) {
                used.addAll(h.createQuery("SELECT code FROM coupon_redemptions WHERE code IN (<codes>)")
                        .bindList("codes", all.subList(from, Math.min(all.size(), from + 500))).mapTo(String.class).list());
            }
            return null;
        });
        return used;
    }
}
