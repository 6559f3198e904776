package io.chainpos.till.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProductsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void goodRowsBecomeTheStoresOwnProductsAndEveryOtherRowSaysWhy() throws Exception {
        String csv = """
                \uFEFFsku,barcodes,name_zh,name_en,category,unit,price,member_price,tax_rate
                L001,6911111111117,"手工饺子, 猪肉",Dumplings,FROZEN,piece,25.80,23.00,9
                L002,,散装花生,Peanuts,NUTS,weight,32,,
                L003,6911111111111,坏条码,,,piece,1.00,,
                L004,,没有价格,,,piece,abc,,
                100002,,总部的面包,,,piece,5.00,,
                L001,,重复,,,piece,1.00,,
                L005,6901234567892,抢可乐条码,,,piece,1.00,,
                L006,,单位错,,,box,1.00,,
                ,,无货号,,,piece,1.00,,
                """;
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            ImportProducts.Report report = till.importProducts.importCsv(new StringReader(csv));

            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.rejected()).extracting(ImportProducts.RejectedRow::line, ImportProducts.RejectedRow::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(4L, TillMessage.of(TillMessage.Code.IMPORT_BARCODE_CHECK_DIGIT, "6911111111111")),
                            org.assertj.core.groups.Tuple.tuple(5L, TillMessage.of(TillMessage.Code.IMPORT_AMOUNT, "price", "abc")),
                            org.assertj.core.groups.Tuple.tuple(6L, TillMessage.of(TillMessage.Code.IMPORT_SKU_HEAD_OFFICE, "100002")),
                            org.assertj.core.groups.Tuple.tuple(7L, TillMessage.of(TillMessage.Code.IMPORT_SKU_TWICE, "L001")),
                            org.assertj.core.groups.Tuple.tuple(8L, TillMessage.of(TillMessage.Code.IMPORT_BARCODE_TAKEN, "6901234567892", "100001")),
                            org.assertj.core.groups.Tuple.tuple(9L, TillMessage.of(TillMessage.Code.IMPORT_UNIT, "box")),
                            org.assertj.core.groups.Tuple.tuple(10L, TillMessage.of(TillMessage.Code.IMPORT_NO_SKU)));
            Product dumplings = till.ledger.read(s -> till.catalog.findByCode(s, "6911111111117", clock.instant())).orElseThrow();
            assertThat(dumplings.nameZh()).isEqualTo("手工饺子, 猪肉");
            assertThat(dumplings.price()).isEqualTo(2580);
            assertThat(dumplings.memberPrice()).isEqualTo(2300);
            assertThat(dumplings.taxRateBasisPoints()).isEqualTo(900);
            assertThat(dumplings.fromHeadOffice()).isFalse();
            assertThat(till.ledger.read(s -> till.catalog.findBySku(s, "L002", clock.instant())).orElseThrow().weighed()).isTrue();
        }
    }

    @Test
    void headOfficePublishingTheSameSkuLaterShadowsTheStoresOwnItem() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            till.importProducts.importCsv(new StringReader("sku,name_zh,price\nL001,本店饺子,25.80\n"));
            till.ledger.remote().applyPulled(List.of(new HeadOfficeEvents(clock).envelope(new CatalogItemUpserted(1, clock.instant(),
                    io.chainpos.model.id.Sku.of("L001"), List.of(), "总部饺子", null, "FROZEN", CatalogItemUpserted.Unit.PIECE,
                    2200, null, 900, true))), 9);

            Product product = till.ledger.read(s -> till.catalog.findBySku(s, "L001", clock.instant())).orElseThrow();
            assertThat(product.nameZh()).isEqualTo("总部饺子");
            assertThat(product.fromHeadOffice()).isTrue();
        }
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedWhole() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            ImportProducts.Report report = till.importProducts.importCsv(new StringReader("code;name;price\n1;a;2\n"));

            assertThat(report.imported()).isZero();
            assertThat(report.rejected()).singleElement().extracting(ImportProducts.RejectedRow::reason)
                    .isEqualTo(TillMessage.of(TillMessage.Code.IMPORT_HEADER_MISSING, "sku",
                            "sku,barcodes,name_zh,name_en,category,unit,price,member_price,tax_rate"));
        }
    }
}
