package io.chainpos.till.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
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
}
