package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;
import io.chainpos.server.testing.Json;
import io.chainpos.server.Ports;
import io.chainpos.server.catalog.Catalog;
import io.chainpos.server.headoffice.HeadOffice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Head office's catalog search: a barcode or whole SKU by its key, part of a name or SKU of three characters or more
 * through the trigram index (SQLite's FTS5, PostgreSQL's pg_trgm), a shorter one name by name; the index follows
 * renames and a rebuild. Expected SKUs by hand from the four products below.
 */
abstract class CatalogSearchContract extends EventStoreContract {

    private static CatalogItemUpserted product(String sku, String barcode, String zh, String en) {
        return new CatalogItemUpserted(1, NOW, Sku.of(sku), List.of(barcode), zh, en, "DRINK", CatalogItemUpserted.Unit.PIECE, 350, null,
                1300, true);
    }

    private List<String> search(String q) {
        Catalog catalog = Ports.on(storage, Json.CODEC, clock).catalog();
        return catalog.list(Catalog.LIST.read(Map.of("q", List.of(q)))).rows().stream().map(io.chainpos.server.catalog.Product::sku).toList();
    }

    @Test
    void findsByKeyByPartOfANameOrSkuAndFollowsRenamesAndRebuilds() {
        HeadOffice headOffice = new HeadOffice(log, Json.CODEC, clock);
        headOffice.publish(List.of(
                product("100001", "6901234000016", "可口可乐 330ml", "Coca-Cola 330ml"),
                product("100002", "6901234000023", "百事可乐", "Pepsi Cola"),
                product("200010", "6901234000030", "农夫山泉 550ml", "Nongfu Spring 550ml"),
                product("200020", "6901234000047", "五折 特价 50%", "Half price_special")));

        assertThat(search("6901234000023")).as("a barcode").containsExactly("100002");
        assertThat(search("200010")).as("a whole SKU").containsExactly("200010");
        assertThat(search("可口可")).as("three characters of a Chinese name").containsExactly("100001");
        assertThat(search("可乐")).as("two characters: read name by name").containsExactly("100001", "100002");
        assertThat(search("COLA")).as("any case").containsExactly("100001", "100002");
        assertThat(search("550ml")).containsExactly("200010");
        assertThat(search("1000")).as("a SKU's beginning").containsExactly("100001", "100002");
        assertThat(search("0001")).as("part of a SKU").containsExactly("100001", "200010");
        assertThat(search("50%")).as("a percent sign is a character, not a wildcard").containsExactly("200020");
        assertThat(search("e_s")).as("an underscore too").containsExactly("200020");
        assertThat(search("可口可乐 500")).isEmpty();

        headOffice.publish(List.of(new CatalogItemUpserted(2, NOW, Sku.of("100001"), List.of("6901234000016"), "零度可乐 330ml",
                "Coke Zero 330ml", "DRINK", CatalogItemUpserted.Unit.PIECE, 350, null, 1300, true)));

        assertThat(search("可口可")).as("the old name is gone from the index").isEmpty();
        assertThat(search("零度可")).containsExactly("100001");

        log.rebuildProjections();

        assertThat(search("零度可")).as("after a rebuild").containsExactly("100001");
        assertThat(search("可口可")).isEmpty();
        assertThat(search("农夫山")).containsExactly("200010");
    }
}
