package io.chainpos.server.auth;

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
 * {@code /users}: the accounts (paged, sorted, filtered, exported), creating one with its role and a store
 * manager's store, disabling and enabling, and an admin setting another user's password. Every form carries a
 * one-time token: sent twice, it acts once.
 */
public final class UserPages implements PageFeature {
    /** The roles head office gives from its pages (till roles are not head office's). */
    public static final List<Role> ROLES = List.of(Role.HQ_ADMIN, Role.HQ_ANALYST, Role.STORE_MANAGER);

    private final UserAccounts accounts;
    private final Users users;

    public UserPages(UserAccounts accounts, Users users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_USERS);
        PageAccess manage = PageAccess.chain(Permission.MANAGE_USERS);
        pages.nav(new NavItem("nav.users", "/users", read, 80));
        pages.get("/users", read, this::list);
        pages.get("/users.csv", read, this::csv);
        pages.get("/users/new", manage, request -> newUser(request, 200, Form.empty()));
        pages.post("/users", manage, this::create);
        pages.get("/users/{username}", read, request -> show(request, 200, Form.empty(), null));
        pages.post("/users/{username}/disable", manage, request -> change(request, true));
        pages.post("/users/{username}/enable", manage, request -> change(request, false));
        pages.post("/users/{username}/password", manage, this::resetPassword);
        pages.post("/users/{username}/role", manage, this::changeRole);
    }

    /** A user as the pages show it. */
    public record UserRow(String username, String role, String store, boolean disabled, String created) {
    }

    public record UsersView(List<UserRow> rows, ListLinks links, List<String> roles) {
    }

    public record NewUserView(Form form, List<String> roles) {
    }

    /** A user's page: {@code form} is the password form's, {@code roleForm} the role form's (the user's role when not sent). */
    public record UserView(UserRow user, Form form, Form roleForm, List<String> roles, boolean yourself) {
    }

    private void list(PageRequest request) {
        ListRequest list = request.list(UserAccounts.LIST);
        Slice<UserAccounts.Account> slice = accounts.list(list);
        request.render("users/list.jte", "users.title", new UsersView(slice.rows().stream().map(a -> row(request, a)).toList(),
                request.links(list, slice), roleLabels()));
    }

    private void csv(PageRequest request) {
        ListRequest list = request.list(UserAccounts.LIST);
        request.csv("users.csv", List.of(request.text("users.username"), request.text("users.role"), request.text("users.store"),
                        request.text("users.status"), request.text("users.created")),
                out -> Slice.forEachRow(list, accounts::list, account -> {
                    UserRow row = row(request, account);
                    out.accept(List.of(row.username(), row.role(), row.store(),
                            request.text(row.disabled() ? "users.disabled" : "users.active"), row.created()));
                }));
    }

    private void newUser(PageRequest request, int status, Form form) {
        request.render(status, "users/new.jte", "users.new.title", new NewUserView(form, roleLabels()));
    }

    private void create(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/users", "already-sent");
            return;
        }
        Optional<Role> role = Role.parse(form.value("role")).filter(ROLES::contains);
        switch (users.create(request.viewer().username(), form.value("username"), role.orElse(null), form.value("store"),
                form.raw("password"), form.raw("confirm"))) {
            case Users.Created.Done done -> request.redirect("/users/" + done.username(), "user-created");
            case Users.Created.Refused refused -> {
                request.releaseSubmission(form);
                refused.problems().forEach(p -> form.reject(p.field(), "users.problem." + p.code()));
                newUser(request, 422, form.without("password", "confirm"));
            }
        }
    }

    private void show(PageRequest request, int status, Form form, Form roleForm) {
        Optional<UserAccounts.Account> account = accounts.find(request.pathParam("username"));
        if (account.isEmpty()) {
            request.refuse(404, "users.not-found");
            return;
        }
        UserAccounts.Account user = account.get();
        Form role = roleForm != null ? roleForm
                : new Form(java.util.Map.of("role", user.role().label(), "store", user.store().orElse("")));
        request.render(status, "users/show.jte", "users.user.title", new UserView(row(request, user), form, role, roleLabels(),
                user.username().equals(request.viewer().username())));
    }

    private void change(PageRequest request, boolean disable) {
        Form form = request.form();
        String username = request.pathParam("username");
        if (!request.firstSubmission(form)) {
            request.redirect("/users/" + username, "already-sent");
            return;
        }
        String actor = request.viewer().username();
        switch (disable ? users.disable(actor, username) : users.enable(actor, username)) {
            case Users.Changed.Done done -> request.redirect("/users/" + username, disable ? "user-disabled" : "user-enabled");
            case Users.Changed.NotYourself yourself -> {
                request.releaseSubmission(form);
                request.refuse(409, "users.not-yourself");
            }
            case Users.Changed.NoSuchUser none -> request.refuse(404, "users.not-found");
            case Users.Changed.Refused refused -> request.refuse(409, "users.not-yourself");
        }
    }

    private void resetPassword(PageRequest request) {
        Form form = request.form();
        String username = request.pathParam("username");
        if (!request.firstSubmission(form)) {
            request.redirect("/users/" + username, "already-sent");
            return;
        }
        switch (users.resetPassword(request.viewer().username(), username, form.raw("password"), form.raw("confirm"))) {
            case Users.Changed.Done done -> request.redirect("/users/" + username, "password-reset");
            case Users.Changed.Refused(var problems) -> {
                request.releaseSubmission(form);
                problems.forEach(p -> form.reject(p.field(), "users.problem." + p.code()));
                show(request, 422, form.without("password", "confirm"), null);
            }
            case Users.Changed.NoSuchUser none -> request.refuse(404, "users.not-found");
            case Users.Changed.NotYourself never -> request.refuse(409, "users.not-yourself");
        }
    }

    private void changeRole(PageRequest request) {
        Form form = request.form();
        String username = request.pathParam("username");
        if (!request.firstSubmission(form)) {
            request.redirect("/users/" + username, "already-sent");
            return;
        }
        Optional<Role> role = Role.parse(form.value("role")).filter(ROLES::contains);
        switch (users.changeRole(request.viewer().username(), username, role.orElse(null), form.value("store"))) {
            case Users.Changed.Done done -> request.redirect("/users/" + username, "role-changed");
            case Users.Changed.Refused(var problems) -> {
                request.releaseSubmission(form);
                problems.forEach(p -> form.reject(p.field(), "users.problem." + p.code()));
                show(request, 422, Form.empty(), form);
            }
            case Users.Changed.NoSuchUser none -> request.refuse(404, "users.not-found");
            case Users.Changed.NotYourself yourself -> {
                request.releaseSubmission(form);
                request.refuse(409, "users.not-yourself");
            }
        }
    }

    private static UserRow row(PageRequest request, UserAccounts.Account account) {
        return new UserRow(account.username(), request.text("role." + account.role().label()), account.store().orElse(""),
                account.disabled(), request.formats().dateTime(account.created()));
    }

    private static List<String> roleLabels() {
        return ROLES.stream().map(Role::label).toList();
    }
}
