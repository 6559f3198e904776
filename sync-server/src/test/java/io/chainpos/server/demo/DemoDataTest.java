package io.chainpos.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo-data}: a small convenience store's head-office data, seeded once into an empty store. */
class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyStoreIsSeededOnceWithGapFreeHeadOfficeEvents() {
        List<JsonNode> events = new ArrayList<>();
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            Api till = server.enroll("S001", "S001-T1").api();
            till.get("/api/v1/sync/pull?limit=1000").json().get("events").forEach(events::add);
        }
        try (TestServer again = TestServer.startWithDemoData(dir)) {
            assertThat(again.ports.log().mark(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH).ackedThrough())
                    .isEqualTo(events.size());
        }

        // What the demo is: 21 products (19 with a barcode, bananas and apples by weight), the tier and loyalty rules,
        // three members (张伟, 李娜, 王芳) each registered with opening points, and the opening stock of every product
        // at the demo store S001 (21 stock receipts): 50 events, stated here, not counted from DemoData.
        assertThat(events).extracting(e -> e.get("type").asText()).filteredOn("CatalogItemUpserted"::equals).hasSize(21);
        assertThat(events).extracting(e -> e.get("type").asText()).filteredOn("MemberRegistered"::equals).hasSize(3);
        assertThat(events).extracting(e -> e.get("type").asText()).filteredOn("PointsChanged"::equals).hasSize(3);
        assertThat(events).extracting(e -> e.get("type").asText()).filteredOn("StockChanged"::equals).hasSize(21);
        assertThat(events).hasSize(50);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("tillSeq").asLong()).isEqualTo(i + 1);
            assertThat(events.get(i).get("tillId").asText()).isEqualTo("HQ");
            assertThat(events.get(i).get("storeId").asText()).isEqualTo("HQ");
        }
        assertThat(events).extracting(e -> e.get("hlc").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.get("type").asText())
                .contains("CatalogItemUpserted", "TierRulesPublished", "LoyaltyRulesPublished", "MemberRegistered", "PointsChanged");
    }

    @Test
    void theDemoMembersCanBeFoundByPhoneWithTheirOpeningPoints() {
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            Api till = server.enroll("S001", "S001-T1").api();

            MemberView member = Json.CODEC.read(till.memberByPhone("13800000002").body(), MemberView.class);

            assertThat(member.name()).isEqualTo("李娜");
            assertThat(member.tierCode()).isEqualTo("SILVER");
            assertThat(member.pointsBalance()).isEqualTo(2_000);
            assertThat(till.memberByPhone("13800000001").status()).isEqualTo(200);
            assertThat(till.memberByPhone("13800000003").status()).isEqualTo(200);
        }
    }

    @Test
    void theDemoStoreHasOpeningStockSoSellingOneOfEachProductRaisesNoNegativeStock() {
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            TestServer.EnrolledTill till = server.enroll("S001", "S001-T1");
            List<Event> sales = new ArrayList<>();
            int receipt = 0;
            for (CatalogItemUpserted item : DemoData.catalog(Instant.EPOCH)) {
                long qty = item.unit() == CatalogItemUpserted.Unit.WEIGHT ? 620 : 1_000;
                sales.add(io.chainpos.server.testing.Facts.sale("S001-T1-1-%06d".formatted(++receipt), item.sku().value(), item.price()));
                sales.add(io.chainpos.server.testing.Facts.stock("S001", item.sku().value(), -qty, StockChanged.Reason.SALE));
            }

            assertThat(till.push(till.writer().next(sales)).status()).isEqualTo(200);

            JsonNode exceptions = server.headOffice().get("/api/v1/exceptions").json().get("exceptions");
            assertThat(exceptions.valueStream().map(e -> e.get("kind").asText()).toList()).doesNotContain("NEGATIVE_STOCK");
            JsonNode stock = till.api().get("/api/v1/stock?storeId=S001").json();
            assertThat(stock.toString()).contains("\"sku\":\"100001\"");
            assertThat(till.api().get("/api/v1/stock?storeId=S001&sku=100001").json().toString()).contains("199000");
        }
    }

    @Test
    void aStoreThatHoldsAnythingIsLeftAlone() {
        try (TestServer server = TestServer.start(dir)) {
            var till = server.enroll("S001", "S001-T1");
            till.push(till.writer().next(List.of(io.chainpos.server.testing.Facts.points(io.chainpos.server.testing.Facts.member(1), 1))));
        }
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            assertThat(server.ports.log().mark(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH).ackedThrough()).isZero();
        }
    }

    @Test
    void theCatalogIsAConvenienceStoresWithValidBarcodesAndTwoWeighedItems() {
        List<CatalogItemUpserted> catalog = DemoData.catalog(Instant.EPOCH);

        assertThat(catalog).hasSizeBetween(18, 25);
        assertThat(catalog).extracting(c -> c.sku().value()).doesNotHaveDuplicates();
        assertThat(catalog).allSatisfy(item -> {
            assertThat(item.nameZh()).isNotBlank();
            assertThat(item.nameEn()).isNotBlank().isNotEqualTo(item.nameZh());
            assertThat(item.category()).isNotBlank();
            assertThat(item.price()).isPositive();
            item.barcodes().forEach(code -> assertThat(code).matches("\\d{13}").satisfies(c -> assertThat(checkDigitHolds(c)).isTrue()));
        });
        assertThat(catalog).filteredOn(c -> c.unit() == CatalogItemUpserted.Unit.WEIGHT).hasSize(2);
        assertThat(catalog).filteredOn(c -> c.unit() == CatalogItemUpserted.Unit.PIECE).allSatisfy(c -> assertThat(c.barcodes()).hasSize(1));
        List<Event> all = DemoData.events(Instant.EPOCH, io.chainpos.server.testing.Facts.LOOKUP, new ArrayList<>());
        assertThat(all).anySatisfy(e -> assertThat(e).isInstanceOf(io.chainpos.model.event.TierRulesPublished.class));
        io.chainpos.model.event.TierRulesPublished tiers = DemoData.tiers(Instant.EPOCH);
        assertThat(tiers.tiers()).extracting(io.chainpos.model.event.TierRulesPublished.Tier::nameZh)
                .containsExactly("普通", "银卡", "金卡", "钻石");
        assertThat(DemoData.loyalty(Instant.EPOCH).pointsPerYuan()).isEqualTo(1);
        assertThat(DemoData.loyalty(Instant.EPOCH).fenPerPointRedeemed()).isEqualTo(1); // 100 points = 1 yuan
    }

    /** Computed here independently of {@link Ean13}: odd positions weigh 1, even ones 3, total a multiple of 10. */
    private static boolean checkDigitHolds(String code) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }
}
