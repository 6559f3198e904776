package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StockChanged;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Head office's pages in a real headless Chromium against the real server on loopback (SQLite). */
class HeadOfficePagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    void anAdminSignsInAndTheHomePageShowsWhatNeedsLooking() {
        TestServer.EnrolledTill till = office.server().enroll("S001", "S001-T1");
        assertThat(till.push(till.writer().next(List.of(Facts.stock("S001", "690001", -1_000, StockChanged.Reason.SALE)))).status())
                .isEqualTo(200);

        Browser browser = office.signInAs(Role.HQ_ADMIN);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.heading()).isEqualTo("What needs head office now");
        assertThat(browser.text("signed-in-user")).contains("hq-admin", "HQ admin");
        assertThat(browser.text("home-exceptions-count")).isEqualTo("1");
        assertThat(browser.text("open-exceptions")).isEqualTo("1 open exceptions");
        assertThat(browser.text("home-tills-count")).isEqualTo("1");
        assertThat(browser.texts("#newest-exceptions tbody td")).contains("Negative stock", "S001", "690001");
        // ECharts, loaded from this server by the page's script, drew the chart of exceptions by kind.
        browser.waitForAttribute("exceptions-chart", "data-chart-drawn");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#exceptions-chart canvas"))).isNotEmpty();
        assertThat(browser.texts("header nav a")).containsExactly("Home", "Stores", "Tills", "Exceptions", "Catalog", "Promotions",
                "Sales", "Sales report", "Members", "Members report", "Bought together", "Liabilities", "Feedback", "Stock", "Stocktakes", "Stock planning", "Loyalty", "Member messages", "Users", "Audit");
    }

    @Test
    void wrongPasswordsSlowDownThenLockTheAccountAndTheLockIsAudited() {
        office.createUser("lin.wei", Role.HQ_ANALYST, null);
        Browser browser = office.browser().open("/signin");

        for (int attempt = 1; attempt <= 4; attempt++) {
            BackOffice.signIn(browser, "lin.wei", "not the password");
            assertThat(browser.text("signin-refusal")).startsWith("Wrong username or password. Wait");
            office.server().clock.advance(Duration.ofSeconds(30));
        }
        BackOffice.signIn(browser, "lin.wei", "not the password");
        assertThat(browser.text("signin-refusal")).startsWith("Too many wrong passwords: this name is locked until");
        BackOffice.signIn(browser, "lin.wei", BackOffice.PASSWORD);
        assertThat(browser.text("signin-refusal")).startsWith("Too many wrong passwords");
        assertThat(browser.path()).isEqualTo("/signin");

        Browser admin = office.signInAs(Role.HQ_ADMIN).open("/audit?action=sign-in.locked");
        assertThat(admin.texts("#audit tbody tr")).singleElement().asString().contains("Locked after wrong passwords", "lin.wei");

        admin.click("sign-out");
        office.server().clock.advance(Duration.ofMinutes(16));
        BackOffice.signIn(admin, "lin.wei", BackOffice.PASSWORD);
        assertThat(admin.path()).as("the lock ends after 15 minutes").isEqualTo("/");
    }

    @Test
    void aStoreManagerSeesTheirStoreAndIsRefusedAnotherStoresPages() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);

        assertThat(browser.texts("header nav a")).containsExactly("Home", "My store's sales", "My store's sales report", "My store's tills",
                "My store's exceptions", "My store's members", "My store's members report", "My store's bought together", "My store's liabilities",
                "My store's feedback", "My store's stock", "My store's stocktakes", "My store's low stock");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("open-exceptions")).getAttribute("href"))
                .as("a store manager's count is their store's").endsWith("/stores/S001/exceptions");
        assertThat(browser.open("/stores/S001/tills").text("tills-title")).isEqualTo("Tills of store S001");

        for (String path : List.of("/stores/S002/tills", "/stores/S002/tills.csv", "/users", "/audit", "/users/new",
                "/stores/S002/sales", "/stores/S002/sales.csv", "/sales", "/catalog", "/promotions")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
            assertThat(browser.text("error-message")).as(path).isEqualTo("Your account may not open this page.");
        }
    }

    @Test
    void aUserChangesTheirPasswordGivingTheCurrentOne() {
        office.createUser("zhao.min", Role.HQ_ANALYST, null);
        Browser browser = BackOffice.signIn(office.browser(), "zhao.min", BackOffice.PASSWORD);
        browser.click("change-password");

        browser.fill("old", "wrong current").fill("password", "a new passphrase").fill("confirm", "a new passphrase")
                .click("change-password-submit");
        assertThat(browser.text("old-error")).isEqualTo("The current password is wrong.");
        assertThat(browser.has("password-error")).isFalse();

        browser.fill("old", BackOffice.PASSWORD).fill("password", "a new passphrase").fill("confirm", "another one")
                .click("change-password-submit");
        assertThat(browser.text("confirm-error")).isEqualTo("The two passwords differ.");

        browser.fill("old", BackOffice.PASSWORD).fill("password", "a new passphrase").fill("confirm", "a new passphrase")
                .click("change-password-submit");
        assertThat(browser.path()).isEqualTo("/signin");
        assertThat(browser.text("notice")).isEqualTo("Your password was changed. Sign in with the new one.");

        office.server().clock.advance(Duration.ofMinutes(1));
        BackOffice.signIn(browser, "zhao.min", BackOffice.PASSWORD);
        assertThat(browser.path()).isEqualTo("/signin");
        office.server().clock.advance(Duration.ofMinutes(1));
        BackOffice.signIn(browser, "zhao.min", "a new passphrase");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("signed-in-user")).startsWith("zhao.min");
    }

    @Test
    void anAdminCreatesAUserFiltersTheListAndDisablesThemWithHtmx() {
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/users");
        browser.click("new-user");
        browser.fill("username", "li.mei").choose("role", "store-manager").fill("password", "short").fill("confirm", "short")
                .click("new-user-submit");
        assertThat(browser.text("store-error")).isEqualTo("A store manager needs the store they manage.");
        assertThat(browser.text("password-error")).isEqualTo("A password is 8 to 1024 characters.");

        browser.fill("store", "S002").fill("password", "long enough 3").fill("confirm", "long enough 3").click("new-user-submit");
        assertThat(browser.path()).isEqualTo("/users/li.mei");
        assertThat(browser.text("notice")).isEqualTo("The user was created.");

        browser.open("/users").fill("q", "li.m").click("filter-submit");
        browser.waitUntil(b -> b.texts("#users tbody td a").equals(List.of("li.mei")));
        assertThat(browser.driver().getCurrentUrl()).contains("q=li.m");

        browser.open("/users/li.mei");
        browser.driver().findElement(org.openqa.selenium.By.id("toggle-user-submit")).click();
        browser.acceptConfirmation();
        browser.waitUntil(b -> b.has("notice") && b.text("notice").equals("The user was disabled and signed out."));
        assertThat(browser.text("user-status")).isEqualTo("Disabled");
        assertThat(browser.open("/audit?actor=hq-admin").texts("#audit tbody td")).contains("Disabled a user", "Created a user");
    }

    @Test
    void anAdminMakesAnAnalystTheManagerOfAStoreAndTheNewRoleAppliesFromTheNextSignIn() {
        office.createUser("qian.yu", Role.HQ_ANALYST, null);
        // a browser of its own (its own cookies), beside the admin's
        Browser analyst = BackOffice.signIn(office.browser("en-GB"), "qian.yu", BackOffice.PASSWORD);
        assertThat(analyst.open("/audit").heading()).isEqualTo("Audit log");

        Browser admin = office.signInAs(Role.HQ_ADMIN).open("/users/qian.yu");
        assertThat(admin.driver().findElement(org.openqa.selenium.By.cssSelector("#change-role #role")).getAttribute("value"))
                .as("the form shows the role the user has").isEqualTo("hq-analyst");
        admin.choose("role", "store-manager").click("change-role-submit");
        assertThat(admin.text("store-error")).isEqualTo("A store manager needs the store they manage.");
        assertThat(admin.texts("#user td")).as("nothing changed").contains("HQ analyst");

        admin.fill("store", "S002").click("change-role-submit");
        assertThat(admin.text("notice")).isEqualTo("The role was changed; the user signs in again to use it.");
        assertThat(admin.texts("#user td")).contains("Store manager", "S002");
        assertThat(admin.open("/audit?actor=hq-admin").texts("#audit tbody td")).contains("Changed a user's role");

        analyst.open("/audit");
        assertThat(analyst.path()).as("the old role's session ended").isEqualTo("/signin");
        office.server().clock.advance(Duration.ofMinutes(1));
        BackOffice.signIn(analyst, "qian.yu", BackOffice.PASSWORD);
        assertThat(analyst.texts("header nav a")).contains("My store's sales");
        assertThat(analyst.open("/stores/S002/tills").text("tills-title")).isEqualTo("Tills of store S002");
        assertThat(analyst.open("/audit").heading()).isEqualTo("Not allowed");
    }

    @Test
    void theLanguageFollowsTheBrowserAndCanBeSwitched() {
        Browser chinese = office.browser("zh-CN,zh").open("/signin");
        Browser english = office.browser("en").open("/signin");

        assertThat(chinese.language()).isEqualTo("zh-CN");
        assertThat(chinese.heading()).isEqualTo("登录");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.heading()).isEqualTo("Sign in");

        english.click("language-zh-CN");
        assertThat(english.path()).isEqualTo("/signin");
        assertThat(english.heading()).isEqualTo("登录");
        BackOffice.signIn(english, office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(english.heading()).isEqualTo("总部待办");
        assertThat(english.texts("header nav a")).containsExactly("首页", "门店", "收银机", "异常", "商品", "促销", "销售", "销售报表", "会员", "会员分析", "关联购买", "负债", "客户反馈", "库存", "盘点", "库存计划", "积分规则", "会员消息",
                "用户", "审计日志");
    }
}
