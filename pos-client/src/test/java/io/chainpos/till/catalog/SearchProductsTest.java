package io.chainpos.till.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.till.testing.HeadOfficeEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchProductsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void findsProductsByPartOfEitherName() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SearchProducts search = new SearchProducts(till.ledger, till.catalog, clock);

            assertThat(search.byName("面包", 10)).extracting(Product::nameZh).containsExactly("全麦面包");
            assertThat(search.byName(" cola ", 10)).extracting(Product::nameEn).containsExactly("Coca-Cola 330ml");
            assertThat(search.byName("", 10)).isEmpty();
            assertThat(search.byName("nothing like it", 10)).isEmpty();
        }
    }

    @Test
    void findsProductsByTheirPinyinInitialsAndByAnyPartOfTheirName() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SearchProducts search = new SearchProducts(till.ledger, till.catalog, clock);

            assertThat(search.byName("kkkl", 10)).extracting(Product::nameZh).containsExactly("可口可乐 330ml");
            assertThat(search.byName("KKKL", 10)).extracting(Product::nameZh).containsExactly("可口可乐 330ml");
            assertThat(search.byName("qmmb", 10)).extracting(Product::nameZh).containsExactly("全麦面包");
            assertThat(search.byName("口可", 10)).extracting(Product::nameZh).containsExactly("可口可乐 330ml");
            assertThat(search.byName("麦面", 10)).extracting(Product::nameZh).containsExactly("全麦面包");
            assertThat(search.byName("kkkx", 10)).isEmpty();
        }
    }

    @Test
    void theStoresOwnProductsAreFoundByInitialsToo() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SearchProducts search = new SearchProducts(till.ledger, till.catalog, clock);
            assertThat(search.byName("bdjz", 10)).isEmpty(); // read once: the search has its names in memory now

            till.importProducts.importCsv(new java.io.StringReader("sku,name_zh,price\nL001,本店饺子,25.80\n"));

            assertThat(search.byName("bdjz", 10)).extracting(Product::nameZh).containsExactly("本店饺子");
            assertThat(search.byName("饺", 10)).extracting(Product::nameZh).containsExactly("本店饺子");
        }
    }

    @Test
    void aRenamedProductIsFoundByItsNewNameOnlyAndAnUpcomingNameNotYet() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            SearchProducts search = new SearchProducts(till.ledger, till.catalog, clock);
            Instant now = clock.instant();
            HeadOfficeEvents headOffice = new HeadOfficeEvents(clock);
            till.ledger.remote().applyPulled(List.of(
                    headOffice.envelope(new CatalogItemUpserted(2, now.minusSeconds(60), HeadOfficeEvents.BREAD,
                            List.of(), "黑麦面包", "Rye bread", "BAKERY", CatalogItemUpserted.Unit.PIECE, 1200, null, 900, true)),
                    headOffice.envelope(new CatalogItemUpserted(3, now.plusSeconds(3600), HeadOfficeEvents.BREAD,
                            List.of(), "燕麦面包", "Oat bread", "BAKERY", CatalogItemUpserted.Unit.PIECE, 1200, null, 900, true))),
                    1_000);

            assertThat(search.byName("hmmb", 10)).extracting(Product::nameZh).containsExactly("黑麦面包");
            assertThat(search.byName("qmmb", 10)).isEmpty();
            assertThat(search.byName("ymmb", 10)).isEmpty();
        }
    }

    @Test
    void aTillUpgradedFromBeforeTheInitialsFindsItsCatalogByThem() {
        Path file = dir.resolve("old.db");
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/till")
                .target("1360")
                .load()
                .migrate();
        try (var h = org.jdbi.v3.core.Jdbi.open("jdbc:sqlite:" + file.toAbsolutePath())) {
            h.execute("INSERT INTO catalog_items (sku, source, version, effective_from, name_zh, name_en, category, unit, "
                    + "price, member_price, tax_rate_bp, active) VALUES ('100009', 'HQ', 1, 0, '农夫山泉', 'Spring water', "
                    + "'DRINKS', 'PIECE', 200, NULL, 1300, 1)");
        }

        try (TestTill till = new TestTill(file, clock, "S001", "S001-T1")) {
            assertThat(new SearchProducts(till.ledger, till.catalog, clock).byName("nfsq", 10))
                    .extracting(Product::nameZh).containsExactly("农夫山泉");
        }
    }
}
