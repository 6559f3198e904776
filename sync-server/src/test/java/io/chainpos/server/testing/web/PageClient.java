package io.chainpos.server.testing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Head office's pages over plain HTTP with a cookie jar: the last page's CSRF token is at hand, or left out on purpose. */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private String lastPage = "";

    /** A client of the pages of the server at {@code base}, signed in to nothing yet. */
    public static PageClient on(URI base) {
        return new PageClient(base);
    }

    PageClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A response: status, body, and where a redirect goes. */
    public record Page(int status, String body, String location, java.util.List<String> setCookies) {
    }

    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET()));
    }

    /** A GET with extra headers (a proxy's {@code X-Forwarded-Proto}, an {@code Accept-Language}). */
    public Page get(String path, String... headers) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").headers(headers).GET()));
    }

    /** Posts a form exactly as given (add {@code _csrf} yourself, or leave it out). */
    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Signs in through the form (its token taken from the sign-in page); true when the server let us in. */
    public boolean signIn(String username, String password) {
        return signInAnswer(username, password).status() == 303;
    }

    /** The sign-in form's answer, its token taken from the sign-in page. */
    public Page signInAnswer(String username, String password, String... headers) {
        get("/signin", headers.length == 0 ? new String[] {"Accept-Language", "en"} : headers);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrfToken());
        form.put("username", username);
        form.put("password", password);
        form.put("next", "/");
        return remember(send(HttpRequest.newBuilder(base.resolve("/signin")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").headers(headers.length == 0 ? new String[] {"Accept-Language", "en"} : headers)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The CSRF token the last page carried. */
    public String csrfToken() {
        return find(CSRF);
    }

    /** The one-time form token the last page carried. */
    public String formToken() {
        return find(ONCE);
    }

    private String find(Pattern pattern) {
        Matcher matcher = pattern.matcher(lastPage);
        if (!matcher.find()) {
            throw new IllegalStateException("the last page has no such field: " + pattern);
        }
        return matcher.group(1);
    }

    private Page remember(Page page) {
        if (page.status() == 200 || page.status() == 422) {
            lastPage = page.body();
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
                    response.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
