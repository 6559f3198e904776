package io.chainpos.till.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PriceListPublished;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogVersionsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aPriceListForLaterDoesNotApplyBeforeItsTimeAndTheSaleRecordsTheVersionItUsed() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            HeadOfficeEvents hq = new HeadOfficeEvents(clock);
            Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
            till.ledger.remote().applyPulled(List.of(
                    hq.envelope(new PriceListPublished(5, clock.instant(), List.of(new PriceListPublished.Entry(HeadOfficeEvents.BREAD, 750, null)))),
                    hq.envelope(new PriceListPublished(6, tomorrow, List.of(new PriceListPublished.Entry(HeadOfficeEvents.BREAD, 600, null))))), 8);

            assertThat(priceNow(till)).isEqualTo(750);
            SaleCompleted today = sell(till);
            assertThat(today.total()).isEqualTo(750);
            assertThat(today.priceListVersion()).isEqualTo(5);

            clock.set(tomorrow);
            assertThat(priceNow(till)).isEqualTo(600);
            assertThat(sell(till).priceListVersion()).isEqualTo(6);
        }
    }

    @Test
    void aCatalogItemVersionForLaterWaitsAndANewerItemVersionOutranksAnOlderPriceList() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            HeadOfficeEvents hq = new HeadOfficeEvents(clock);
            Instant later = clock.instant().plus(Duration.ofHours(2));
            till.ledger.remote().applyPulled(List.of(
                    hq.envelope(new PriceListPublished(5, clock.instant(), List.of(new PriceListPublished.Entry(HeadOfficeEvents.BREAD, 750, null)))),
                    hq.envelope(new CatalogItemUpserted(2, later, HeadOfficeEvents.BREAD, List.of("6900000000012"), "新配方面包",
                            "New bread", "BAKERY", CatalogItemUpserted.Unit.PIECE, 900, null, 900, true))), 8);

            java.util.Optional<Product> early = till.ledger.read(s -> till.catalog.findByCode(s, "6900000000012", clock.instant()));
            assertThat(early).isEmpty();
            assertThat(till.ledger.read(s -> till.catalog.findBySku(s, "100002", clock.instant())).orElseThrow().nameZh())
                    .isEqualTo("全麦面包");

            clock.set(later);
            Product renamed = till.ledger.read(s -> till.catalog.findByCode(s, "6900000000012", clock.instant())).orElseThrow();
            assertThat(renamed.nameZh()).isEqualTo("新配方面包");
            assertThat(renamed.price()).isEqualTo(900);
        }
    }

    @Test
    void anotherStoresOwnItemsAreNotThisStoresCatalog() {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock)) {
            EventEnvelope otherStore = new EventEnvelope(EventId.newId(clock), new StoreId("S002"), new TillId("S002-T1"), 1, 1,
                    clock.millis() << 16, clock.instant(), new CatalogItemUpserted(1, clock.instant(), Sku.of("LOCAL-1"),
                    List.of(), "别家的货", null, "", CatalogItemUpserted.Unit.PIECE, 100, null, 1300, true));
            till.ledger.remote().applyPulled(List.of(otherStore), 9);

            java.util.Optional<Product> found = till.ledger.read(s -> till.catalog.findBySku(s, "LOCAL-1", clock.instant()));
            assertThat(found).isEmpty();
        }
    }

    private long priceNow(TestTill till) {
        return till.ledger.read(s -> till.catalog.findBySku(s, "100002", clock.instant())).orElseThrow().price();
    }

    private static SaleCompleted sell(TestTill till) {
        SaleSession sale = till.session("c1");
        sale.scan("100002");
        return ((SaleSession.Paid) sale.addTender(new Tender(TenderMethod.CASH, 1000, null))).sale().sale();
    }
}
