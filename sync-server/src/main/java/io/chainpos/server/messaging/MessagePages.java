package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.UuidV7;
import io.chainpos.server.member.MemberSegments;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Messages to members (会员消息): {@code /messages} lists the templates and campaigns; a template is written in both
 * languages and previewed with a member found by card number; a campaign is created with its target and hold-out,
 * sent, and its page reports targeted against held out. Head office's admin writes and sends, its analyst reads;
 * store managers have no part in it (marketing is the chain's).
 */
public final class MessagePages implements PageFeature {
    private static final int MESSAGES_SHOWN = 500;
    private final Templates templates;
    private final Campaigns campaigns;
    private final Messaging messaging;
    private final Function<String, Optional<String>> memberByCard;
    private final MessageSettingsPage settings;
    private final CouponBatches coupons;
    private final Clock clock;

    public MessagePages(Templates templates, Campaigns campaigns, Messaging messaging, Function<String, Optional<String>> memberByCard,
                        MessageSettings settings, CouponBatches coupons, Clock clock) {
        this.settings = new MessageSettingsPage(settings, coupons);
        this.coupons = coupons;
        this.templates = templates;
        this.campaigns = campaigns;
        this.messaging = messaging;
        this.memberByCard = memberByCard;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "messaging/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_MESSAGES);
        PageAccess write = PageAccess.chain(Permission.SEND_MESSAGES);
        pages.nav(new NavItem("nav.messages", "/messages", read, 51));
        pages.get("/messages", read, this::list);
        pages.get("/messages/templates/new", write, request -> templateForm(request, 200, Form.empty()));
        pages.post("/messages/templates", write, this::saveTemplate);
        pages.get("/messages/templates/{id}", read, this::showTemplate);
        pages.get("/messages/campaigns/new", write, request -> campaignForm(request, 200, Form.empty()));
        pages.post("/messages/campaigns", write, this::createCampaign);
        pages.get("/messages/campaigns/{id}", read, this::showCampaign);
        pages.post("/messages/campaigns/{id}/send", write, this::sendCampaign);
        settings.addTo(pages, write);
    }

    public record ListView(List<MessageTemplate> templates, List<CampaignBook.Campaign> campaigns) {
    }

    public record TemplateForm(Form form, List<String> kinds, List<String> placeholders) {
    }

    public record TemplateView(MessageTemplate template, Form preview, String previewZh, String previewEn) {
    }

    /** A coupon promotion the campaign form offers, with its free codes. */
    public record Coupon(String code, String name, int free, int codes) {
    }

    public record CampaignForm(Form form, List<MessageTemplate> templates, List<String> segments, List<Coupon> coupons) {
    }

    /** A difference as the report shows it, already formatted. */
    public record Measure(String targeted, String heldOut, String difference, String interval, boolean clear) {
    }

    /** One message's delivery as the campaign page lists it. */
    public record Delivery(String messageId, String memberId, String status, String reason, int attempts) {
    }

    /** {@code codesSent}, {@code codesRedeemed}: null for a campaign without coupons or not sent yet. */
    public record CampaignView(CampaignBook.Campaign campaign, String template, int targeted, int heldOut,
                               Map<Outbox.Status, Long> messages, Measure visits, Measure spend, List<Delivery> deliveries,
                               Integer codesSent, Integer codesRedeemed) {
    }

    private void list(PageRequest request) {
        request.render("messaging/list.jte", "messages.title", new ListView(templates.all(), campaigns.all()));
    }

    private void templateForm(PageRequest request, int status, Form form) {
        request.render(status, "messaging/template-new.jte", "messages.template.new",
                new TemplateForm(form, Arrays.stream(MessageKind.values()).map(Enum::name).toList(),
                        Placeholders.KNOWN.stream().sorted().toList()));
    }

    private void saveTemplate(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/messages", "already-sent");
            return;
        }
        MessageKind kind;
        try {
            kind = MessageKind.valueOf(form.raw("kind"));
        } catch (IllegalArgumentException | NullPointerException e) {
            request.releaseSubmission(form);
            form.reject("kind", "messages.problem.kind");
            templateForm(request, 422, form);
            return;
        }
        String id = UuidV7.next(clock).toString();
        switch (templates.save(new MessageTemplate(id, kind, form.raw("name"), form.raw("bodyZh"), form.raw("bodyEn")),
                request.viewer().username())) {
            case Templates.Kept kept -> request.redirect("/messages/templates/" + kept.templateId(), "message-template-saved");
            case Templates.Refused refused -> {
                request.releaseSubmission(form);
                form.reject(refused.field(), refused.problem().startsWith("unknown") ? "messages.problem.placeholder" : "messages.problem.required",
                        refused.problem().replace("unknown placeholder: ", ""));
                templateForm(request, 422, form);
            }
        }
    }

    private void showTemplate(PageRequest request) {
        Optional<MessageTemplate> template = templates.template(request.pathParam("id"));
        if (template.isEmpty()) {
            request.refuse(404, "messages.not-found");
            return;
        }
        Form preview = new Form(request.query("card").map(card -> Map.of("card", card)).orElse(Map.of()));
        String zh = "";
        String en = "";
        Optional<String> card = request.query("card").map(String::strip).filter(c -> !c.isEmpty());
        if (card.isPresent()) {
            Optional<String> member = memberByCard.apply(card.get());
            if (member.isEmpty()) {
                preview.reject("card", "messages.problem.card");
            } else {
                MemberId id = MemberId.parse(member.get());
                zh = messaging.preview(id, template.get(), "zh", Map.of("couponCode", "COUPON-0000", "expiryDate", LocalDate.now(clock).toString(),
                        "expiringPoints", "0")).orElse("");
                en = messaging.preview(id, template.get(), "en", Map.of("couponCode", "COUPON-0000", "expiryDate", LocalDate.now(clock).toString(),
                        "expiringPoints", "0")).orElse("");
            }
        }
        request.render(preview.hasErrors() ? 422 : 200, "messaging/template.jte", "messages.template.title",
                new TemplateView(template.get(), preview, zh, en));
    }

    private void campaignForm(PageRequest request, int status, Form form) {
        boolean zh = request.language().tag().startsWith("zh");
        request.render(status, "messaging/campaign-new.jte", "messages.campaign.new", new CampaignForm(form,
                templates.all().stream().filter(t -> t.kind() == MessageKind.CAMPAIGN).toList(),
                Arrays.stream(MemberSegments.Segment.values()).map(Enum::name).toList(),
                coupons.batches().stream().map(b -> new Coupon(b.promotionCode(), zh ? b.nameZh() : b.nameEn(),
                        coupons.free(b.promotionCode()).map(List::size).orElse(0), b.codes())).toList()));
    }

    private void createCampaign(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/messages", "already-sent");
            return;
        }
        MemberSegments.Segment segment = null;
        LocalDate lastVisitBefore = null;
        int holdout = -1;
        Integer boughtWithin = null;
        try {
            boughtWithin = blank(form.raw("boughtWithinDays")) ? null : Integer.valueOf(form.raw("boughtWithinDays").strip());
        } catch (NumberFormatException e) {
            form.reject("boughtWithinDays", "messages.problem.boughtWithinDays");
        }
        try {
            segment = blank(form.raw("segment")) ? null : MemberSegments.Segment.valueOf(form.raw("segment"));
        } catch (IllegalArgumentException e) {
            form.reject("segment", "messages.problem.segment");
        }
        try {
            lastVisitBefore = blank(form.raw("lastVisitBefore")) ? null : LocalDate.parse(form.raw("lastVisitBefore").strip());
        } catch (DateTimeParseException e) {
            form.reject("lastVisitBefore", "messages.problem.date");
        }
        try {
            holdout = Integer.parseInt(blank(form.raw("holdoutPercent")) ? "10" : form.raw("holdoutPercent").strip());
        } catch (NumberFormatException e) {
            form.reject("holdoutPercent", "messages.problem.holdout");
        }
        if (!form.hasErrors()) {
            CampaignTarget target = new CampaignTarget(segment, "on".equals(form.raw("churnRisk")), orNull(form.raw("tier")),
                    orNull(form.raw("homeStore")), lastVisitBefore, orNull(form.raw("boughtSku")), boughtWithin);
            switch (campaigns.create(form.raw("name"), form.raw("templateId"), target, holdout, orNull(form.raw("couponPromotion")),
                    request.viewer().username())) {
                case Campaigns.Chosen chosen -> {
                    request.redirect("/messages/campaigns/" + chosen.campaignId(), "message-campaign-created");
                    return;
                }
                case Campaigns.Refused refused -> {
                    String key = "messages.problem." + refused.field() + "." + refused.problem();
                    form.reject(refused.field(), request.hasText(key) ? key : "messages.problem." + refused.field(), refused.args().toArray());
                }
            }
        }
        request.releaseSubmission(form);
        campaignForm(request, 422, form);
    }

    private void showCampaign(PageRequest request) {
        String id = request.pathParam("id");
        Optional<CampaignBook.Campaign> campaign = campaigns.all().stream().filter(c -> c.campaignId().equals(id)).findFirst();
        if (campaign.isEmpty()) {
            request.refuse(404, "messages.not-found");
            return;
        }
        Map<String, Boolean> members = campaigns.members(id);
        int held = (int) members.values().stream().filter(h -> h).count();
        Optional<CampaignReport> report = campaigns.report(id);
        String template = templates.template(campaign.get().templateId()).map(MessageTemplate::name).orElse("");
        request.render("messaging/campaign.jte", "messages.campaign.title", new CampaignView(campaign.get(), template,
                members.size() - held, held, report.map(CampaignReport::messages).orElse(Map.of()),
                report.map(r -> measure(r.visits(), 1)).orElse(null), report.map(r -> measure(r.spend(), 100)).orElse(null),
                campaigns.messages(id).stream().limit(MESSAGES_SHOWN).map(m -> new Delivery(m.messageId(), m.memberId(), m.status().name(),
                        m.reason() == null ? "" : m.reason(), m.attempts())).toList(),
                campaign.get().couponPromotion() == null ? null : report.map(CampaignReport::codesSent).orElse(null),
                campaign.get().couponPromotion() == null ? null : report.map(CampaignReport::codesRedeemed).orElse(null)));
    }

    private static Measure measure(Difference d, double unit) {
        return new Measure(format(d.mean1() / unit), format(d.mean2() / unit), format(d.difference() / unit),
                format(d.low() / unit) + " … " + format(d.high() / unit), d.clear());
    }

    private static String format(double value) {
        return Double.isInfinite(value) ? (value > 0 ? "∞" : "-∞") : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private void sendCampaign(PageRequest request) {
        String id = request.pathParam("id");
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/messages/campaigns/" + id, "already-sent");
            return;
        }
        if (campaigns.all().stream().noneMatch(c -> c.campaignId().equals(id))) {
            request.refuse(404, "messages.not-found");
            return;
        }
        campaigns.send(id, "en".equals(form.raw("lang")) ? "en" : "zh");
        request.redirect("/messages/campaigns/" + id, "message-campaign-sent");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
