package io.chainpos.server.sales;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.StoreZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each member bought, for head office's "members who buy X also buy Y": one row per member, product, store and
 * the store's local day, merged by the projector set-wise: the batch's sales claimed and its members' owners read in a few statements, its rows summed and written in one batch. Merges move a
 * member's rows to its survivor in event order, so a person is counted once; a sale carried by two events counts once.
 */
public final class JdbcMemberPurchasesProjection implements Projection {
    private static final String ADD = """
            INSERT INTO member_purchases (member_id, sku, store_id, day, sales) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (member_id, sku, store_id, day) DO UPDATE SET sales = member_purchases.sales + excluded.sales""";
    private static final String CLAIM = "INSERT INTO member_purchase_sales (sale_id) VALUES %s ON CONFLICT (sale_id) DO NOTHING RETURNING sale_id";
    private static final String OWNERS = "SELECT member_id, owner_id FROM member_purchase_owners WHERE member_id IN (%s)";
    private static final String MOVE = """
            INSERT INTO member_purchases (member_id, sku, store_id, day, sales)
            SELECT ?, sku, store_id, day, sales FROM member_purchases WHERE member_id = ?
            ON CONFLICT (member_id, sku, store_id, day) DO UPDATE SET sales = member_purchases.sales + excluded.sales""";
    private static final String DROP = "DELETE FROM member_purchases WHERE member_id = ?";
    private static final String REOWN = "UPDATE member_purchase_owners SET owner_id = ? WHERE owner_id = ?";
    private static final String OWN = """
            INSERT INTO member_purchase_owners (member_id, owner_id) VALUES (?, ?)
            ON CONFLICT (member_id) DO UPDATE SET owner_id = excluded.owner_id""";

    private final StoreZones zones;

    /** @param zones each store's zone; a store head office has not described keeps {@link Formats#DEFAULT_ZONE}'s days */
    public JdbcMemberPurchasesProjection(StoreZones zones) {
        this.zones = zones;
    }

    @Override
    public List<String> tables() {
        return List.of("member_purchases", "member_purchase_owners", "member_purchase_sales");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<String> saleIds = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale when sale.memberId() != null -> {
                    saleIds.add(sale.saleId().toString());
                    members.add(sale.memberId().toString());
                }
                case MembersMerged merged -> {
                    members.add(merged.memberId().toString());
                    members.add(merged.mergedId().toString());
                }
                default -> {
                }
            }
        }
        if (members.isEmpty()) {
            return List.of();
        }
        // The sales new to this table, claimed at once: a sale another push is writing waits for it and is not new.
        // Sorted, so two pushes claim in one order.
        Set<String> uncounted = new HashSet<>();
        sql.forEachIn(CLAIM, places -> String.join(", ", Collections.nCopies(places, "(?)")), List.copyOf(new TreeSet<>(saleIds)),
                rs -> uncounted.add(rs.getString(1)));
        Map<String, String> ownerOf = new HashMap<>();
        sql.forEachIn(OWNERS, List.copyOf(members), rs -> ownerOf.put(rs.getString(1), rs.getString(2)));
        Map<String, ZoneId> zoneOf = new HashMap<>();
        // member, sku, store, day -> sales; sorted so writers lock index entries in one order
        TreeMap<List<Object>, Long> pending = new TreeMap<>(JdbcMemberPurchasesProjection::compareKeys);
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale when sale.memberId() != null -> {
                    if (!uncounted.remove(sale.saleId().toString())) {
                        continue;
                    }
                    String store = event.storeId().value();
                    long day = event.occurredAt().atZone(zoneOf.computeIfAbsent(store,
                            s -> zones.zoneOf(s).orElse(Formats.DEFAULT_ZONE))).toLocalDate().toEpochDay();
                    String owner = ownerOf.getOrDefault(sale.memberId().toString(), sale.memberId().toString());
                    sale.lines().stream().map(SaleLine::sku).distinct()
                            .forEach(sku -> pending.merge(List.of(owner, sku.value(), store, day), 1L, Long::sum));
                }
                case MembersMerged merged -> {
                    String survivor = ownerOf.getOrDefault(merged.memberId().toString(), merged.memberId().toString());
                    String absorbed = ownerOf.getOrDefault(merged.mergedId().toString(), merged.mergedId().toString());
                    if (!survivor.equals(absorbed)) {
                        flush(sql, pending);
                        sql.update(MOVE, survivor, absorbed);
                        sql.update(DROP, absorbed);
                        sql.update(REOWN, survivor, absorbed);
                        sql.update(OWN, absorbed, survivor);
                        ownerOf.replaceAll((id, owner) -> owner.equals(absorbed) ? survivor : owner);
                        ownerOf.put(absorbed, survivor);
                    }
                }
                default -> {
                }
            }
        }
        flush(sql, pending);
        return List.of();
    }

    private static void flush(SqlSession sql, TreeMap<List<Object>, Long> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        pending.forEach((key, sales) -> rows.add(new Object[] {key.get(0), key.get(1), key.get(2), key.get(3), sales}));
        sql.batch(ADD, rows);
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
