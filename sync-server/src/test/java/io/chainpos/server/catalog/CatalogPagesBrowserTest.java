package io.chainpos.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The catalog editor in a real headless Chromium against the real server (SQLite). */
class CatalogPagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @TempDir
    Path dir;

    @Test
    void aWrongCheckDigitIsNamedBesideItsFieldAndNothingIsPublished() {
        long before = publishedByHeadOffice();
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/catalog/new");

        browser.fill("sku", "300001").fill("barcodes", "6901234000017").fill("name_zh", "绿茶 500ml").fill("price", "3.5x")
                .click("product-submit");

        assertThat(browser.text("barcodes-error")).isEqualTo(
                "The check digit of barcode 6901234000017 is wrong: check the number printed under the bars.");
        assertThat(browser.text("price-error")).isEqualTo("\"3.5x\" is not an amount in yuan such as 3.50.");
        assertThat(browser.has("name_zh-error")).isFalse();
        assertThat(browser.driver().findElement(By.id("name_zh")).getAttribute("value")).as("what was typed is kept").isEqualTo("绿茶 500ml");
        assertThat(publishedByHeadOffice()).isEqualTo(before);
        assertThat(office.server().ports.catalog().find("300001")).isEmpty();

        // 6901234000016 is the right check digit for the same twelve digits.
        browser.fill("barcodes", "6901234000016").fill("price", "3.50").click("product-submit");
        assertThat(browser.path()).isEqualTo("/catalog/300001");
        assertThat(browser.text("notice")).isEqualTo("The product was created and published to the tills.");
        assertThat(publishedByHeadOffice()).isEqualTo(before + 1);
        assertThat(browser.open("/catalog?q=6901234000016").texts("#products tbody td a")).containsExactly("300001");
        assertThat(browser.open("/catalog?q=绿茶").texts("#products tbody td a")).containsExactly("300001");
    }

    @Test
    void theSecondOfTwoAdminsEditingOneProductIsToldAndNothingIsLost() {
        office.createUser("admin.two", Role.HQ_ADMIN, null);
        Browser first = office.signInAs(Role.HQ_ADMIN).open("/catalog/new");
        first.fill("sku", "300002").fill("name_zh", "乌龙茶").fill("price", "4.00").click("product-submit");
        Browser second = BackOffice.signIn(office.browser("en-GB,en"), "admin.two", BackOffice.PASSWORD).open("/catalog/300002");
        first.open("/catalog/300002");

        first.fill("name_zh", "乌龙茶 500ml").click("product-submit");
        assertThat(first.text("notice")).isEqualTo("The product was saved and published to the tills.");
        long afterFirst = publishedByHeadOffice();

        second.fill("price", "4.50").fill("name_zh", "乌龙茶 大瓶").click("product-submit");
        assertThat(second.text("stale")).startsWith("Someone else changed this product while you were editing it");
        assertThat(publishedByHeadOffice()).as("the second save published nothing").isEqualTo(afterFirst);
        assertThat(second.text("fact-name-zh")).isEqualTo("乌龙茶 500ml");
        assertThat(value(second, "price")).as("the second admin's own change is kept").isEqualTo("4.50");
        assertThat(value(second, "name_zh")).isEqualTo("乌龙茶 大瓶");
        assertThat(second.text("name_zh-error")).isEqualTo(
                "Someone else changed this to \"乌龙茶 500ml\" meanwhile: keep yours or type theirs, then send again.");

        second.fill("name_zh", "乌龙茶 500ml").click("product-submit");
        assertThat(second.text("notice")).isEqualTo("The product was saved and published to the tills.");
        Product saved = office.server().ports.catalog().find("300002").orElseThrow();
        assertThat(saved.nameZh()).isEqualTo("乌龙茶 500ml");
        assertThat(saved.price()).isEqualTo(450);
    }

    @Test
    void aCsvImportPublishesTheGoodRowsAndListsTheRefusedOnesWithWhy() throws Exception {
        Path csv = dir.resolve("products.csv");
        Files.writeString(csv, """
                sku,barcodes,name_zh,name_en,category,unit,price,member_price,tax_rate
                400001,6901234000023,矿泉水,Water,drinks,piece,2.00,,13
                400002,6901234000024,可乐,Cola,drinks,piece,3.50,3.00,13
                400003,,香蕉,Bananas,fruit,weight,,,9
                400004,6901234000023,雪碧,Sprite,drinks,piece,3.50,4.00,13
                """, StandardCharsets.UTF_8);
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/catalog/import");

        browser.driver().findElement(By.id("file")).sendKeys(csv.toString());
        browser.click("import-submit");

        assertThat(browser.text("import-result")).isEqualTo("1 products published, 3 rows refused.");
        assertThat(browser.texts("#rejected-rows tbody tr")).containsExactly(
                "3 400002 Barcodes (separated by spaces): The check digit of barcode 6901234000024 is wrong: check the number printed under the bars.",
                "4 400003 Price (yuan): Required.",
                "5 400004 Member price (yuan): The member price cannot be above the price.");
        assertThat(office.server().ports.catalog().find("400001")).hasValueSatisfying(p -> {
            assertThat(p.category()).isEqualTo("DRINKS");
            assertThat(p.barcodes()).containsExactly("6901234000023");
        });
        assertThat(office.server().ports.catalog().find("400002")).isEmpty();
    }

    private static String value(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private static long publishedByHeadOffice() {
        return office.server().ports.log().mark(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH).ackedThrough();
    }
}
