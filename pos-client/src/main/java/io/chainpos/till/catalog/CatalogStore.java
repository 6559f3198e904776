package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.id.Sku;
import io.chainpos.model.json.EventCodec;
import java.util.Optional;
import io.chainpos.till.ledger.LedgerSession;

/** Reads the catalog and head-office rules this till holds. */
public final class CatalogStore {
    private final EventCodec codec;

    public CatalogStore(EventCodec codec) {
        this.codec = codec;
    }

    /** The active product with this barcode, or with this SKU when no barcode matches. */
    public Optional<Product> findByCode(LedgerSession session, String code) {
        return session.handle().createQuery("SELECT p.* FROM products p WHERE p.active = 1 AND (p.sku = "
                        + "(SELECT sku FROM barcodes WHERE barcode = :code) OR p.sku = :code) "
                        + "ORDER BY (p.sku = :code) LIMIT 1")
                .bind("code", code)
                .map((rs, ctx) -> new Product(
                        new Sku(rs.getString("sku")),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getString("category"),
                        CatalogItemUpserted.Unit.valueOf(rs.getString("unit")),
                        rs.getLong("price"),
                        nullableLong(rs, "member_price"),
                        rs.getInt("tax_rate_bp"),
                        rs.getLong("price_version")))
                .findOne();
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public Optional<LoyaltyRulesPublished> loyaltyRules(LedgerSession session) {
        return session.handle().createQuery("SELECT payload FROM head_office_rules WHERE kind = 'loyalty'")
                .mapTo(String.class)
                .findOne()
                .map(json -> codec.read(json, LoyaltyRulesPublished.class));
    }
}
