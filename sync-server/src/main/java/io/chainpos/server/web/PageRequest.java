package io.chainpos.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A page request the gate has let through: who asks, in which language, and what a page route may answer
 * with: a page rendered from a template and its view-model, a redirect, a CSV file, or a refusal page.
 */
public final class PageRequest {
    private final Pages pages;
    private final Context ctx;
    private final Viewer viewer;
    private final Language language;
    private final Map<String, Formats> storeFormats = new java.util.HashMap<>();
    /** Every described store's zone, read once this page has shown a second store. */
    private Map<String, ZoneId> everyZone;

    PageRequest(Pages pages, Context ctx, Viewer viewer, Language language) {
        this.pages = pages;
        this.ctx = ctx;
        this.viewer = viewer;
        this.language = language;
    }

    /** The signed-in person; every route but a public one has one. */
    public Viewer viewer() {
        if (viewer == null) {
            throw new IllegalStateException("a public page has no viewer");
        }
        return viewer;
    }

    public Optional<Viewer> signedIn() {
        return Optional.ofNullable(viewer);
    }

    public Language language() {
        return language;
    }

    /** Formats for this page's language, times in head office's zone. */
    public Formats formats() {
        return new Formats(language, Formats.DEFAULT_ZONE);
    }

    /** Formats for this page's language, times in a store's zone. */
    public Formats formats(ZoneId storeZone) {
        return new Formats(language, storeZone);
    }

    /**
     * Formats for this page's language, times in {@code store}'s zone as head office set it (head office's zone for
     * a store it has not described, or none). Each store's zone is looked up once per request; a page that shows a
     * second store reads every store's zone at once (the chain's lists show a thousand stores).
     */
    public Formats formatsOf(String store) {
        if (store == null || store.isEmpty()) {
            return formats();
        }
        Formats known = storeFormats.get(store);
        if (known != null) {
            return known;
        }
        if (everyZone == null && !storeFormats.isEmpty()) {
            everyZone = pages.storeZones().every();
        }
        ZoneId zone = everyZone != null && everyZone.containsKey(store) ? everyZone.get(store)
                : pages.storeZones().zoneOf(store).orElse(Formats.DEFAULT_ZONE);
        Formats formats = new Formats(language, zone);
        storeFormats.put(store, formats);
        return formats;
    }

    public String text(String key, Object... args) {
        return pages.texts().text(language, key, args);
    }

    public boolean hasText(String key) {
        return pages.texts().has(key);
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    /** The path and query of this request, to come back to. */
    public String here() {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The form sent with this request (the first value of each field). */
    public Form form() {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, sent) -> {
            if (!sent.isEmpty()) {
                values.put(name, sent.getFirst());
            }
        });
        return new Form(values);
    }

    /**
     * The text of the file sent in the multipart field {@code field} (UTF-8, a byte-order mark dropped): empty when
     * no file was sent, {@link Upload.TooBig} past {@code maxBytes}.
     */
    public Upload upload(String field, int maxBytes) {
        io.javalin.http.UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile(field) : null;
        if (file == null || file.size() == 0) {
            return new Upload.None();
        }
        if (file.size() > maxBytes) {
            return new Upload.TooBig(maxBytes);
        }
        try (java.io.InputStream in = file.content()) {
            String text = new String(in.readNBytes(maxBytes + 1), StandardCharsets.UTF_8);
            return new Upload.Text(file.filename(), text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a file field brought. */
    public sealed interface Upload {
        record None() implements Upload {
        }

        record TooBig(int maxBytes) implements Upload {
        }

        record Text(String filename, String text) implements Upload {
        }
    }

    /**
     * Uses the form's one-time token ({@code _once}): true the first time this rendered form is sent, false when it
     * was already sent (or carries no token), in which case nothing must be done again.
     */
    public boolean firstSubmission(Form form) {
        String token = form.value("_once");
        return !token.isEmpty() && token.length() <= 100 && pages.formTokens().use(token);
    }

    /** After the action a token guarded failed: the form may be sent again. */
    public void releaseSubmission(Form form) {
        pages.formTokens().release(form.value("_once"));
    }

    public ListRequest list(ListSpec spec) {
        return spec.read(ctx.queryParamMap());
    }

    public ListLinks links(ListRequest request, Slice<?> slice) {
        return new ListLinks(ctx.path(), request, slice.next());
    }

    /** The layout's model for this request with the page's title. */
    public Shell shell(String titleKey) {
        return pages.shell(this, titleKey);
    }

    /** Renders {@code template} (taking {@code Shell shell} and the view-model {@code view}) as the page, 200. */
    public void render(String template, String titleKey, Object view) {
        render(200, template, titleKey, view);
    }

    public void render(int status, String template, String titleKey, Object view) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shell", shell(titleKey));
        model.put("view", view);
        ctx.status(status).contentType("text/html; charset=utf-8").result(pages.templates().render(template, model));
    }

    /** True when htmx sent this request to swap part of a page. */
    public boolean isPartial() {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** See Other to a local path (after a form: the browser's reload does not send it again). */
    public void redirect(String location) {
        String local = Pages.localPath(location);
        if (isPartial()) {
            ctx.header("HX-Redirect", local).status(204);
        } else {
            ctx.redirect(local, HttpStatus.SEE_OTHER);
        }
    }

    /** See Other to a local path, where the page shows the notice {@code notice.<name>}. */
    public void redirect(String location, String notice) {
        String local = Pages.localPath(location);
        redirect(local + (local.contains("?") ? "&" : "?") + "notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8));
    }

    /** The refusal page with {@code status} and the message {@code messageKey}. */
    public void refuse(int status, String messageKey) {
        String title = pages.texts().has("error.title." + status) ? "error.title." + status : "error.title.refused";
        render(status, "error.jte", title, new ErrorView(text(messageKey)));
    }

    /** The page of a refusal or a missing thing. */
    public record ErrorView(String message) {
    }

    /** Sends a CSV download: the header, then each row the writer is handed. */
    public void csv(String filename, List<String> header, Consumer<Consumer<List<String>>> rows) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        try {
            CsvExport.write(ctx.outputStream(), header, rows);
            ctx.outputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a file to save ({@code Content-Disposition: attachment}): {@code bytes} as {@code contentType}. */
    public void download(String filename, String contentType, byte[] bytes) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ctx.result(bytes);
    }

    /** Starts a browser's session: the cookie carries the token (HttpOnly, SameSite=Lax, Secure over HTTPS). */
    public void startSession(String sessionToken) {
        ctx.cookie(cookie(Pages.SESSION_COOKIE, sessionToken, -1));
    }

    public Optional<String> sessionToken() {
        return Optional.ofNullable(ctx.cookie(Pages.SESSION_COOKIE));
    }

    public void endSession() {
        ctx.cookie(cookie(Pages.SESSION_COOKIE, "", 0));
    }

    /** Remembers the language the person chose, for a year. */
    public void rememberLanguage(Language chosen) {
        ctx.cookie(cookie(Pages.LANGUAGE_COOKIE, chosen.tag(), 365 * 24 * 3600));
    }

    String preSessionCsrf() {
        String token = ctx.cookie(Pages.CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = ctx.attribute(Pages.CSRF_COOKIE);
            if (token == null) {
                token = pages.newToken();
                ctx.attribute(Pages.CSRF_COOKIE, token);
                ctx.cookie(cookie(Pages.CSRF_COOKIE, token, -1));
            }
        }
        return token;
    }

    /** The token forms and htmx must send back: the session's, or before sign-in the one in the sign-in cookie. */
    String csrfToken() {
        return viewer != null ? viewer.csrfToken() : preSessionCsrf();
    }

    String path() {
        return ctx.path();
    }

    Context ctx() {
        return ctx;
    }

    Optional<String> notice() {
        return Optional.ofNullable(ctx.queryParam("notice"));
    }

    private Cookie cookie(String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value, "/", maxAge, isHttps(), true, null, SameSite.LAX);
        return cookie;
    }

    /** Over HTTPS, directly or behind a proxy that says so. */
    boolean isHttps() {
        String forwarded = ctx.header("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(ctx.scheme()) || (forwarded != null && forwarded.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https"));
    }
}
