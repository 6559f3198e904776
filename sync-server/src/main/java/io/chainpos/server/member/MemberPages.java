package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.Phones;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.ListLinks;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Slice;
import java.util.List;
import java.util.Optional;

/**
 * {@code /members} (head office) and {@code /stores/{store}/members} (a store's, read-only): the list, and finding a
 * member by phone, card or name. Every search is a POST, so a phone number travels in a form body, never in a URL
 * (nor in the server's request log). A name is sealed with each member's own key, so the search by name opens
 * the names the server holds a key for, a bounded number per step, and cannot find an erased member. The profile
 * is {@link MemberProfilePage}.
 */
public final class MemberPages implements PageFeature {
    /** Sealed names opened per step of a search by name: a step costs the same on a chain of any size. */
    static final int NAME_SCAN = 2_000;
    private static final int MAX_NAME = 50;

    private final Members members;
    private final MemberDirectory directory;

    public MemberPages(Members members, MemberDirectory directory) {
        this.members = members;
        this.directory = directory;
    }

    @Override
    public String messages() {
        return "member/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_MEMBERS);
        PageAccess store = PageAccess.store(Permission.VIEW_MEMBERS);
        pages.nav(new NavItem("nav.members", "/members", chain, 40));
        pages.nav(new NavItem("nav.store-members", "/stores/{store}/members", store, 30));
        pages.get("/members", chain, request -> list(request, 200, Form.empty(), null));
        pages.get("/members.csv", chain, this::csv);
        pages.post("/members/search", chain, this::search);
        pages.get("/stores/{store}/members", store, request -> list(request, 200, Form.empty(), null));
        pages.get("/stores/{store}/members.csv", store, this::csv);
        pages.post("/stores/{store}/members/search", store, this::search);
    }

    /** The list page's view-model; {@code found} is a search by name's result (null when none ran). */
    public record MembersView(String base, String store, List<Row> rows, ListLinks links, Form search, Found found) {
        public record Row(String memberId, String cardNo, String name, String tier, String homeStore, String registered) {
        }

        /** What a step of a search by name found, and where the next step starts (null when every name was read). */
        public record Found(String name, List<Row> rows, int scanned, String resumeAfter) {
        }
    }

    private void list(PageRequest request, int status, Form search, MembersView.Found found) {
        MemberScope scope = MemberScope.of(request);
        ListRequest list = request.list(MemberDirectory.LIST);
        Slice<MemberDirectory.Listed> slice = directory.list(list, scope.store());
        request.render(status, "members/list.jte", scope.store().isEmpty() ? "members.title" : "members.store-title",
                new MembersView(scope.base(), scope.store().orElse(null), slice.rows().stream().map(m -> row(request, m)).toList(),
                        request.links(list, slice), search, found));
    }

    private void csv(PageRequest request) {
        MemberScope scope = MemberScope.of(request);
        ListRequest list = request.list(MemberDirectory.LIST);
        request.csv(scope.store().map(s -> "members-" + s + ".csv").orElse("members.csv"),
                List.of(request.text("members.id"), request.text("members.card"), request.text("members.tier"),
                        request.text("members.home"), request.text("members.registered")),
                out -> Slice.forEachRow(list, page -> directory.list(page, scope.store()), member -> {
                    MembersView.Row row = row(request, member);
                    out.accept(List.of(row.memberId(), row.cardNo(), row.tier(), row.homeStore(), row.registered()));
                }));
    }

    private void search(PageRequest request) {
        MemberScope scope = MemberScope.of(request);
        Form form = request.form();
        switch (form.value("by")) {
            case "phone" -> {
                if (Phones.normalize(form.value("phone")).isEmpty()) {
                    form.reject("phone", "members.problem.phone-invalid");
                } else {
                    members.memberByPhone(form.value("phone")).map(MemberView::memberId).filter(id -> scope.holds(members, directory, id))
                            .ifPresentOrElse(id -> request.redirect(scope.base() + "/" + id),
                                    () -> form.reject("phone", "members.problem.phone-unknown"));
                }
            }
            case "card" -> {
                String card = form.value("card").replaceAll("\\s", "");
                if (!card.matches("[0-9A-Za-z-]{1,32}")) {
                    form.reject("card", "members.problem.card-invalid");
                } else {
                    directory.memberIdByCard(card).filter(id -> scope.holds(members, directory, id))
                            .ifPresentOrElse(id -> request.redirect(scope.base() + "/" + id),
                                    () -> form.reject("card", "members.problem.card-unknown"));
                }
            }
            case "name" -> {
                String name = form.value("name");
                if (name.isEmpty() || name.length() > MAX_NAME) {
                    form.reject("name", "members.problem.name-invalid", MAX_NAME);
                } else {
                    MemberDirectory.NameScan scan = directory.byName(name, scope.store(),
                            Optional.of(form.value("after")).filter(a -> !a.isEmpty()), NAME_SCAN);
                    List<MembersView.Row> rows = scan.memberIds().stream().map(id -> members.member(MemberId.parse(id)))
                            .flatMap(Optional::stream).map(view -> found(request, view)).toList();
                    list(request, 200, Form.empty(), new MembersView.Found(name, rows, scan.scanned(), scan.resumeAfter().orElse(null)));
                    return;
                }
            }
            default -> form.reject("phone", "members.problem.phone-invalid");
        }
        if (form.hasErrors()) {
            list(request, 422, form, null);
        }
    }

    private static MembersView.Row row(PageRequest request, MemberDirectory.Listed member) {
        return new MembersView.Row(member.memberId(), member.cardNo(), "", member.tierCode(), member.homeStore(),
                request.formats().dateTime(member.registered()));
    }

    private static MembersView.Row found(PageRequest request, MemberView view) {
        return new MembersView.Row(view.memberId(), view.cardNo() == null ? "" : view.cardNo(), view.name() == null ? "" : view.name(),
                view.tierCode() == null ? "" : view.tierCode(), "", "");
    }
}
