package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stocktake pages in a real headless Chromium: each store's stocktakes with scope, counter, approver and the
 * products that differed, both languages; a store manager kept to their own store's. The figures are
 * {@link StocktakeDocuments}'.
 */
class StocktakePagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void documents() {
        StocktakeDocuments.push(office.server());
    }

    @Test
    void headOfficeSeesEveryStoresStocktakesWithWhoCountedAndWhoApproved() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/stock/stocktakes");

        assertThat(browser.heading()).isEqualTo("Stocktakes by store");
        assertThat(browser.texts("#stocktake-S001-T1-1-K000001 dd")).containsExactly("S001", "Shelf A-03 饮料",
                "2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z", "c1", "王经理 (manager)", "Left as they stood", "1");
        assertThat(browser.texts("#line-S001-T1-1-K000001-100001 td")).containsExactly("100001", "27", "28", "-1");
        assertThat(browser.texts("#stocktake-S002-T1-1-K000001 dd")).contains("S002", "Whole store", "c7", "李店长 (m2)",
                "Booked as none left");
        assertThat(browser.texts("#stocktake-S002-T1-1-K000001 tbody td")).containsExactly("Every product counted as the stock said.");
        assertThat(office.server().ports.stock().stock(StoreId.of("S001"), Sku.of("100001")).qtyMilli())
                .as("the difference moved the stock").isEqualTo(27_000);

        browser.fill("store", "S002").click("stocktakes-submit");
        assertThat(browser.texts("#stocktakes section h2")).containsExactly("S002-T1-1-K000001");

        browser.open("/stock/stocktakes").click("language-zh-CN");
        assertThat(browser.heading()).isEqualTo("各门店盘点结果");
        assertThat(browser.texts("#stocktake-S001-T1-1-K000001 dd")).contains("货架 A-03 饮料", "保持原库存");
        assertThat(browser.texts("#stocktake-S001-T1-1-K000001 thead th")).containsExactly("商品编码", "实盘数", "盘点时账面数", "差异");
        browser.click("language-en");
    }

    @Test
    void aStoreManagerSeesOnlyTheirOwnStoresStocktakes() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);
        assertThat(browser.texts("header nav a")).contains("My store's stocktakes").doesNotContain("Stocktakes");

        browser.open("/stores/S001/stocktakes");
        assertThat(browser.heading()).isEqualTo("Stocktakes");
        assertThat(browser.texts("#stocktakes section h2")).containsExactly("S001-T1-1-K000001");
        assertThat(browser.has("store")).as("no store filter on a store's page").isFalse();
        for (String path : List.of("/stores/S002/stocktakes", "/stock/stocktakes", "/stock/stocktakes?store=S002")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
            assertThat(browser.source()).as(path).doesNotContain("S002-T1-1-K000001");
        }
    }
}
