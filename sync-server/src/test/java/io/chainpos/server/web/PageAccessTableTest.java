package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spec of who may open what: every page route the server registered, asked by nobody and by each role over
 * HTTP, allowed or refused exactly as this table says. A route missing from the table fails, and so does a
 * route that answers outside {@code /api} without being a page route (it would skip the gate).
 */
class PageAccessTableTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    private static final Set<Who> EVERYONE = Set.of(Who.values());
    private static final Set<Who> SIGNED_IN = Set.of(Who.ADMIN, Who.ANALYST, Who.STORE_MANAGER);
    private static final Set<Who> HEAD_OFFICE = Set.of(Who.ADMIN, Who.ANALYST);
    private static final Set<Who> ADMIN = Set.of(Who.ADMIN);

    /** Who asks: nobody signed in, or one of head office's roles. */
    enum Who { NOBODY, ADMIN, ANALYST, STORE_MANAGER }

    /**
     * Route (as registered) -> who is let through. A store-scoped route ({store}) is asked for the store manager's
     * own store ({@code own}) and another one ({@code other}).
     */
    private static final Map<String, Set<Who>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /assets/{file}", EVERYONE);
        TABLE.put("GET /language/{tag}", EVERYONE);
        TABLE.put("GET /signin", EVERYONE);
        TABLE.put("POST /signin", EVERYONE);
        TABLE.put("GET /", SIGNED_IN);
        TABLE.put("GET /account/password", SIGNED_IN);
        TABLE.put("POST /account/password", SIGNED_IN);
        TABLE.put("GET /users", HEAD_OFFICE);
        TABLE.put("GET /users.csv", HEAD_OFFICE);
        TABLE.put("GET /users/{username}", HEAD_OFFICE);
        TABLE.put("GET /users/new", ADMIN);
        TABLE.put("POST /users", ADMIN);
        TABLE.put("POST /users/{username}/disable", ADMIN);
        TABLE.put("POST /users/{username}/enable", ADMIN);
        TABLE.put("POST /users/{username}/password", ADMIN);
        TABLE.put("POST /users/{username}/role", ADMIN);
        TABLE.put("GET /audit", HEAD_OFFICE);
        TABLE.put("GET /audit.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/tills own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/tills other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/tills.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/tills.csv other", HEAD_OFFICE);
        TABLE.put("POST /stores/{store}/tills own", ADMIN);
        TABLE.put("POST /stores/{store}/tills other", ADMIN);
        TABLE.put("POST /stores/{store}/tills/{till}/code own", ADMIN);
        TABLE.put("POST /stores/{store}/tills/{till}/code other", ADMIN);
        TABLE.put("POST /stores/{store}/tills/{till}/revoke own", ADMIN);
        TABLE.put("POST /stores/{store}/tills/{till}/revoke other", ADMIN);
        TABLE.put("GET /stores/{store}/tills/{till}/chain own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/tills/{till}/chain other", HEAD_OFFICE);
        TABLE.put("GET /tills", HEAD_OFFICE);
        TABLE.put("GET /tills.csv", HEAD_OFFICE);
        TABLE.put("GET /stores", HEAD_OFFICE);
        TABLE.put("GET /stores.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/new", ADMIN);
        TABLE.put("POST /stores", ADMIN);
        TABLE.put("GET /stores/{store} own", SIGNED_IN);
        TABLE.put("GET /stores/{store} other", HEAD_OFFICE);
        TABLE.put("POST /stores/{store} own", ADMIN);
        TABLE.put("POST /stores/{store} other", ADMIN);
        TABLE.put("GET /care", HEAD_OFFICE);
        TABLE.put("GET /care/new", ADMIN);
        TABLE.put("POST /care", ADMIN);
        TABLE.put("GET /stores/{store}/care own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/care other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/care/new own", Set.of(Who.ADMIN, Who.STORE_MANAGER));
        TABLE.put("GET /stores/{store}/care/new other", ADMIN);
        TABLE.put("POST /stores/{store}/care own", Set.of(Who.ADMIN, Who.STORE_MANAGER));
        TABLE.put("POST /stores/{store}/care other", ADMIN);
        TABLE.put("GET /stores/{store}/care/{id} own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/care/{id} other", HEAD_OFFICE);
        TABLE.put("POST /stores/{store}/care/{id} own", Set.of(Who.ADMIN, Who.STORE_MANAGER));
        TABLE.put("POST /stores/{store}/care/{id} other", ADMIN);
        TABLE.put("GET /messages", HEAD_OFFICE);
        TABLE.put("GET /messages/templates/new", ADMIN);
        TABLE.put("POST /messages/templates", ADMIN);
        TABLE.put("GET /messages/templates/{id}", HEAD_OFFICE);
        TABLE.put("GET /messages/campaigns/new", ADMIN);
        TABLE.put("POST /messages/campaigns", ADMIN);
        TABLE.put("GET /messages/campaigns/{id}", HEAD_OFFICE);
        TABLE.put("POST /messages/campaigns/{id}/send", ADMIN);
        TABLE.put("GET /messages/settings", ADMIN);
        TABLE.put("POST /messages/settings", ADMIN);
        TABLE.put("GET /exceptions", HEAD_OFFICE);
        TABLE.put("GET /exceptions.csv", HEAD_OFFICE);
        TABLE.put("GET /exceptions/{id}", HEAD_OFFICE);
        TABLE.put("POST /exceptions/{id}/resolve", ADMIN);
        TABLE.put("GET /stores/{store}/exceptions own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/exceptions other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/exceptions.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/exceptions.csv other", HEAD_OFFICE);
        TABLE.put("GET /catalog", HEAD_OFFICE);
        TABLE.put("GET /catalog.csv", HEAD_OFFICE);
        TABLE.put("GET /catalog/new", ADMIN);
        TABLE.put("POST /catalog", ADMIN);
        TABLE.put("GET /catalog/import", ADMIN);
        TABLE.put("POST /catalog/import", ADMIN);
        TABLE.put("GET /catalog/{sku}", HEAD_OFFICE);
        TABLE.put("POST /catalog/{sku}", ADMIN);
        TABLE.put("POST /catalog/{sku}/price", ADMIN);
        TABLE.put("GET /promotions", HEAD_OFFICE);
        TABLE.put("GET /promotions/new", ADMIN);
        TABLE.put("POST /promotions", ADMIN);
        TABLE.put("GET /promotions/{code}", HEAD_OFFICE);
        TABLE.put("POST /promotions/{code}", ADMIN);
        TABLE.put("POST /promotions/{code}/remove", ADMIN);
        TABLE.put("GET /promotions/{code}/codes.csv", ADMIN);
        TABLE.put("GET /sales", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/sales own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/sales other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/sales.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/sales.csv other", HEAD_OFFICE);
        TABLE.put("GET /reports/sales", HEAD_OFFICE);
        TABLE.put("GET /reports/sales.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/reports/sales own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/reports/sales other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/reports/sales.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/reports/sales.csv other", HEAD_OFFICE);
        TABLE.put("GET /reports/pairs", HEAD_OFFICE);
        TABLE.put("GET /reports/pairs.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/reports/pairs own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/reports/pairs other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/reports/pairs.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/reports/pairs.csv other", HEAD_OFFICE);
        TABLE.put("GET /sales/today", SIGNED_IN);
        TABLE.put("GET /members", HEAD_OFFICE);
        TABLE.put("GET /members.csv", HEAD_OFFICE);
        TABLE.put("POST /members/search", HEAD_OFFICE);
        TABLE.put("GET /members/{memberId}", HEAD_OFFICE);
        TABLE.put("GET /members/{memberId}/export", HEAD_OFFICE);
        TABLE.put("POST /members/{memberId}/erase", ADMIN);
        TABLE.put("POST /members/{memberId}/opt-out", ADMIN);
        TABLE.put("GET /stores/{store}/members own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/members other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/members.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/members.csv other", HEAD_OFFICE);
        TABLE.put("POST /stores/{store}/members/search own", SIGNED_IN);
        TABLE.put("POST /stores/{store}/members/search other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/members/{memberId} own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/members/{memberId} other", HEAD_OFFICE);
        TABLE.put("GET /loyalty", HEAD_OFFICE);
        TABLE.put("GET /loyalty/edit", ADMIN);
        TABLE.put("POST /loyalty", ADMIN);
        TABLE.put("POST /loyalty/period-end", ADMIN);
        TABLE.put("GET /loyalty/expiring", HEAD_OFFICE);
        TABLE.put("GET /loyalty/expiring.csv", HEAD_OFFICE);
        TABLE.put("GET /member-report", HEAD_OFFICE);
        TABLE.put("GET /member-report.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/member-report own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/member-report other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/member-report.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/member-report.csv other", HEAD_OFFICE);
        TABLE.put("GET /stock", HEAD_OFFICE);
        TABLE.put("GET /stock/transfers", HEAD_OFFICE);
        TABLE.put("GET /stock/discrepancies", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/stock own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/stock other", HEAD_OFFICE);
        TABLE.put("GET /stock/stocktakes", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/stocktakes own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/stocktakes other", HEAD_OFFICE);
        TABLE.put("GET /stock/minimums", HEAD_OFFICE);
        TABLE.put("POST /stock/minimums", ADMIN);
        TABLE.put("POST /stock/minimums/bulk", ADMIN);
        TABLE.put("GET /stores/{store}/stock/minimums own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/stock/minimums other", HEAD_OFFICE);
        TABLE.put("GET /stock/low", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/stock/low own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/stock/low other", HEAD_OFFICE);
        TABLE.put("GET /stock/cover", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/stock/cover own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/stock/cover other", HEAD_OFFICE);
        TABLE.put("GET /stock/orders", HEAD_OFFICE);
        TABLE.put("POST /stock/orders.csv", HEAD_OFFICE);
        TABLE.put("GET /stock/proposals", HEAD_OFFICE);
        TABLE.put("POST /stock/proposals", ADMIN);
        TABLE.put("GET /liabilities", HEAD_OFFICE);
        TABLE.put("GET /liabilities.csv", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/liabilities own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/liabilities other", HEAD_OFFICE);
        TABLE.put("GET /stores/{store}/liabilities.csv own", SIGNED_IN);
        TABLE.put("GET /stores/{store}/liabilities.csv other", HEAD_OFFICE);
        // Last: it ends the session it is asked with.
        TABLE.put("POST /signout", SIGNED_IN);
    }

    /** Values for path parameters: harmless ones (no such user; a store manager's own store and another). */
    private static String concrete(String path, String variant) {
        return path.replace("{file}", "app.css").replace("{tag}", "en").replace("{username}", "nobody-here")
                .replace("{till}", "no-such-till").replace("{id}", "999999")
                .replace("{sku}", "nobody-here").replace("{code}", "NOBODY-HERE")
                .replace("{memberId}", "0192f0a0-0000-7000-8000-000000000999")
                .replace("{store}", "other".equals(variant) ? "S002" : BackOffice.STORE);
    }

    @Test
    void everyPageRouteIsInTheTable() {
        List<String> registered = new ArrayList<>();
        office.server().pageRoutes().forEach(route -> {
            if (route.access().scope() == PageAccess.Scope.STORE) {
                registered.add(route + " own");
                registered.add(route + " other");
            } else {
                registered.add(route.toString());
            }
        });
        assertThat(registered).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void everyRouteOutsideTheApiIsAPageRoute() {
        List<String> pages = office.server().pageRoutes().stream().map(Object::toString).toList();
        List<String> others = office.server().httpRoutes().stream()
                .filter(route -> route.startsWith("GET ") || route.startsWith("POST ") || route.startsWith("PUT ")
                        || route.startsWith("DELETE ") || route.startsWith("PATCH "))
                .filter(route -> !route.contains(" /api/") && !route.endsWith(" /health") && !route.endsWith(" /metrics"))
                .toList();
        assertThat(others).containsExactlyInAnyOrderElementsOf(pages);
    }

    @Test
    void eachRoleIsAllowedOrRefusedAsTheTableSays() {
        Map<Who, PageClient> clients = new EnumMap<>(Who.class);
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        StringBuilder answers = new StringBuilder("answers:");
        for (Map.Entry<String, Set<Who>> row : TABLE.entrySet()) {
            String[] parts = row.getKey().split(" ");
            String method = parts[0];
            String path = concrete(parts[1], parts.length > 2 ? parts[2] : null);
            for (Who who : Who.values()) {
                PageClient client = clients.computeIfAbsent(who, this::client);
                PageClient.Page page;
                if (method.equals("GET")) {
                    page = client.get(path);
                } else {
                    client.get(who == Who.NOBODY ? "/signin" : "/account/password");
                    page = client.post(path, Map.of("_csrf", client.csrfToken()));
                }
                String key = row.getKey() + " as " + who;
                outcomes.put(key, page.status() >= 500 ? "failed " + page.status() : allowed(page) ? "allowed" : "refused");
                expected.put(key, row.getValue().contains(who) ? "allowed" : "refused");
                answers.append("\n").append(key).append(": ").append(page.status()).append(" ").append(page.location());
            }
        }
        assertThat(outcomes).as(answers.toString()).containsExactlyEntriesOf(expected);
    }

    private PageClient client(Who who) {
        PageClient client = office.http();
        Role role = switch (who) {
            case NOBODY -> null;
            case ADMIN -> Role.HQ_ADMIN;
            case ANALYST -> Role.HQ_ANALYST;
            case STORE_MANAGER -> Role.STORE_MANAGER;
        };
        if (role != null && !client.signIn(office.user(role), BackOffice.PASSWORD)) {
            throw new IllegalStateException("cannot sign in as " + who);
        }
        return client;
    }

    /** Refused: the 403 page, or (nobody signed in) the gate's trip to the sign-in page that comes back here. */
    private static boolean allowed(PageClient.Page page) {
        boolean toSignIn = page.status() == 303 && page.location() != null && page.location().startsWith("/signin?next=");
        return page.status() != 403 && !toSignIn;
    }
}
