package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StockChanged;
import io.chainpos.server.auth.Role;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.Stores;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chain's stock page when the chain has more stores than columns fit ({@link StockPages#STORE_COLUMNS}): each
 * product's chain total, the stores with a record of it and those below zero, in a real headless Chromium. The
 * figures are {@link StockDocuments}' plus 3 breads sold at S003 that it never received (by hand: colas 24 in 2 stores,
 * 5 in transit; breads 10 - 3 = 7 in 3 stores, 1 below zero).
 */
class StockPagesOfABigChainBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void aChainOfThirteenStores() {
        StockDocuments.push(office.server());
        TestServer.EnrolledTill c = office.server().enroll("S003", "S003-T1");
        assertThat(c.push(c.writer().next(List.of(
                new StockChanged(StockDocuments.S003, StockDocuments.BREAD, -3_000, StockChanged.Reason.SALE, "S003-T1-1-000001"))))
                .status()).isEqualTo(200);
        JdbcStores stores = new JdbcStores(office.server().storage.database());
        for (int s = 1; s <= StockPages.STORE_COLUMNS + 1; s++) {
            stores.add(new Stores.Store("S%03d".formatted(s), "Store " + s, "", ZoneId.of("Asia/Shanghai"), 1, TestServer.START));
        }
    }

    @Test
    void eachProductShowsTheChainsTotalTheStoresHoldingItAndThoseBelowZero() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/stock");

        assertThat(browser.texts("#stock thead th"))
                .containsExactly("SKU", "Chain", "Stores with a stock record", "Stores below zero", "In transit");
        assertThat(browser.texts("#stock-100001 td")).containsExactly("24", "2", "0", "5");
        assertThat(browser.texts("#stock-100002 td")).containsExactly("7", "3", "1", "0");
        assertThat(browser.has("stock-summarised")).isTrue();

        browser.fill("store", "S003").click("stock-submit");
        assertThat(browser.texts("#stock thead th")).as("one store chosen: its own column")
                .containsExactly("SKU", "S003", "Chain", "In transit");
        assertThat(browser.texts("#stock-100002 td")).containsExactly("-3", "-3", "0");

        browser.open("/stock").click("language-zh-CN");
        assertThat(browser.texts("#stock thead th")).containsExactly("商品编码", "全连锁", "有库存记录的门店", "负库存门店", "在途");
        browser.click("language-en");
    }
}
