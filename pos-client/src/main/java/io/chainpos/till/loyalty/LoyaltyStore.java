package io.chainpos.till.loyalty;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.loyalty.PointsLots;
import io.chainpos.till.ledger.LedgerSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What the loyalty rules read from this till's tables: tiers, period measures, lots, top-ups, issued coupons. */
public final class LoyaltyStore {
    private static final String IDS = "(SELECT :id UNION SELECT merged_id FROM member_aliases WHERE survivor_id = :id)";

    private final EventCodec codec;

    public LoyaltyStore(EventCodec codec) {
        this.codec = codec;
    }

    /** The tier a MemberTierChanged last set, if any (otherwise the member keeps the tier they registered with). */
    public Optional<String> tier(LedgerSession session, MemberId member) {
        return session.handle().createQuery("SELECT tier_code FROM member_tiers WHERE member_id = :id")
                .bind("id", member.toString()).mapTo(String.class).findOne();
    }

    /**
     * What counts towards a tier from {@code from} (inclusive) to {@code until} (exclusive), chain-wide: spend
     * recorded on the points changes of every store, or the points earned (EARN and REVERSE).
     */
    public long periodMeasure(LedgerSession session, MemberId member, TierRulesPublished.Basis basis, Instant from, Instant until) {
        String sum = basis == TierRulesPublished.Basis.SPEND ? "SUM(qualifying_spend)"
                : "SUM(CASE WHEN reason IN ('EARN', 'REVERSE') THEN delta - birthday_bonus ELSE 0 END)";
        return session.handle().createQuery("SELECT COALESCE(" + sum + ", 0) FROM points_entries WHERE member_id IN " + IDS
                        + " AND occurred_ms >= :from AND occurred_ms < :until")
                .bind("id", member.toString())
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** True when the member had a birthday bonus between {@code from} and {@code until}. */
    public boolean birthdayBonusTaken(LedgerSession session, MemberId member, Instant from, Instant until) {
        return session.handle().createQuery("SELECT COUNT(*) FROM points_entries WHERE member_id IN " + IDS
                        + " AND birthday_bonus > 0 AND occurred_ms >= :from AND occurred_ms < :until")
                .bind("id", member.toString())
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .mapTo(Integer.class).one() > 0;
    }

    /** Points this till itself redeemed for the member since {@code since} (all of them when null). */
    public long redeemedHereSince(LedgerSession session, MemberId member, String tillId, Instant since) {
        return -session.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM points_entries WHERE member_id IN " + IDS
                        + " AND reason = 'REDEEM' AND till_id = :till AND occurred_ms > :since")
                .bind("id", member.toString())
                .bind("till", tillId)
                .bind("since", since == null ? Long.MIN_VALUE : since.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** Stored value this till itself took from the member as payment since {@code since} (all of it when null). */
    public long storedValuePaidHereSince(LedgerSession session, MemberId member, String tillId, Instant since) {
        return -session.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM stored_value_entries WHERE member_id IN " + IDS
                        + " AND reason = 'PAY' AND till_id = :till AND occurred_ms > :since")
                .bind("id", member.toString())
                .bind("till", tillId)
                .bind("since", since == null ? Long.MIN_VALUE : since.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** The member's points as lots by store-local earn day, folded in the order the changes happened. */
    public PointsLots lots(LedgerSession session, MemberId member, ZoneId zone) {
        List<PointsLots.Change> changes = session.handle().createQuery("SELECT occurred_ms, delta FROM points_entries "
                        + "WHERE member_id IN " + IDS + " ORDER BY occurred_ms, event_id")
                .bind("id", member.toString())
                .map((rs, ctx) -> new PointsLots.Change(Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate(), rs.getLong(2)))
                .list();
        return PointsLots.of(changes);
    }

    /** Every member with points, survivors only: the expiry report walks them. */
    public List<MemberId> membersWithPoints(LedgerSession session) {
        return session.handle().createQuery("SELECT COALESCE(a.survivor_id, p.member_id) AS m FROM points_entries p "
                        + "LEFT JOIN member_aliases a ON a.merged_id = p.member_id GROUP BY m HAVING SUM(p.delta) > 0 ORDER BY m")
                .map((rs, ctx) -> MemberId.parse(rs.getString(1)))
                .list();
    }

    /** A top-up made in this store, found by its id or its receipt number. */
    public Optional<TopUpRecord> topUp(LedgerSession session, String idOrReceipt) {
        return session.handle().createQuery("SELECT top_up_id, member_id, receipt_no, paid, bonus, tenders, change_given, refunded "
                        + "FROM top_ups WHERE top_up_id = :key OR receipt_no = :key")
                .bind("key", idOrReceipt.strip())
                .map((rs, ctx) -> new TopUpRecord(TopUpId.parse(rs.getString(1)), MemberId.parse(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), List.of(codec.read(rs.getString(6), Tender[].class)), rs.getLong(7),
                        rs.getInt(8) != 0))
                .findOne();
    }

    /** True when a coupon code was handed out as a reward or used at any till of the chain. */
    public boolean couponTaken(LedgerSession session, String code) {
        return session.handle().createQuery("SELECT (SELECT COUNT(*) FROM reward_coupons WHERE code = :code) "
                        + "+ (SELECT COUNT(*) FROM coupon_redemptions WHERE code = :code)")
                .bind("code", code).mapTo(Integer.class).one() > 0;
    }

    /** A top-up as this store recorded it. */
    public record TopUpRecord(TopUpId topUpId, MemberId memberId, String receiptNo, long paid, long bonus, List<Tender> tenders,
                              long change, boolean refunded) {
    }
}
