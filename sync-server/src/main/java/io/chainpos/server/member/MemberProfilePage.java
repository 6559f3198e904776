package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.HistoryEntry;
import io.chainpos.model.money.Money;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A member's page, opened with the member's key: the profile, points, stored value in its paid and bonus parts
 * (本金/赠金), the tier, where it was registered, whether it takes marketing messages, and its history across every
 * store. Head office also exports the member's data as JSON, an admin erases it after typing the member's card number,
 * and an admin records the member's opt-out (退订) from marketing messages (as a reply to a message does: a consent
 * change every till pulls, the source kept); each is audited. A store manager reads their own store's members here,
 * and is refused any other.
 */
public final class MemberProfilePage implements PageFeature {
    private final Members members;
    private final MemberDirectory directory;
    private final MemberHistories histories;
    private final MemberErasure erasure;
    private final AuditLog audit;
    private final EventCodec codec;
    private final MarketingConsent consent;
    private final MemberOptOut optOut;

    public MemberProfilePage(Members members, MemberDirectory directory, EventLog log, MemberErasure erasure, AuditLog audit,
                             EventCodec codec, MarketingConsent consent, MemberOptOut optOut) {
        this.consent = consent;
        this.optOut = optOut;
        this.members = members;
        this.directory = directory;
        this.histories = new MemberHistories(members, log);
        this.erasure = erasure;
        this.audit = audit;
        this.codec = codec;
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_MEMBERS);
        pages.get("/members/{memberId}", chain, request -> show(request, 200, Form.empty()));
        pages.get("/members/{memberId}/export", chain, this::export);
        pages.post("/members/{memberId}/erase", PageAccess.chain(Permission.ERASE_MEMBERS), this::erase);
        pages.post("/members/{memberId}/opt-out", PageAccess.chain(Permission.CHANGE_MEMBERS), this::optOut);
        pages.get("/stores/{store}/members/{memberId}", PageAccess.store(Permission.VIEW_MEMBERS), request -> show(request, 200, Form.empty()));
    }

    /** The profile's view-model: values as shown (personal ones null once erased). */
    public record ProfileView(String base, String memberId, String cardNo, String name, String phone, String tier, String homeStores,
                              String registered, boolean erased, String points, String storedValue, String paid, String bonus,
                              List<HistoryRow> history, boolean chain, Form form, String marketing) {
    }

    public record HistoryRow(String at, String store, String till, String what, String detail) {
    }

    private void show(PageRequest request, int status, Form form) {
        MemberScope scope = MemberScope.of(request);
        Optional<MemberId> id = memberId(request);
        Optional<MemberView> member = id.flatMap(members::member);
        if (member.isEmpty()) {
            request.refuse(404, "members.not-found");
            return;
        }
        List<String> family = members.memberFamily(id.get()).stream().map(MemberId::toString).toList();
        MemberDirectory.Standing standing = directory.standing(family);
        if (scope.store().isPresent() && !standing.homeStores().contains(scope.store().get())) {
            request.refuse(403, "members.other-store");
            return;
        }
        MemberView view = member.get();
        Formats formats = request.formats();
        List<HistoryRow> history = histories.history(id.get()).map(h -> h.entries().reversed().stream()
                .map(entry -> historyRow(request, entry)).toList()).orElse(List.of());
        request.render(status, "members/show.jte", "members.member.title", new ProfileView(scope.base(), view.memberId(),
                view.cardNo(), view.name(), view.phone(), view.tierCode(), String.join(", ", standing.homeStores()),
                formats.dateTime(standing.registered()), standing.erased(), formats.number(view.pointsBalance()),
                formats.money(Money.cny(view.storedValueBalance())), formats.money(Money.cny(view.storedValuePaid())),
                formats.money(Money.cny(view.storedValueBonus())), history, scope.store().isEmpty(), form,
                consent.standing(id.get()).name()));
    }

    private void export(PageRequest request) {
        Optional<MemberId> id = memberId(request);
        Optional<MemberHistories.Export> export = id.flatMap(histories::export);
        if (export.isEmpty()) {
            request.refuse(404, "members.not-found");
            return;
        }
        byte[] json;
        try {
            json = codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(export.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(request.viewer().username(), "member.exported", export.get().memberId(), null, "");
        request.download("member-" + export.get().memberId() + ".json", "application/json; charset=utf-8", json);
    }

    private void erase(PageRequest request) {
        Form form = request.form();
        Optional<MemberId> id = memberId(request);
        if (id.isEmpty()) {
            request.refuse(404, "members.not-found");
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/members/" + id.get(), "already-sent");
            return;
        }
        switch (erasure.eraseConfirmed(request.viewer().username(), id.get(), form.value("confirm"))) {
            case MemberErasure.Erased erased -> request.redirect("/members/" + erased.memberId(), "member-erased");
            case MemberErasure.NotConfirmed wrong -> {
                request.releaseSubmission(form);
                form.reject("confirm", "members.problem.confirm-wrong");
                show(request, 422, form);
            }
            case MemberErasure.NoSuchMember none -> request.refuse(404, "members.not-found");
        }
    }

    private void optOut(PageRequest request) {
        Form form = request.form();
        Optional<MemberId> id = memberId(request);
        if (id.isEmpty() || members.member(id.get()).isEmpty()) {
            request.refuse(404, "members.not-found");
            return;
        }
        if (!request.firstSubmission(form)) {
            request.redirect("/members/" + id.get(), "already-sent");
            return;
        }
        if (consent.standing(id.get()) != MarketingConsent.Standing.CONSENTS) {
            request.redirect("/members/" + id.get(), "member-not-consenting");
            return;
        }
        String by = request.viewer().username();
        int dropped = optOut.optOut(id.get(), "head office: " + by);
        audit.record(by, "member.opted-out", id.get().toString(), null, "queued messages dropped: " + dropped);
        request.redirect("/members/" + id.get(), "member-opted-out");
    }

    private static Optional<MemberId> memberId(PageRequest request) {
        try {
            return Optional.of(MemberId.parse(request.pathParam("memberId")));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static HistoryRow historyRow(PageRequest request, HistoryEntry entry) {
        String key = "members.history." + entry.type();
        String what = request.hasText(key) ? request.text(key) : entry.type();
        return new HistoryRow(request.formats().dateTime(entry.occurredAt()), entry.storeId(), entry.tillId(), what, detail(request, entry));
    }

    /** What a history line says beyond its kind; never a personal value (only which fields a profile change wrote). */
    private static String detail(PageRequest request, HistoryEntry entry) {
        Map<String, Object> fields = entry.fields();
        return switch (entry.type()) {
            case "PointsChanged" -> signed(request.formats().number(number(fields.get("delta"))), number(fields.get("delta")));
            case "StoredValueChanged" -> signed(request.formats().money(Money.cny(Math.abs(number(fields.get("delta"))))),
                    number(fields.get("delta")));
            case "SaleCompleted" -> request.text("members.history.sale", String.valueOf(fields.get("receiptNo")),
                    request.formats().money(Money.cny(number(fields.get("total")))));
            case "MembersMerged" -> request.text("members.history.merged", String.valueOf(fields.get("mergedId")));
            case "MemberErased" -> String.valueOf(fields.get("authorizedBy"));
            default -> fields.keySet().stream().map(field -> request.hasText("members.field." + field)
                    ? request.text("members.field." + field) : field).collect(Collectors.joining(", "));
        };
    }

    private static String signed(String shown, long value) {
        return value > 0 ? "+" + shown.replace("-", "") : value < 0 && !shown.startsWith("-") ? "-" + shown : shown;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
