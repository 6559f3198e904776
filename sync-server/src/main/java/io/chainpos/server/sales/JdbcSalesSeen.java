package io.chainpos.server.sales;

import io.chainpos.server.db.ReportReads;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the sales projection's tables. */
public final class JdbcSalesSeen implements SalesSeen {
    private final ReportReads db;

    public JdbcSalesSeen(ReportReads db) {
        this.db = db;
    }

    @Override
    public Slice<SaleSeen> list(String store, ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>();
        args.add(store);
        args.addAll(keyset.args());
        StringBuilder where = new StringBuilder("store_id = ? AND " + keyset.where());
        request.filter("receipt").ifPresent(receipt -> {
            where.append(" AND receipt_no LIKE ? ESCAPE '!'");
            args.add(receipt.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        });
        args.add(request.size() + 1);
        String sql = "SELECT doc_id, kind, store_id, till_id, receipt_no, occurred_ms, total, refunded, currency, member, tenders "
                + "FROM sales_seen WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<SaleSeen> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> new SaleSeen(rs.getString(1), SaleSeen.Kind.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7), rs.getLong(8),
                    rs.getString(9), rs.getLong(10) != 0, tenders(rs.getString(11)))).list();
        });
        return request.slice(rows, sale -> new Cursor(switch (request.sort().name()) {
            case "total" -> Long.toString(sale.total());
            case "receipt" -> sale.receiptNo();
            default -> Long.toString(sale.at().toEpochMilli());
        }, sale.docId()));
    }

    @Override
    public List<StoreSales> stores() {
        return db.read(h -> h.createQuery("SELECT store_id, docs, last_ms FROM sales_stores ORDER BY store_id")
                .map((rs, ctx) -> new StoreSales(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)))).list());
    }

    private static List<SaleSeen.TenderPaid> tenders(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(" ")).map(t -> {
            int colon = t.indexOf(':');
            return new SaleSeen.TenderPaid(t.substring(0, colon), Long.parseLong(t.substring(colon + 1)));
        }).toList();
    }
}
