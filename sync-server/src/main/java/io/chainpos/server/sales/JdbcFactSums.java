package io.chainpos.server.sales;

import io.chainpos.server.db.SqlSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amounts added to one facts table's rows during a batch, summed per key in memory and written at the end as one
 * upsert per key (in one JDBC batch): a busy store's batch touches the same day's rows many times.
 */
final class JdbcFactSums {
    private final String upsert;
    private final int values;
    private final Map<List<Object>, Row> sums = new LinkedHashMap<>();

    /** {@code keys} are the table's primary key; {@code values} its summed columns. */
    JdbcFactSums(String table, List<String> keys, List<String> values) {
        this(table, keys, List.of(), values);
    }

    /** {@code labels} are not summed: the newest one written replaces the stored one (a promotion's name). */
    JdbcFactSums(String table, List<String> keys, List<String> labels, List<String> values) {
        this.values = values.size();
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(labels);
        columns.addAll(values);
        List<String> set = new ArrayList<>();
        labels.forEach(label -> set.add(label + " = excluded." + label));
        values.forEach(value -> set.add(value + " = " + table + "." + value + " + excluded." + value));
        this.upsert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + SqlSession.places(columns.size())
                + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + String.join(", ", set);
    }

    void add(List<Object> key, long... amounts) {
        add(key, List.of(), amounts);
    }

    /** Adds to the row of {@code key}; its {@code labels} replace those added before (one row per key in a batch). */
    void add(List<Object> key, List<Object> labels, long... amounts) {
        if (amounts.length != values) {
            throw new IllegalArgumentException("expected " + values + " amounts, got " + amounts.length);
        }
        Row row = sums.computeIfAbsent(key, k -> new Row(new ArrayList<>(labels), new long[values]));
        row.labels().clear();
        row.labels().addAll(labels);
        for (int i = 0; i < values; i++) {
            row.sums()[i] += amounts[i];
        }
    }

    void flush(SqlSession sql) {
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, row) -> {
            List<Object> columns = new ArrayList<>(key);
            columns.addAll(row.labels());
            for (long sum : row.sums()) {
                columns.add(sum);
            }
            rows.add(columns.toArray());
        });
        sums.clear();
        sql.batch(upsert, rows);
    }

    private record Row(List<Object> labels, long[] sums) {
    }
}
