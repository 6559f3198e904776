package io.chainpos.server.auth;

import io.chainpos.server.web.Form;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Duration;
import java.time.Instant;

/** Signing in by form, signing out, and changing one's own password. */
public final class SignInPages implements PageFeature {
    private final SignIn signIn;
    private final WebSessions sessions;
    private final Users users;

    public SignInPages(SignIn signIn, WebSessions sessions, Users users) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    public String messages() {
        return "auth/messages";
    }

    @Override
    public void addTo(Pages pages) {
        pages.get("/signin", PageAccess.PUBLIC, this::signInPage);
        pages.post("/signin", PageAccess.PUBLIC, this::signIn);
        pages.post("/signout", PageAccess.own(Permission.HOME), this::signOut);
        pages.get("/account/password", PageAccess.own(Permission.HOME), request -> passwordPage(request, 200, Form.empty()));
        pages.post("/account/password", PageAccess.own(Permission.HOME), this::changePassword);
    }

    /** The sign-in form: the name typed, where to go after, and why the last try failed (null the first time). */
    public record SignInView(Form form, String next, String refusal) {
    }

    private void signInPage(PageRequest request) {
        if (request.signedIn().isPresent()) {
            request.redirect(request.query("next").orElse("/"));
            return;
        }
        request.render("auth/signin.jte", "signin.title", new SignInView(Form.empty(), request.query("next").orElse("/"), null));
    }

    private void signIn(PageRequest request) {
        Form form = request.form();
        String next = Pages.localPath(form.value("next"));
        String refusal = switch (signIn.attempt(form.value("username"), form.raw("password"), "web")) {
            case SignIn.Outcome.SignedIn(UserAccounts.Account account) -> {
                if (!account.role().may(Permission.HOME)) {
                    yield request.text("signin.no-access");
                }
                request.sessionToken().ifPresent(sessions::close);
                request.startSession(sessions.open(account.username()));
                request.redirect(next);
                yield null;
            }
            case SignIn.Outcome.Wrong(Duration wait) -> wait.isZero() ? request.text("signin.wrong")
                    : request.text("signin.wrong-wait", Math.max(1, wait.toSeconds()));
            case SignIn.Outcome.TooSoon(Duration wait) -> request.text("signin.too-soon", Math.max(1, wait.toSeconds()));
            case SignIn.Outcome.Locked(Instant until) -> request.text("signin.locked", request.formats().dateTime(until));
            case SignIn.Outcome.Disabled disabled -> request.text("signin.disabled");
        };
        if (refusal != null) {
            request.render(401, "auth/signin.jte", "signin.title", new SignInView(form.without("password"), next, refusal));
        }
    }

    private void signOut(PageRequest request) {
        request.sessionToken().ifPresent(sessions::close);
        request.endSession();
        request.redirect("/signin", "signed-out-by-you");
    }

    private void passwordPage(PageRequest request, int status, Form form) {
        request.render(status, "auth/password.jte", "password.title", form);
    }

    private void changePassword(PageRequest request) {
        Form form = request.form();
        if (!request.firstSubmission(form)) {
            request.redirect("/", "already-sent");
            return;
        }
        switch (users.changeOwnPassword(request.viewer().username(), form.raw("old"), form.raw("password"), form.raw("confirm"))) {
            case Users.Changed.Done done -> {
                // Every session of the account ended with the old password: this browser signs in with the new one.
                request.endSession();
                request.redirect("/signin", "password-changed");
            }
            case Users.Changed.Refused(var problems) -> {
                request.releaseSubmission(form);
                problems.forEach(p -> form.reject(p.field(), "users.problem." + p.code()));
                passwordPage(request, 422, form.without("old", "password", "confirm"));
            }
            case Users.Changed.NoSuchUser none -> request.refuse(404, "error.not-found");
            case Users.Changed.NotYourself never -> request.refuse(403, "error.forbidden");
        }
    }
}
