package io.chainpos.till.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.loyalty.OfflineCap;
import io.chainpos.model.loyalty.PointsEarning;
import io.chainpos.model.loyalty.TierRules;
import io.chainpos.model.money.Money;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.member.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The loyalty steps of a sale, inside its transaction: the member's current tier, the offline limit on
 * redeeming, and earning with the tier upgrade the sale may bring. Checkout calls it; the rules are pure
 * functions in shared-model.
 */
public final class LoyaltyAtCheckout {
    static final String BIRTHDAY_RULE = "BIRTHDAY:+";

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final LoyaltyStore loyalty;
    private final PointsEarning earning;
    private final ZoneId zone;

    public LoyaltyAtCheckout(Ledger ledger, CatalogStore catalog, LoyaltyStore loyalty, PointsEarning earning, ZoneId zone) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.loyalty = loyalty;
        this.earning = earning;
        this.zone = zone;
    }

    /** The member with the tier they hold now (an upgrade or a period-end change may have moved it since registering). */
    public Member current(LedgerSession session, Member member) {
        return loyalty.tier(session, member.memberId())
                .filter(tier -> !tier.equals(member.tierCode()))
                .map(tier -> new Member(member.memberId(), member.cardNo(), member.phone(), member.name(), member.gender(),
                        member.birthday(), tier, member.consentMarketing()))
                .orElse(member);
    }

    /** Why {@code points} may not be redeemed for the member at this till now (the offline limit), or empty. */
    public Optional<TillMessage> redeemRefusal(LedgerSession session, MemberId member, long points, Instant now) {
        LoyaltyRulesPublished rules = catalog.loyaltyRules(session, now).orElse(null);
        if (rules == null || points <= 0) {
            return Optional.empty();
        }
        Instant lastSynced = ledger.syncMarks().lastSynced().orElse(null);
        boolean linked = ledger.registration().serverLink().isPresent();
        String till = ledger.identity().map(id -> id.tillId().value()).orElse("");
        long redeemed = loyalty.redeemedHereSince(session, member, till, lastSynced);
        return switch (OfflineCap.decide(rules, linked, lastSynced, now, redeemed, points)) {
            case OfflineCap.Allowed allowed -> Optional.empty();
            case OfflineCap.Capped capped -> Optional.of(capped.minutesSinceSync() == null
                    ? TillMessage.of(TillMessage.Code.OFFLINE_POINTS_CAP_NEVER_SYNCED, capped.afterMinutes(), capped.cap(),
                            capped.stillAllowed())
                    : TillMessage.of(TillMessage.Code.OFFLINE_POINTS_CAP, capped.minutesSinceSync(), capped.afterMinutes(),
                            capped.cap(), capped.stillAllowed()));
        };
    }

    /** What a sale earned: points, and the tier upgrade it brought (null when none). */
    public record Earned(long points, MemberTierChanged upgrade) {
    }

    /** Why {@code amount} of stored value may not pay for the member at this till now (the offline limit), or empty. */
    public Optional<TillMessage> storedValueRefusal(LedgerSession session, MemberId member, long amount, Instant now) {
        LoyaltyRulesPublished rules = catalog.loyaltyRules(session, now).orElse(null);
        if (rules == null || amount <= 0) {
            return Optional.empty();
        }
        Instant lastSynced = ledger.syncMarks().lastSynced().orElse(null);
        String till = ledger.identity().map(id -> id.tillId().value()).orElse("");
        long paid = loyalty.storedValuePaidHereSince(session, member, till, lastSynced);
        return switch (OfflineCap.decideStoredValue(rules, ledger.registration().serverLink().isPresent(), lastSynced, now, paid, amount)) {
            case OfflineCap.Allowed allowed -> Optional.empty();
            case OfflineCap.Capped capped -> Optional.of(capped.minutesSinceSync() == null
                    ? TillMessage.of(TillMessage.Code.OFFLINE_STORED_VALUE_CAP_NEVER_SYNCED, capped.afterMinutes(),
                            Money.cny(capped.cap()), Money.cny(capped.stillAllowed()))
                    : TillMessage.of(TillMessage.Code.OFFLINE_STORED_VALUE_CAP, capped.minutesSinceSync(), capped.afterMinutes(),
                            Money.cny(capped.cap()), Money.cny(capped.stillAllowed())));
        };
    }

    /**
     * Earns the sale's points and records the spend it counts towards the member's tier, then the upgrade
     * when that spend crosses a threshold: all in the sale's transaction.
     *
     * @param qualifyingSpend money the member really paid: the total less points, coupons and bonus stored value
     */
    public Earned earn(LedgerTransaction tx, Member member, SaleCompleted sale, Map<Sku, String> categories, long paidInMoney,
                     long qualifyingSpend) {
        Instant now = tx.now();
        LoyaltyRulesPublished rules = catalog.loyaltyRules(tx, now).orElse(null);
        TierRulesPublished tiers = catalog.tierRules(tx, now).orElse(null);
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant yearStart = today.withDayOfYear(1).atStartOfDay(zone).toInstant();
        Instant nextYear = today.withDayOfYear(1).plusYears(1).atStartOfDay(zone).toInstant();
        boolean birthdayTaken = loyalty.birthdayBonusTaken(tx, member.memberId(), yearStart, nextYear);
        PointsEarning.Earned earned = earning.earn(new PointsEarning.Purchase(member.tierCode(), member.birthday(), sale.lines(),
                categories, sale.total(), paidInMoney, now, zone, rules, tiers, birthdayTaken));
        if (earned.points() > 0 || qualifyingSpend != 0) {
            tx.append(new PointsChanged(member.memberId(), earned.points(), PointsChanged.Reason.EARN, sale.saleId(),
                    earned.rulesApplied(), qualifyingSpend));
        }
        MemberTierChanged upgrade = null;
        if (tiers != null) {
            LocalDate start = TierRules.periodStart(today, tiers.periodMonths());
            long measure = loyalty.periodMeasure(tx, member.memberId(), tiers.basis(), start.atStartOfDay(zone).toInstant(),
                    TierRules.periodEnd(start, tiers.periodMonths()).atStartOfDay(zone).toInstant());
            upgrade = TierRules.upgrade(tiers, member.memberId(), member.tierCode(), start, measure, sale.saleId()).orElse(null);
            if (upgrade != null) {
                tx.append(upgrade);
            }
        }
        return new Earned(earned.points(), upgrade);
    }
}
