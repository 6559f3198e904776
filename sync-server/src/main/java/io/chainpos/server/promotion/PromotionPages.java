package io.chainpos.server.promotion;

import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.catalog.Problem;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code /promotions}: head office's promotions in the order a receipt applies them (with their priority and
 * exclusivity), each kind of rule the pricing engine has created, changed or removed, and a sample cart priced with
 * the real pricing engine: on the list for what is published, and in the form, before publishing, for the set as it
 * would be. A form carries the set's version (the second of two editors is told) and a one-time token.
 */
public final class PromotionPages implements PageFeature {
    private static final ZoneId ZONE = Formats.DEFAULT_ZONE;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Promotions promotions;
    private final PromotionEditor editor;
    private final Preview preview;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PromotionPages(Promotions promotions, PromotionEditor editor, Preview preview, Clock clock) {
        this.promotions = promotions;
        this.editor = editor;
        this.preview = preview;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "promotions/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_PROMOTIONS);
        PageAccess publish = PageAccess.chain(Permission.PUBLISH_PROMOTIONS);
        pages.nav(new NavItem("nav.promotions", "/promotions", read, 35));
        pages.get("/promotions", read, this::list);
        pages.get("/promotions/new", publish, request -> form(request, 200, kind(request.query("kind").orElse("")), null,
                promotions.latest(), new Form(Map.of("priority", "100")), null, false));
        pages.post("/promotions", publish, request -> save(request, null));
        pages.get("/promotions/{code}", read, this::show);
        pages.post("/promotions/{code}", publish, request -> save(request, request.pathParam("code")));
        pages.post("/promotions/{code}/remove", publish, this::remove);
        pages.get("/promotions/{code}/codes.csv", publish, this::codes);
    }

    public record ListView(long setVersion, String published, List<PromotionViews.Step> steps, List<String> kinds, Form cart,
                           List<Tier> tiers, PromotionViews.Priced priced) {
    }

    public record Tier(String code, String name) {
    }

    /** The form of one promotion: its kind, the code it replaces (null: new), the set version it started from. */
    public record FormView(String kind, String replacing, long setVersion, Form form, List<Tier> tiers, PromotionViews.Priced priced,
                           boolean stale, int couponCodes, List<PromotionViews.Step> steps) {
        public boolean is(String... kinds) {
            return List.of(kinds).contains(kind);
        }
    }

    private void list(PageRequest request) {
        PromotionSet set = promotions.latest();
        Form cart = new Form(request.query("cart_sku_1").isPresent() ? queryValues(request) : Map.of());
        PromotionViews.Priced priced = price(request, set.promotions(), cart);
        request.render(cart.hasErrors() ? 422 : 200, "promotions/list.jte", "promotions.title", new ListView(set.version(),
                set.version() == 0 ? "" : request.formats().dateTime(set.effectiveFrom()), PromotionViews.order(request, set.promotions()),
                PromotionRules.KINDS, cart, tiers(request), priced));
    }

    private void show(PageRequest request) {
        PromotionSet set = promotions.latest();
        Optional<Promotion> promotion = set.find(request.pathParam("code"));
        if (promotion.isEmpty()) {
            request.refuse(404, "promotions.not-found");
            return;
        }
        form(request, 200, PromotionRules.kindOf(promotion.get().rule()), promotion.get().code(), set,
                PromotionViews.formOf(promotion.get(), ZONE), null, false);
    }

    private void form(PageRequest request, int status, String kind, String replacing, PromotionSet set, Form form,
                      PromotionViews.Priced priced, boolean stale) {
        if (kind == null) {
            request.refuse(404, "promotions.no-such-kind");
            return;
        }
        int codes = replacing == null ? 0 : set.find(replacing).map(Promotion::rule)
                .map(rule -> rule instanceof Rule.Coupon c ? c.codes().size() : 0).orElse(0);
        request.render(status, "promotions/form.jte", replacing == null ? "promotions.new.title" : "promotions.promotion.title",
                new FormView(kind, replacing, set.version(), form, tiers(request), priced, stale, codes,
                        PromotionViews.order(request, set.promotions())));
    }

    private void save(PageRequest request, String replacing) {
        Form form = request.form();
        PromotionSet set = promotions.latest();
        if (replacing != null && set.find(replacing).isEmpty()) {
            request.refuse(404, "promotions.not-found");
            return;
        }
        String kind = replacing != null ? PromotionRules.kindOf(set.find(replacing).get().rule()) : kind(form.value("kind"));
        if (kind == null) {
            request.refuse(404, "promotions.no-such-kind");
            return;
        }
        boolean publishing = !"preview".equals(form.value("action"));
        if (publishing && !request.firstSubmission(form)) {
            request.redirect("/promotions", "already-sent");
            return;
        }
        List<String> existing = replacing == null ? List.of() : set.find(replacing).map(Promotion::rule)
                .map(rule -> rule instanceof Rule.Coupon c ? c.codes() : List.<String>of()).orElse(List.of());
        // A preview draws no new coupon codes: it prices the rule, not the batch.
        PromotionRules.Read read = PromotionRules.read(kind, form.values(), existing, ZONE,
                publishing ? this::randomCodes : count -> List.of("PREVIEW"));
        long version = version(form);
        if (read instanceof PromotionRules.Read.Wrong(List<Problem> problems)) {
            if (publishing) {
                request.releaseSubmission(form);
            }
            reject(form, problems);
            form(request, 422, kind, replacing, set, form, null, false);
            return;
        }
        Promotion promotion = ((PromotionRules.Read.Good) read).promotion();
        if (!publishing) {
            List<Promotion> draft = new ArrayList<>(set.promotions().stream()
                    .filter(p -> !p.code().equals(replacing) && !p.code().equals(promotion.code())).toList());
            draft.add(promotion);
            PromotionViews.Priced priced = price(request, draft, form);
            form(request, form.hasErrors() ? 422 : 200, kind, replacing, set, form, priced, false);
            return;
        }
        switch (editor.save(request.viewer().username(), version, replacing, promotion)) {
            case PromotionEditor.Outcome.Done done -> request.redirect("/promotions", "promotion-published");
            case PromotionEditor.Outcome.Refused refused -> {
                request.releaseSubmission(form);
                reject(form, refused.problems());
                form(request, 422, kind, replacing, set, form, null, false);
            }
            case PromotionEditor.Outcome.Stale stale -> {
                request.releaseSubmission(form);
                form(request, 409, kind, replacing, stale.current(), form, null, true);
            }
            case PromotionEditor.Outcome.NoSuchPromotion none -> request.refuse(404, "promotions.not-found");
        }
    }

    private void remove(PageRequest request) {
        Form form = request.form();
        String code = request.pathParam("code");
        if (!request.firstSubmission(form)) {
            request.redirect("/promotions", "already-sent");
            return;
        }
        switch (editor.remove(request.viewer().username(), version(form), code)) {
            case PromotionEditor.Outcome.Done done -> request.redirect("/promotions", "promotion-removed");
            case PromotionEditor.Outcome.Stale stale -> {
                request.releaseSubmission(form);
                request.redirect("/promotions/" + code, "promotions-changed");
            }
            case PromotionEditor.Outcome.NoSuchPromotion none -> request.refuse(404, "promotions.not-found");
            case PromotionEditor.Outcome.Refused refused -> request.refuse(409, "promotions.not-found");
        }
    }

    private void codes(PageRequest request) {
        Optional<Promotion> promotion = promotions.latest().find(request.pathParam("code"));
        if (promotion.isEmpty() || !(promotion.get().rule() instanceof Rule.Coupon coupon)) {
            request.refuse(404, "promotions.not-found");
            return;
        }
        request.csv("coupons-" + promotion.get().code() + ".csv", List.of(request.text("promotions.coupon-code")),
                out -> coupon.codes().forEach(code -> out.accept(List.of(code))));
    }

    private PromotionViews.Priced price(PageRequest request, List<Promotion> rules, Form cart) {
        return switch (preview.price(rules, cart.values(), ZONE, clock.instant())) {
            case Preview.Result.Priced priced -> PromotionViews.priced(request, priced.sale());
            case Preview.Result.Refused refused -> {
                reject(cart, refused.problems());
                yield null;
            }
            case Preview.Result.Empty empty -> null;
        };
    }

    private List<Tier> tiers(PageRequest request) {
        return preview.tiers().stream().map(t -> new Tier(t.code(), request.language().tag().startsWith("zh") ? t.nameZh() : t.nameEn()))
                .toList();
    }

    private List<String> randomCodes(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 8; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return code.toString();
        }).toList();
    }

    private static Map<String, String> queryValues(PageRequest request) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= Preview.LINES; i++) {
            fields.add("cart_sku_" + i);
            fields.add("cart_qty_" + i);
        }
        fields.addAll(List.of("cart_member", "cart_tier", "cart_birthday", "cart_coupon", "cart_at"));
        for (String field : fields) {
            request.query(field).ifPresent(v -> values.put(field, v));
        }
        return values;
    }

    private static String kind(String kind) {
        return PromotionRules.KINDS.contains(kind) ? kind : null;
    }

    private static long version(Form form) {
        try {
            return Long.parseLong(form.value("set_version"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void reject(Form form, List<Problem> problems) {
        problems.forEach(p -> form.reject(p.field(), "promotions.problem." + p.code(), p.args()));
    }
}
