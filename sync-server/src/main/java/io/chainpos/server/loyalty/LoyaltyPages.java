package io.chainpos.server.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /loyalty}: the rules in effect and those published for later; an admin edits them in one form (earning,
 * date multipliers 节假日多倍积分, tiers with thresholds and benefits, stored-value bonus steps 充100送20, offline
 * caps, expiry) and publishes them with an effective time as head office's {@code LoyaltyRulesPublished} and
 * {@code TierRulesPublished}, the events the tills already apply; and runs the period end for a day. Both acts are
 * audited; a form sent twice acts once, and a form based on rules someone else has since replaced is refused with
 * its values kept.
 */
public final class LoyaltyPages implements PageFeature {
    private final LoyaltyFacts facts;
    private final HeadOffice headOffice;
    private final PeriodEnd periodEnd;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    public LoyaltyPages(LoyaltyFacts facts, HeadOffice headOffice, PeriodEnd periodEnd, AuditLog audit, ZoneId zone, Clock clock) {
        this.facts = facts;
        this.headOffice = headOffice;
        this.periodEnd = periodEnd;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "loyalty/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_LOYALTY);
        PageAccess publish = PageAccess.chain(Permission.PUBLISH_LOYALTY);
        pages.nav(new NavItem("nav.loyalty", "/loyalty", read, 50));
        pages.get("/loyalty", read, request -> overview(request, 200, Form.empty()));
        pages.get("/loyalty/edit", publish, request -> edit(request, 200, null));
        pages.post("/loyalty", publish, this::publish);
        pages.post("/loyalty/period-end", publish, this::runPeriodEnd);
    }

    /** The overview: the rules in effect now as the form shows them, every published version, the period-end form. */
    public record OverviewView(Form current, List<Version> versions, String today, Form periodEnd) {
        public record Version(long version, String effectiveFrom, boolean inEffect, boolean scheduled, int expiryMonths) {
        }
    }

    public record EditView(Form form, List<String> fields) {
    }

    private void overview(PageRequest request, int status, Form periodEndForm) {
        LoyaltyRuleSets rules = LoyaltyRuleSets.read(facts, zone);
        var now = clock.instant();
        Optional<LoyaltyRulesPublished> current = rules.loyaltyAt(now);
        List<OverviewView.Version> versions = rules.loyaltyPublished().stream().map(r -> new OverviewView.Version(r.version(),
                request.formats().dateTime(r.effectiveFrom()), current.map(c -> c.version() == r.version()).orElse(false),
                r.effectiveFrom().isAfter(now), r.expiryMonths())).toList();
        request.render(status, "loyalty/overview.jte", "loyalty.title", new OverviewView(
                LoyaltyForm.filled(current, rules.tiersAt(now), 0), versions, LocalDate.now(clock.withZone(zone)).toString(), periodEndForm));
    }

    private void edit(PageRequest request, int status, Form form) {
        Form shown = form;
        if (shown == null) {
            LoyaltyRuleSets rules = LoyaltyRuleSets.read(facts, zone);
            shown = LoyaltyForm.filled(rules.lastLoyalty(), rules.lastTiers(), rules.lastLoyalty().map(LoyaltyRulesPublished::version).orElse(0L));
        }
        request.render(status, "loyalty/edit.jte", "loyalty.edit.title", new EditView(shown, LoyaltyForm.FIELDS));
    }

    private synchronized void publish(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/loyalty", "already-sent");
            return;
        }
        LoyaltyRuleSets rules = LoyaltyRuleSets.read(facts, zone);
        long last = rules.lastLoyalty().map(LoyaltyRulesPublished::version).orElse(0L);
        if (!form.value("basedOn").equals(Long.toString(last))) {
            request.releaseSubmission(form);
            form.reject("basedOn", "loyalty.problem.stale", last);
            edit(request, 409, form);
            return;
        }
        Optional<LoyaltyForm.Rules> made = LoyaltyForm.read(form, clock.instant(), zone, last,
                rules.lastTiers().map(TierRulesPublished::version).orElse(0L),
                rules.lastLoyalty().map(LoyaltyRulesPublished::rewards).orElse(List.of()));
        if (made.isEmpty()) {
            request.releaseSubmission(form);
            edit(request, 422, form);
            return;
        }
        LoyaltyForm.Rules published = made.get();
        headOffice.publish(List.of(published.loyalty(), published.tiers()));
        audit.record(request.viewer().username(), "loyalty.published", "loyalty rules v" + published.loyalty().version(), null,
                "tiers v" + published.tiers().version() + ", from " + published.loyalty().effectiveFrom() + ", expiry "
                        + published.loyalty().expiryMonths() + " months");
        request.redirect("/loyalty", "loyalty-published");
    }

    private void runPeriodEnd(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/loyalty", "already-sent");
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(form.value("day"));
        } catch (DateTimeParseException e) {
            request.releaseSubmission(form);
            form.reject("day", "loyalty.problem.day");
            overview(request, 422, form);
            return;
        }
        PeriodEnd.Outcome outcome = periodEnd.run(day);
        audit.record(request.viewer().username(), "loyalty.period-end", day.toString(), null, outcome.membersExpired()
                + " members, " + outcome.pointsExpired() + " points expired, " + outcome.downgrades() + " downgrades");
        request.redirect("/loyalty", "period-end-run");
    }
}
