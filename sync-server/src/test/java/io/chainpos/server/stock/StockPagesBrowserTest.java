package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stock pages in a real headless Chromium: stock per store beside the chain's total and what is in transit,
 * transfers by status, discrepancies from a supplier and from a transfer, both languages; a store manager kept to
 * their store. The figures are {@link StockDocuments}'.
 */
class StockPagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @BeforeAll
    static void documents() {
        StockDocuments.push(office.server());
    }

    @Test
    void headOfficeSeesEachStoresStockTheChainsTotalAndWhatIsInTransit() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/stock");

        assertThat(browser.texts("#stock thead th")).containsExactly("SKU", "S001", "S002", "Chain", "In transit");
        assertThat(browser.texts("#stock-100001 td")).containsExactly("13", "11", "24", "5");
        assertThat(browser.texts("#stock-100002 td")).containsExactly("6", "4", "10", "0");
        assertThat(browser.texts("#in-transit tbody tr")).singleElement().asString()
                .startsWith("S001-T1-1-T000002 S001 S003 In transit").endsWith("100001 × 5");

        browser.fill("store", "S002").click("stock-submit");
        assertThat(browser.texts("#stock thead th")).containsExactly("SKU", "S002", "Chain", "In transit");
        assertThat(browser.texts("#stock-100001 td")).containsExactly("11", "11", "0");

        browser.open("/stock").click("language-zh-CN");
        assertThat(browser.heading()).isEqualTo("各门店库存");
        assertThat(browser.texts("#stock thead th")).containsExactly("商品编码", "S001", "S002", "全连锁", "在途");
        browser.click("language-en");
    }

    @Test
    void transfersByStatusAndTheDiscrepanciesFoundOnArrival() {
        Browser browser = office.signInAs(Role.HQ_ANALYST).open("/stock/transfers");
        assertThat(browser.texts("#transfers tbody tr")).singleElement().asString().startsWith("S001-T1-1-T000002");

        browser.click("status-RECEIVED");
        assertThat(browser.texts("#transfer-S001-T1-1-T000001 td")).startsWith("S001-T1-1-T000001", "S001", "S002", "Received");
        assertThat(browser.texts("#transfer-S001-T1-1-T000001 .line")).containsExactly("100001 × 12 (11)", "100002 × 4 (4)");

        browser.open("/stock/discrepancies");
        assertThat(browser.texts("#discrepancy-S001-T1-1-T000001-100001-SHORT td")).startsWith(
                "S001-T1-1-T000001", "Transfer", "S002", "100001", "Short", "1");
        assertThat(browser.texts("#discrepancy-S001-T1-1-G000001-100002-DAMAGED td")).startsWith(
                "S001-T1-1-G000001", "Supplier", "S001", "100002", "Damaged", "2");
        assertThat(browser.texts("#discrepancies tbody tr")).hasSize(2);

        browser.click("language-zh-CN");
        assertThat(browser.heading()).isEqualTo("收货差异");
        assertThat(browser.source()).contains("短少", "破损", "供应商");
        browser.click("language-en");
    }

    @Test
    void aStoreManagerSeesOnlyTheirOwnStoresStock() {
        Browser browser = office.signInAs(Role.STORE_MANAGER);
        assertThat(browser.texts("header nav a")).contains("My store's stock");

        browser.open("/stores/S001/stock");
        assertThat(browser.texts("#stock thead th")).containsExactly("SKU", "S001", "Chain", "In transit");
        assertThat(browser.texts("#stock-100001 td")).containsExactly("13", "13", "5");
        assertThat(browser.has("store")).as("no store filter on a store's page").isFalse();
        for (String path : List.of("/stores/S002/stock", "/stock", "/stock/transfers", "/stock/discrepancies")) {
            browser.open(path);
            assertThat(browser.heading()).as(path).isEqualTo("Not allowed");
        }
    }
}
