package io.chainpos.bench.sync;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Head office's side as a browser is: a session cookie from the sign-in form, forms posted with their tokens. */
record HeadOfficeBrowser(URI base, HttpClient http) {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    static HeadOfficeBrowser signIn(URI base, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        HeadOfficeBrowser browser = new HeadOfficeBrowser(base, http);
        Map<String, String> form = browser.form("/signin", "signin");
        form.put("username", username);
        form.put("password", password);
        int status = browser.post("/signin", form);
        if (status != 303 && status != 302) {
            throw new IllegalStateException("sign-in answered " + status);
        }
        return browser;
    }

    /** The hidden fields of the form {@code id} on the page at {@code path}. */
    Map<String, String> form(String path, String id) throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + page.statusCode());
        }
        int from = page.body().indexOf("<form id=\"" + id + "\"");
        if (from < 0) {
            throw new IllegalStateException(path + " has no form " + id);
        }
        String html = page.body().substring(from, page.body().indexOf("</form>", from));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/"));
        }
        return fields;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    int post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return postForPage(path, form).statusCode();
    }

    HttpResponse<String> postForPage(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
