package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.Sku;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.LedgerSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the catalog, prices and head-office rules in effect at a moment. */
public final class CatalogStore {
    static final String PROMOTIONS = "promotions";
    static final String TIERS = "tiers";
    static final String LOYALTY = "loyalty";

    private static final String ITEM_IN_EFFECT = "SELECT * FROM catalog_items WHERE sku = :sku AND effective_from <= :at "
            + "ORDER BY (source = 'HQ') DESC, version DESC LIMIT 1";

    private final EventCodec codec;

    public CatalogStore(EventCodec codec) {
        this.codec = codec;
    }

    /** The active product with this barcode, or else with this SKU, as in effect at {@code at}. */
    public Optional<Product> findByCode(LedgerSession session, String code, Instant at) {
        List<String> skus = session.handle().createQuery("SELECT DISTINCT sku FROM catalog_barcodes WHERE barcode = :code")
                .bind("code", code).mapTo(String.class).list();
        for (String sku : skus) {
            Optional<Row> row = row(session, sku, at).filter(r -> hasBarcode(session, r, code));
            if (row.isPresent()) {
                return row.filter(Row::active).map(r -> product(session, r, at));
            }
        }
        return findBySku(session, code, at);
    }

    /** The active product with this SKU as in effect at {@code at}. */
    public Optional<Product> findBySku(LedgerSession session, String sku, Instant at) {
        return row(session, sku, at).filter(Row::active).map(r -> product(session, r, at));
    }

    /** Every active product as in effect at {@code at}, head office's and the store's own, in SKU order. */
    public List<Product> active(LedgerSession session, Instant at) {
        return session.handle().createQuery("SELECT DISTINCT sku FROM catalog_items ORDER BY sku")
                .mapTo(String.class).list().stream()
                .map(sku -> findBySku(session, sku, at))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Products whose Chinese or English name, or pinyin initials (助记码: {@code kkkl} for 可口可乐), contain
     * {@code text}, as in effect at {@code at}, in SKU order; at most {@code limit}. Head office's and the
     * store's own products alike. The names are searched in memory ({@link NameIndex}), built again after the
     * catalog changed.
     */
    public List<Product> search(LedgerSession session, String text, Instant at, int limit) {
        String query = NameIndex.normal(text);
        if (query.isEmpty()) {
            return List.of();
        }
        NameIndex index = nameIndex(session);
        List<Product> found = new ArrayList<>();
        int asked = limit * 4;
        while (found.size() < limit) {
            List<String> skus = index.find(query, asked);
            found.clear();
            for (String sku : skus) {
                findBySku(session, sku, at).filter(p -> matches(p, query)).ifPresent(found::add);
                if (found.size() == limit) {
                    break;
                }
            }
            if (skus.size() < asked) {
                break; // every candidate was looked at
            }
            asked *= 4;
        }
        return found;
    }

    /** Whether the product as sold now (not an older or later version of its names) answers the query. */
    private static boolean matches(Product product, String query) {
        return NameIndex.normal(product.nameZh()).contains(query) || NameIndex.normal(product.nameEn()).contains(query)
                || PinyinInitials.of(product.nameZh()).contains(query);
    }

    private NameIndex nameIndex(LedgerSession session) {
        long generation = session.handle().createQuery("SELECT value FROM till_state WHERE name = :name")
                .bind("name", CatalogProjection.GENERATION).mapTo(Long.class).findOne().orElse(0L);
        NameIndex index = names;
        if (index.generation() != generation) {
            List<NameIndex.Names> rows = session.handle().createQuery("SELECT sku, name_zh, name_en, initials FROM catalog_items "
                            + "ORDER BY sku")
                    .map((rs, ctx) -> new NameIndex.Names(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list();
            index = NameIndex.of(generation, rows);
            names = index;
        }
        return index;
    }

    private volatile NameIndex names = NameIndex.EMPTY;

    /**
     * Reads every name into memory now if the catalog changed since they were last read, so the cashier's first search
     * does not wait for it (a second with 300,000 products).
     */
    public void prepareNames(LedgerSession session) {
        nameIndex(session);
    }

    /** The catalog generation whose names are in memory (0: none read yet, or the catalog is empty). */
    public long namesReadAt() {
        return Math.max(names.generation(), 0);
    }

    /** Whether head office has ever published this SKU (a store may not import over it). */
    public boolean isHeadOfficeSku(LedgerSession session, String sku) {
        return session.handle().createQuery("SELECT COUNT(*) FROM catalog_items WHERE sku = :sku AND source = 'HQ'")
                .bind("sku", sku).mapTo(Integer.class).one() > 0;
    }

    /** The newest version this store gave its own item, 0 when none. */
    public long storeVersion(LedgerSession session, String sku) {
        return session.handle().createQuery("SELECT COALESCE(MAX(version), 0) FROM catalog_items WHERE sku = :sku AND source = 'STORE'")
                .bind("sku", sku).mapTo(Long.class).one();
    }

    /** The SKU another product uses this barcode for, if any. */
    public Optional<String> skuOfBarcode(LedgerSession session, String barcode) {
        return session.handle().createQuery("SELECT sku FROM catalog_barcodes WHERE barcode = :code LIMIT 1")
                .bind("code", barcode).mapTo(String.class).findOne();
    }

    /** The newest head-office price list in effect at {@code at}, 0 when none: the version a sale records. */
    public long priceListVersion(LedgerSession session, Instant at) {
        return session.handle().select("SELECT COALESCE(MAX(version), 0) FROM price_lists WHERE effective_from <= ?",
                at.toEpochMilli()).mapTo(Long.class).one();
    }

    public Optional<PromotionsPublished> promotions(LedgerSession session, Instant at) {
        return rules(session, PROMOTIONS, at, PromotionsPublished.class);
    }

    public Optional<TierRulesPublished> tierRules(LedgerSession session, Instant at) {
        return rules(session, TIERS, at, TierRulesPublished.class);
    }

    public Optional<LoyaltyRulesPublished> loyaltyRules(LedgerSession session, Instant at) {
        return rules(session, LOYALTY, at, LoyaltyRulesPublished.class);
    }

    private <T extends HeadOfficeEvent> Optional<T> rules(LedgerSession session, String kind, Instant at, Class<T> type) {
        return session.handle().select("SELECT payload FROM rule_sets WHERE kind = ? AND effective_from <= ? "
                        + "ORDER BY version DESC LIMIT 1", kind, at.toEpochMilli())
                .mapTo(String.class).findOne()
                .map(json -> type.cast(decoded.compute(kind, (k, cached) -> cached != null && cached.json().equals(json)
                        ? cached : new Decoded(json, codec.read(json, type))).value()));
    }

    /** The last rule set read per kind: every sale reads the rules, and they change a few times a year. */
    private record Decoded(String json, Object value) {
    }

    private final java.util.Map<String, Decoded> decoded = new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<Row> row(LedgerSession session, String sku, Instant at) {
        return session.handle().createQuery(ITEM_IN_EFFECT)
                .bind("sku", sku).bind("at", at.toEpochMilli())
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    private static Product product(LedgerSession session, Row item, Instant at) {
        long millis = at.toEpochMilli();
        String sku = item.sku;
        long price = item.price;
        Long memberPrice = item.memberPrice;
        long priceVersion = 0;
        if (item.fromHeadOffice) {
            Optional<long[]> entry = session.handle().createQuery("SELECT version, effective_from, price, member_price "
                            + "FROM price_entries WHERE sku = :sku AND effective_from <= :at ORDER BY version DESC LIMIT 1")
                    .bind("sku", sku).bind("at", millis)
                    .map((rs, ctx) -> {
                        long member = rs.getLong(4);
                        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? -1 : member};
                    })
                    .findOne();
            // A price list newer than the item version in effect sets its price; a later item version wins.
            if (entry.isPresent() && entry.get()[1] >= item.effectiveFrom) {
                priceVersion = entry.get()[0];
                price = entry.get()[2];
                memberPrice = entry.get()[3] < 0 ? null : entry.get()[3];
            }
        }
        return new Product(new Sku(item.sku), item.nameZh, item.nameEn, item.category, item.unit, price,
                memberPrice, item.taxRateBp, priceVersion, item.version, item.fromHeadOffice);
    }

    private static boolean hasBarcode(LedgerSession session, Row product, String code) {
        return session.handle().createQuery("SELECT COUNT(*) FROM catalog_barcodes WHERE barcode = :code AND sku = :sku "
                        + "AND source = :source AND version = :version")
                .bind("code", code).bind("sku", product.sku())
                .bind("source", product.fromHeadOffice() ? "HQ" : "STORE").bind("version", product.version())
                .mapTo(Integer.class).one() > 0;
    }

    private record Row(String sku, boolean fromHeadOffice, long version, long effectiveFrom, String nameZh, String nameEn,
                       String category, CatalogItemUpserted.Unit unit, long price, Long memberPrice, int taxRateBp,
                       boolean active) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        long member = rs.getLong("member_price");
        Long memberPrice = rs.wasNull() ? null : member;
        return new Row(rs.getString("sku"), "HQ".equals(rs.getString("source")), rs.getLong("version"),
                rs.getLong("effective_from"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("category"),
                CatalogItemUpserted.Unit.valueOf(rs.getString("unit")), rs.getLong("price"), memberPrice,
                rs.getInt("tax_rate_bp"), rs.getBoolean("active"));
    }
}
