package io.chainpos.server.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the catalog projection's tables. */
public final class JdbcCatalog implements Catalog {
    /** A search this long or longer is found through the trigram index of the products' search text. */
    static final int TRIGRAM = 3;
    private static final String COLUMNS = "p.sku, p.version, p.revision, p.effective_ms, p.name_zh, p.name_en, p.category, p.unit, "
            + "p.item_price, p.item_member_price, p.price, p.member_price, p.price_from_ms, p.tax_rate_bp, p.active, p.barcodes";

    private final Database db;

    public JdbcCatalog(Database db) {
        this.db = db;
    }

    @Override
    public Slice<Product> list(ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        request.filter("q").ifPresent(q -> {
            Optional<String> exact = exactly(q);
            if (exact.isPresent()) {
                // A scanned barcode or a whole SKU names one product: found by its key, not by reading every name.
                where.append(" AND p.sku = ?");
                args.add(exact.get());
                return;
            }
            String lower = q.toLowerCase(Locale.ROOT);
            if (lower.codePointCount(0, lower.length()) >= TRIGRAM) {
                // Part of the SKU or of either name (search_text holds all three, lower case), through the trigram index.
                if (db.dialect() == Dialect.SQLITE && lower.chars().noneMatch(c -> c == '%' || c == '_')) {
                    where.append(" AND p.rowid IN (SELECT rowid FROM catalog_search WHERE catalog_search.search_text LIKE ?)");
                    args.add("%" + lower + "%");
                } else {
                    where.append(" AND p.search_text LIKE ? ESCAPE '!'");
                    args.add("%" + escaped(lower) + "%");
                }
                return;
            }
            // A SKU's beginning, or part of either name: too short for the index, read name by name.
            where.append(" AND (p.sku LIKE ? ESCAPE '!' OR p.search_text LIKE ? ESCAPE '!')");
            args.add(escaped(q) + "%");
            args.add("%" + escaped(lower) + "%");
        });
        request.filter("category").ifPresent(category -> {
            where.append(" AND p.category = ?");
            args.add(category);
        });
        args.add(request.size() + 1);
        String sql = "SELECT " + COLUMNS + " FROM catalog_products p WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Product> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> product(rs)).list();
        });
        return request.slice(rows, p -> new Cursor(switch (request.sort().name()) {
            case "name" -> p.nameZh();
            case "category" -> p.category();
            case "price" -> Long.toString(p.price());
            default -> p.sku();
        }, p.sku()));
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The product a search names exactly: a barcode, else a whole SKU; empty when it names none exactly. */
    private Optional<String> exactly(String q) {
        return db.read(h -> h.createQuery("""
                        SELECT sku FROM catalog_barcodes WHERE barcode = :q
                        UNION ALL SELECT sku FROM catalog_products WHERE sku = :q""")
                .bind("q", q).mapTo(String.class).findFirst());
    }

    @Override
    public Optional<Product> find(String sku) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM catalog_products p WHERE p.sku = :sku")
                .bind("sku", sku).map((rs, ctx) -> product(rs)).findOne());
    }

    @Override
    public Optional<String> skuOfBarcode(String barcode) {
        return db.read(h -> h.createQuery("SELECT sku FROM catalog_barcodes WHERE barcode = :code")
                .bind("code", barcode).mapTo(String.class).findOne());
    }

    @Override
    public List<PriceChange> priceChanges(String sku) {
        return db.read(h -> h.createQuery("""
                        SELECT list_version, effective_ms, price, member_price FROM catalog_price_changes
                        WHERE sku = :sku ORDER BY list_version DESC""")
                .bind("sku", sku)
                .map((rs, ctx) -> new PriceChange(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3), nullable(rs, 4)))
                .list());
    }

    @Override
    public long lastPriceListVersion() {
        return db.read(h -> h.createQuery("SELECT COALESCE(MAX(list_version), 0) FROM catalog_price_changes")
                .mapTo(Long.class).one());
    }

    private static Product product(ResultSet rs) throws SQLException {
        String barcodes = rs.getString(16);
        return new Product(rs.getString(1), rs.getLong(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), CatalogItemUpserted.Unit.valueOf(rs.getString(8)), rs.getLong(9), nullable(rs, 10),
                rs.getLong(11), nullable(rs, 12), Instant.ofEpochMilli(rs.getLong(13)), rs.getInt(14), rs.getLong(15) != 0,
                barcodes.isBlank() ? List.of() : Arrays.asList(barcodes.split(" ")));
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
