package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Head office's pages on PostgreSQL: signing in in the browser, and lists paged by key, sorted, filtered, exported. */
class HeadOfficePagesOnPostgresTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onPostgres();
    private static final Pattern USER_LINK = Pattern.compile("<td><a href=\"/users/([^\"]+)\">");
    private static final Pattern NEXT = Pattern.compile("class=\"next-page\" href=\"([^\"]+)\"");

    @Test
    void anAdminSignsInOnPostgresql() {
        Browser browser = office.signInAs(Role.HQ_ADMIN);

        assertThat(browser.heading()).isEqualTo("What needs head office now");
        assertThat(browser.open("/users").texts("#users tbody td a")).contains("hq-admin");
    }

    @Test
    void theUsersListIsPagedByKeySortedFilteredAndExported() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            String name = String.format("clerk%02d", i);
            office.createUser(name, Role.HQ_ANALYST, null);
            made.add(name);
        }
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();

        PageClient.Page first = client.get("/users?q=clerk&sort=username&dir=asc");
        List<String> firstNames = names(first.body());
        Matcher next = NEXT.matcher(first.body());
        assertThat(next.find()).isTrue();
        PageClient.Page second = client.get(next.group(1).replace("&amp;", "&"));
        List<String> secondNames = names(second.body());

        assertThat(firstNames).hasSize(50).isSorted();
        assertThat(secondNames).hasSize(7).isSorted();
        List<String> all = new ArrayList<>(firstNames);
        all.addAll(secondNames);
        assertThat(all).containsExactlyElementsOf(made);
        assertThat(NEXT.matcher(second.body()).find()).isFalse();

        List<String> descending = names(client.get("/users?q=clerk&sort=username&dir=desc").body());
        assertThat(descending.getFirst()).isEqualTo("clerk56");

        String csv = client.get("/users.csv?q=clerk&sort=username&dir=asc").body();
        assertThat(csv).startsWith("\uFEFFUsername,Role,Store,Status,Created");
        assertThat(csv.lines().skip(1).map(line -> line.split(",")[0]).toList()).containsExactlyElementsOf(made);
    }

    private static List<String> names(String page) {
        Matcher matcher = USER_LINK.matcher(page);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
