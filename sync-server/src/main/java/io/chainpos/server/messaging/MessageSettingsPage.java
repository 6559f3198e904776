package io.chainpos.server.messaging;

import io.chainpos.model.money.Money;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /messages/settings}: head office's stored-value threshold (in yuan; empty: no stored-value-low messages) and
 * the coupon promotion a birthday greeting gives a code of (none: no code). Refused input keeps nothing.
 */
public final class MessageSettingsPage {
    private static final long MAX_THRESHOLD = 1_000_000_00L;

    private final MessageSettings settings;
    private final CouponBatches coupons;

    MessageSettingsPage(MessageSettings settings, CouponBatches coupons) {
        this.settings = settings;
        this.coupons = coupons;
    }

    /** The settings form, with the coupon promotions it offers (code and name in the page's language). */
    public record SettingsForm(Form form, List<MessagePages.Coupon> coupons) {
    }

    void addTo(Pages pages, PageAccess write) {
        pages.get("/messages/settings", write, request -> show(request, 200, current()));
        pages.post("/messages/settings", write, this::save);
    }

    private Form current() {
        MessageSettings.Values values = settings.values();
        Map<String, String> fields = new HashMap<>();
        values.storedValueLowBelow().ifPresent(v -> fields.put("storedValueLowBelow", Money.cny(v).toDecimalString()));
        values.birthdayCouponPromotion().ifPresent(p -> fields.put("birthdayCouponPromotion", p));
        return new Form(fields);
    }

    private void show(PageRequest request, int status, Form form) {
        boolean zh = request.language().tag().startsWith("zh");
        request.render(status, "messaging/settings.jte", "messages.settings.title", new SettingsForm(form, coupons.batches().stream()
                .map(b -> new MessagePages.Coupon(b.promotionCode(), zh ? b.nameZh() : b.nameEn(),
                        coupons.free(b.promotionCode()).map(List::size).orElse(0), b.codes())).toList()));
    }

    private void save(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/messages/settings", "already-sent");
            return;
        }
        Optional<Long> threshold = Optional.empty();
        String typed = form.raw("storedValueLowBelow");
        if (typed != null && !typed.isBlank()) {
            Long fen = yuan(typed);
            if (fen == null || fen <= 0 || fen > MAX_THRESHOLD) {
                form.reject("storedValueLowBelow", "messages.problem.threshold");
            } else {
                threshold = Optional.of(fen);
            }
        }
        Optional<String> coupon = Optional.ofNullable(form.raw("birthdayCouponPromotion")).map(String::strip).filter(s -> !s.isEmpty());
        if (coupon.isPresent() && coupons.free(coupon.get()).isEmpty()) {
            form.reject("birthdayCouponPromotion", "messages.problem.couponPromotion.unknown");
        }
        if (form.hasErrors()) {
            request.releaseSubmission(form);
            show(request, 422, form);
            return;
        }
        settings.save(new MessageSettings.Values(threshold, coupon), request.viewer().username());
        request.redirect("/messages/settings", "message-settings-saved");
    }

    private static Long yuan(String text) {
        try {
            return Money.parse(text.replace("¥", "").replace(",", "").strip(), Money.CNY).minor();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
