package io.chainpos.server.web;

import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Head office's pages: every page route is registered here with the access it needs ({@link PageAccess}), and
 * one gate runs before each handler: it finds the viewer from the session cookie, sends the signed-out to the
 * sign-in page, refuses with a 403 page whoever the access does not allow (a store manager asking for another
 * store, whatever the URL), and refuses a state-changing request without the session's CSRF token. The
 * registered routes are listed by {@link #routes()}, so a test walks every one with every role.
 */
public final class Pages implements Routes {
    public static final String SESSION_COOKIE = "chainpos_session";
    public static final String LANGUAGE_COOKIE = "chainpos_lang";
    public static final String CSRF_COOKIE = "chainpos_signin";
    /** The header htmx sends the CSRF token in on every request it makes (set once on the page's body). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    /**
     * Everything comes from this server: no script, style, font or request to any other host, no inline script
     * or style, no framing.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final Templates templates;
    private final Texts texts;
    private final Visitors visitors;
    private final OpenExceptions openExceptions;
    private volatile ReportFreshness freshness = ReportFreshness.PRIMARY;
    private final FormTokens formTokens;
    private final StoreZones storeZones;
    private final SecureRandom random = new SecureRandom();
    private final List<Registered> registered = new ArrayList<>();
    private final List<NavItem> nav = new ArrayList<>();

    private record Registered(PageRoute route, PageHandler handler) {
    }

    public Pages(Templates templates, Visitors visitors, OpenExceptions openExceptions, FormTokens formTokens,
                 List<PageFeature> features) {
        this(templates, visitors, openExceptions, formTokens, StoreZones.NONE, features);
    }

    /** {@code storeZones} gives each store's time zone, in which the pages show that store's times. */
    public Pages(Templates templates, Visitors visitors, OpenExceptions openExceptions, FormTokens formTokens,
                 StoreZones storeZones, List<PageFeature> features) {
        this.storeZones = storeZones;
        this.templates = templates;
        this.visitors = visitors;
        this.openExceptions = openExceptions;
        this.formTokens = formTokens;
        List<String> bundles = new ArrayList<>(List.of("web/messages"));
        features.stream().map(PageFeature::messages).filter(java.util.Objects::nonNull).forEach(bundles::add);
        this.texts = new Texts(bundles);
        new WebBasics().addTo(this);
        features.forEach(feature -> feature.addTo(this));
    }

    /** Shows signed-in viewers, under every page, where reports read their figures and how fresh they are. */
    public Pages showingFreshness(ReportFreshness source) {
        this.freshness = java.util.Objects.requireNonNull(source, "source");
        return this;
    }

    public void get(String path, PageAccess access, PageHandler handler) {
        add(new PageRoute("GET", path, access), handler);
    }

    public void post(String path, PageAccess access, PageHandler handler) {
        add(new PageRoute("POST", path, access), handler);
    }

    public void nav(NavItem item) {
        nav.add(item);
    }

    private void add(PageRoute route, PageHandler handler) {
        if (registered.stream().anyMatch(r -> r.route().method().equals(route.method()) && r.route().path().equals(route.path()))) {
            throw new IllegalArgumentException(route + " is registered twice");
        }
        registered.add(new Registered(route, handler));
    }

    /** Every page route with its declared access: the list the role table test walks. */
    public List<PageRoute> routes() {
        return registered.stream().map(Registered::route).toList();
    }

    public Texts texts() {
        return texts;
    }

    Templates templates() {
        return templates;
    }

    FormTokens formTokens() {
        return formTokens;
    }

    StoreZones storeZones() {
        return storeZones;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (Registered r : registered) {
            if (r.route().method().equals("GET")) {
                routes.get(r.route().path(), ctx -> gate(r, ctx));
            } else {
                routes.post(r.route().path(), ctx -> gate(r, ctx));
            }
        }
        routes.error(404, "html", ctx -> {
            // A browser asking for a page that does not exist gets a page, not the API's JSON answer.
            if (!ctx.path().startsWith("/api/")) {
                securityHeaders(ctx);
                request(ctx).refuse(404, "error.not-found");
            }
        });
    }

    private void gate(Registered registered, Context ctx) throws Exception {
        securityHeaders(ctx);
        PageRequest request = request(ctx);
        PageAccess access = registered.route().access();
        boolean reads = registered.route().method().equals("GET");
        if (access.scope() != PageAccess.Scope.PUBLIC && request.signedIn().isEmpty()) {
            if (reads) {
                String signIn = "/signin?next=" + java.net.URLEncoder.encode(request.here(), StandardCharsets.UTF_8);
                request.redirect(ctx.cookie(SESSION_COOKIE) != null ? signIn + "&notice=signed-out" : signIn);
            } else {
                request.refuse(403, "error.signed-out");
            }
            return;
        }
        String store = registered.route().path().contains("{store}") ? ctx.pathParam("store") : null;
        if (!access.allows(request.signedIn().orElse(null), store)) {
            request.refuse(403, "error.forbidden");
            return;
        }
        if (!reads && !sameToken(request.csrfToken(), sentCsrf(ctx))) {
            request.refuse(403, "error.csrf");
            return;
        }
        registered.handler().handle(request);
    }

    private PageRequest request(Context ctx) {
        Language language = Language.choose(ctx.cookie(LANGUAGE_COOKIE), ctx.header("Accept-Language"));
        String session = ctx.cookie(SESSION_COOKIE);
        Viewer viewer = session == null || session.isBlank() || session.length() > 200 ? null
                : visitors.bySession(session).orElse(null);
        return new PageRequest(this, ctx, viewer, language);
    }

    private static String sentCsrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        return header != null ? header : ctx.formParam(CSRF_FIELD);
    }

    private static boolean sameToken(String expected, String sent) {
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    Shell shell(PageRequest request, String titleKey) {
        Optional<Viewer> viewer = request.signedIn();
        List<Shell.Link> links = viewer.isEmpty() ? List.of() : nav.stream()
                .sorted(Comparator.comparingInt(NavItem::order))
                .filter(item -> item.access().allows(viewer.get(), viewer.get().store().orElse(null)))
                .filter(item -> item.access().scope() != PageAccess.Scope.STORE || viewer.get().store().isPresent())
                .map(item -> {
                    String href = item.href().replace("{store}", viewer.get().store().orElse(""));
                    boolean current = href.equals("/") ? request.path().equals("/") : request.path().startsWith(href);
                    return new Shell.Link(texts.text(request.language(), item.textKey()), href, current);
                })
                .toList();
        Long open = viewer.filter(v -> v.may(Permission.VIEW_EXCEPTIONS))
                .map(v -> v.store().map(openExceptions::countIn).orElseGet(openExceptions::count)).orElse(null);
        String notice = request.notice().map(n -> "notice." + n).filter(texts::has).orElse(null);
        return new Shell(request.language(), texts, request.formats(), viewer.orElse(null), titleKey, links, open,
                request.here(), notice, request.csrfToken(), this::newToken,
                viewer.isPresent() ? freshness.now().orElse(null) : null);
    }

    String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A path on this server to go back to; anything else (another host, a scheme) becomes the home page. */
    public static String localPath(String location) {
        if (location == null || !location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")
                || location.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return location;
    }

}
