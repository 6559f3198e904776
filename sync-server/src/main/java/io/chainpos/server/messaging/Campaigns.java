package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.UuidV7;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.member.MemberSegments;
import io.chainpos.server.sales.CoPurchases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Head office's campaigns: the target chosen from the members who consented to marketing, a random hold-out drawn
 * from it that is sent nothing, the rest queued under the usual rules, and the report that compares the two groups
 * after the send. Sending again after a restart queues only the members the campaign has no message for yet.
 *
 * <p>A campaign may give the codes of a coupon promotion: when it is created, each targeted member (never a held-out
 * one) is given one distinct code no message gave and no sale used, kept with the campaign, so a send interrupted and
 * resumed gives nobody a second code and no code twice. A campaign with more targeted members than free codes is
 * refused before anything is kept. A member the rules refuse at the send gives the code back.
 */
public final class Campaigns {
    public sealed interface Created permits Chosen, Refused {
    }

    public record Chosen(String campaignId, int targeted, int heldOut) implements Created {
    }

    /** Not created: {@code field} of the form is what was wrong; {@code args} the numbers or names the sentence shows. */
    public record Refused(String field, String problem, List<Object> args) implements Created {
        public Refused(String field, String problem) {
            this(field, problem, List.of());
        }
    }

    /** What a send came to: messages queued now, members the rules refused. */
    public record Sent(int queued, int refused) {
    }

    private final CampaignBook book;
    private final Templates templates;
    private final Messaging messaging;
    private final Outbox outbox;
    private final MemberActivities activities;
    private final MarketingConsent consent;
    private final ZoneId zone;
    private final Clock clock;
    private final java.util.function.LongSupplier holdOutSeeds;
    private final CoPurchases purchases;
    private final CouponBatches coupons;
    private final CouponCodes codes;

    /**
     * @param holdOutSeeds where each campaign's random hold-out draw starts (a secure random; a fixed one in tests)
     * @param purchases what members bought, for a target by product
     */
    public Campaigns(CampaignBook book, Templates templates, Messaging messaging, Outbox outbox, MemberActivities activities,
                     MarketingConsent consent, CoPurchases purchases, CouponBatches coupons, CouponCodes codes, ZoneId zone, Clock clock,
                     java.util.function.LongSupplier holdOutSeeds) {
        this.purchases = purchases;
        this.coupons = coupons;
        this.codes = codes;
        this.holdOutSeeds = holdOutSeeds;
        this.book = book;
        this.templates = templates;
        this.messaging = messaging;
        this.outbox = outbox;
        this.activities = activities;
        this.consent = consent;
        this.zone = zone;
        this.clock = clock;
    }

    public Created create(String name, String templateId, CampaignTarget target, int holdoutPercent, String by) {
        return create(name, templateId, target, holdoutPercent, null, by);
    }

    /** @param couponPromotion the coupon promotion whose codes the messages give; null: none */
    public Created create(String name, String templateId, CampaignTarget target, int holdoutPercent, String couponPromotion, String by) {
        if (name == null || name.isBlank()) {
            return new Refused("name", "required");
        }
        Optional<MessageTemplate> template = templates.template(templateId);
        if (template.isEmpty()) {
            return new Refused("templateId", "no such template");
        }
        if (holdoutPercent < 0 || holdoutPercent > 90) {
            return new Refused("holdoutPercent", "0 to 90");
        }
        if (target.boughtWithinDays() != null && (target.boughtWithinDays() < 1 || target.boughtSku() == null)) {
            return new Refused("boughtWithinDays", "days");
        }
        boolean usesCode = Placeholders.unfilled(template.get().bodyZh() + template.get().bodyEn(), Map.of()).contains("couponCode");
        if (couponPromotion == null && usesCode) {
            return new Refused("couponPromotion", "needed");
        }
        if (couponPromotion != null && !usesCode) {
            return new Refused("couponPromotion", "unused");
        }
        List<String> chosen = chosen(target);
        String campaignId = UuidV7.next(clock).toString();
        Set<String> held = HoldOut.draw(chosen, holdoutPercent, holdOutSeeds.getAsLong());
        Map<String, Boolean> members = new HashMap<>();
        chosen.forEach(m -> members.put(m, held.contains(m)));
        Map<String, String> given = new HashMap<>();
        if (couponPromotion != null) {
            Optional<List<String>> free = coupons.free(couponPromotion);
            if (free.isEmpty()) {
                return new Refused("couponPromotion", "unknown");
            }
            List<String> targeted = chosen.stream().filter(m -> !held.contains(m)).toList();
            if (free.get().size() < targeted.size()) {
                return new Refused("couponPromotion", "too-few", List.of(targeted.size(), free.get().size()));
            }
            for (int i = 0; i < targeted.size(); i++) {
                given.put(targeted.get(i), free.get().get(i));
            }
        }
        try {
            book.create(new CampaignBook.Campaign(campaignId, name.strip(), templateId, target, holdoutPercent, by, clock.instant(), null,
                    couponPromotion), members, given);
        } catch (CampaignBook.CodesTaken taken) {
            return new Refused("couponPromotion", "taken");
        }
        return new Chosen(campaignId, chosen.size() - held.size(), held.size());
    }

    /** The consenting members the target picks now, in member id order. */
    List<String> chosen(CampaignTarget target) {
        List<MemberActivities.Person> people = new ArrayList<>();
        activities.forEachPerson(people::add);
        long now = clock.millis();
        Map<String, MemberSegments.Segment> segments = MemberSegments.rfm(people).stream()
                .collect(Collectors.toMap(s -> s.person().memberId(), MemberSegments.Scored::segment));
        Set<String> atRisk = new HashSet<>();
        MemberSegments.churnRisk(people, now).forEach(r -> atRisk.add(r.person().memberId()));
        Map<String, String> tiers = target.tier() == null ? Map.of() : activities.tiers(now, now).now();
        Set<String> buyers = target.boughtSku() == null ? null : purchases.buyersSince(target.boughtSku(), target.boughtWithinDays() == null
                ? Long.MIN_VALUE : java.time.LocalDate.now(clock.withZone(zone)).minusDays(target.boughtWithinDays()).toEpochDay());
        CampaignTarget.Standing standing = new CampaignTarget.Standing(segments, atRisk, tiers, buyers, zone);
        return people.stream().filter(p -> target.matches(p, standing))
                .map(MemberActivities.Person::memberId)
                .filter(id -> consent.standing(MemberId.parse(id)) == MarketingConsent.Standing.CONSENTS)
                .sorted().toList();
    }

    /** Queues the campaign's message to each targeted member without one yet; the hold-out gets nothing. */
    public Sent send(String campaignId, String lang) {
        CampaignBook.Campaign campaign = book.campaign(campaignId).orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
        MessageTemplate template = templates.template(campaign.templateId()).orElseThrow();
        book.sent(campaignId, clock.instant());
        Set<String> messaged = outbox.ofCampaign(campaignId).stream().map(Outbox.Message::memberId).collect(Collectors.toSet());
        Map<String, String> given = codes.given(campaignId);
        int queued = 0;
        int refused = 0;
        for (Map.Entry<String, Boolean> member : book.members(campaignId).entrySet()) {
            if (member.getValue() || messaged.contains(member.getKey())) {
                continue;
            }
            String code = given.get(member.getKey());
            Messaging.Outcome outcome = messaging.queue(MemberId.parse(member.getKey()), template, lang,
                    code == null ? Map.of() : Map.of("couponCode", code), campaignId);
            if (outcome instanceof Messaging.Queued) {
                queued++;
            } else {
                refused++;
                if (code != null) {
                    codes.takeBack(campaignId, member.getKey());
                }
            }
        }
        return new Sent(queued, refused);
    }

    /**
     * The campaign's effect so far: each group's visits and spend per member since the send, targeted minus
     * held out, with a 95% interval. Every targeted member counts, whether or not their message went (the
     * comparison the random draw makes fair).
     */
    public Optional<CampaignReport> report(String campaignId) {
        Optional<CampaignBook.Campaign> campaign = book.campaign(campaignId);
        if (campaign.isEmpty() || campaign.get().sent() == null) {
            return Optional.empty();
        }
        long from = campaign.get().sent().toEpochMilli();
        long until = clock.millis();
        List<double[]> targeted = new ArrayList<>();
        List<double[]> heldOut = new ArrayList<>();
        for (Map.Entry<String, Boolean> member : book.members(campaignId).entrySet()) {
            long visits = 0;
            long spend = 0;
            Optional<MemberActivities.Activity> activity = activities.of(MemberId.parse(member.getKey()));
            if (activity.isPresent()) {
                for (MemberActivities.Visit v : activity.get().visits()) {
                    if (v.atMs() >= from && v.atMs() <= until) {
                        visits += v.visits();
                        spend += v.spend();
                    }
                }
            }
            (member.getValue() ? heldOut : targeted).add(new double[] {visits, spend});
        }
        List<Outbox.Message> messages = outbox.ofCampaign(campaignId);
        Map<Outbox.Status, Long> statuses = messages.stream().collect(Collectors.groupingBy(Outbox.Message::status, Collectors.counting()));
        Map<String, String> given = codes.given(campaignId);
        List<String> codesSent = messages.stream().filter(m -> m.status() == Outbox.Status.SENT && given.containsKey(m.memberId()))
                .map(m -> given.get(m.memberId())).distinct().toList();
        return Optional.of(new CampaignReport(campaign.get(), Instant.ofEpochMilli(until), statuses,
                Difference.of(column(targeted, 0), column(heldOut, 0)), Difference.of(column(targeted, 1), column(heldOut, 1)),
                codesSent.size(), coupons.usedAmong(codesSent).size()));
    }

    /** Member id to whether it was held out. */
    public Map<String, Boolean> members(String campaignId) {
        return book.members(campaignId);
    }

    /** The campaign's messages with their delivery status and, when not sent, the reason. */
    public List<Outbox.Message> messages(String campaignId) {
        return outbox.ofCampaign(campaignId);
    }

    public List<CampaignBook.Campaign> all() {
        return book.all();
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }
}
