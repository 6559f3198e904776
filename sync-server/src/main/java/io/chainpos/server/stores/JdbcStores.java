package io.chainpos.server.stores;

import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import io.chainpos.server.web.StoreZones;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code stores} table; the zone of each store for the pages' times. */
public final class JdbcStores implements Stores, StoreZones {
    private static final String COLUMNS = "store_id, name, address, zone_id, version, updated_ms";

    private final Database db;

    public JdbcStores(Database db) {
        this.db = db;
    }

    @Override
    public Slice<Store> list(ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        request.filter("q").ifPresent(q -> {
            // '!' escapes: two backslash escapes in one statement would confuse the driver's parsing of the quotes.
            String like = "%" + q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            where.append(" AND (LOWER(store_id) LIKE ? ESCAPE '!' OR LOWER(name) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        });
        args.add(request.size() + 1);
        String sql = "SELECT " + COLUMNS + " FROM stores WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Store> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> store(rs)).list();
        });
        return request.slice(rows, store -> new Cursor("name".equals(request.sort().name()) ? store.name() : store.id(), store.id()));
    }

    @Override
    public int count(int atMost) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT store_id FROM stores LIMIT :n) few")
                .bind("n", atMost).mapTo(Integer.class).one());
    }

    @Override
    public Optional<Store> find(String id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM stores WHERE store_id = :id")
                .bind("id", id).map((rs, ctx) -> store(rs)).findOne());
    }

    @Override
    public boolean add(Store store) {
        return db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO stores (store_id, name, address, zone_id, version, updated_ms)
                        VALUES (:id, :name, :address, :zone, 1, :at) ON CONFLICT (store_id) DO NOTHING""")
                .bind("id", store.id()).bind("name", store.name()).bind("address", store.address())
                .bind("zone", store.zone().getId()).bind("at", store.updated().toEpochMilli()).execute() == 1);
    }

    @Override
    public boolean update(Store changed, int seenVersion) {
        // One statement compares and changes: of two edits from the same version, one wins and the other is told.
        return db.write(tx -> tx.handle().createUpdate("""
                        UPDATE stores SET name = :name, address = :address, zone_id = :zone, version = version + 1,
                               updated_ms = :at
                        WHERE store_id = :id AND version = :seen""")
                .bind("id", changed.id()).bind("name", changed.name()).bind("address", changed.address())
                .bind("zone", changed.zone().getId()).bind("at", changed.updated().toEpochMilli()).bind("seen", seenVersion)
                .execute() == 1);
    }

    @Override
    public Optional<ZoneId> zoneOf(String store) {
        return db.read(h -> h.createQuery("SELECT zone_id FROM stores WHERE store_id = :id")
                .bind("id", store).mapTo(String.class).findOne()).map(ZoneId::of);
    }

    @Override
    public java.util.Map<String, ZoneId> every() {
        java.util.Map<String, ZoneId> zones = new java.util.HashMap<>();
        db.read(h -> h.createQuery("SELECT store_id, zone_id FROM stores").map((rs, ctx) -> zones.put(rs.getString(1),
                ZoneId.of(rs.getString(2)))).list());
        return zones;
    }

    private static Store store(ResultSet rs) throws SQLException {
        return new Store(rs.getString(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)), rs.getInt(5),
                Instant.ofEpochMilli(rs.getLong(6)));
    }
}
