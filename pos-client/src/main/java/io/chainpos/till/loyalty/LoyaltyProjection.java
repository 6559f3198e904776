package io.chainpos.till.loyalty;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.LoyaltyEvent;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.TopUpRefunded;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.LastWriterWins;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Members' tiers (chain-wide, last writer wins), this store's top-ups, and reward coupons handed out. */
public final class LoyaltyProjection implements Projection {
    private static final String UPSERT_TIER = """
            INSERT INTO member_tiers (member_id, tier_code, hlc, till_id, event_id) VALUES (:id, :tier, :hlc, :till, :event)
            ON CONFLICT (member_id) DO UPDATE SET tier_code = excluded.tier_code, hlc = excluded.hlc,
                till_id = excluded.till_id, event_id = excluded.event_id
            WHERE """ + LastWriterWins.sqlLater("excluded", "member_tiers");
    private final EventCodec codec;

    public LoyaltyProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof LoyaltyEvent loyalty)) {
            return;
        }
        switch (loyalty) {
            case MemberTierChanged tier -> h.createUpdate(UPSERT_TIER)
                    .bind("id", tier.memberId().toString())
                    .bind("tier", tier.toTier())
                    .bind("hlc", event.hlc())
                    .bind("till", event.tillId().value())
                    .bind("event", event.eventId().toString())
                    .execute();
            case StoredValueToppedUp topUp -> h.createUpdate("INSERT OR IGNORE INTO top_ups (top_up_id, member_id, receipt_no, "
                            + "paid, bonus, tenders, change_given, occurred_at) VALUES (:id, :member, :receipt, :paid, :bonus, "
                            + ":tenders, :change, :at)")
                    .bind("id", topUp.topUpId().toString())
                    .bind("member", topUp.memberId().toString())
                    .bind("receipt", topUp.receiptNo() == null ? null : topUp.receiptNo().value())
                    .bind("paid", topUp.paid())
                    .bind("bonus", topUp.bonus())
                    .bind("tenders", codec.write(topUp.tenders()))
                    .bind("change", topUp.change())
                    .bind("at", event.occurredAt().toString())
                    .execute();
            case TopUpRefunded refund -> h.createUpdate("UPDATE top_ups SET refunded = 1 WHERE top_up_id = :id")
                    .bind("id", refund.topUpId().toString())
                    .execute();
            case RewardRedeemed reward -> {
                if (reward.couponCode() != null) {
                    h.createUpdate("INSERT OR IGNORE INTO reward_coupons (code, member_id, event_id) VALUES (:code, :member, :event)")
                            .bind("code", reward.couponCode())
                            .bind("member", reward.memberId().toString())
                            .bind("event", event.eventId().toString())
                            .execute();
                }
            }
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM member_tiers");
        h.execute("DELETE FROM top_ups");
        h.execute("DELETE FROM reward_coupons");
    }
}
